import { type PropertyValues, html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { oneOf, warnAttribute } from '../../core/attribute-warning.js';
import { $config } from '../../core/config.js';
import { VitrineElement } from '../../core/element.js';
import { visuallyHidden } from '../../core/styles.js';
import { apiUrl } from '../../core/http.js';
import type { ElementMessages } from '../../core/localize-controller.js';
import { LocalizeController } from '../../core/localize-controller.js';
import { fetchSession, signOut } from '../../features/session/session-api.js';
import { $session, type SessionUser } from '../../features/session/session.js';
import { StoreController } from '../../core/store-controller.js';
import { track } from '../../core/track.js';
import { safeUrl } from '../../core/url.js';
import { LoginErrorEvent, LoginEvent, LoginRequestEvent, LogoutEvent } from './login.events.js';
import { messages } from './login.i18n.js';
import type { LoginMessages } from './login.i18n.js';
import { LOGIN_PROVIDERS, type LoginProvider, isLoginProvider, logos } from './login.providers.js';
import { styles } from './login.styles.js';

export type LoginMode = 'auto' | 'popup' | 'redirect';
export type LoginSize = 'sm' | 'md' | 'lg';
/** What went wrong, as the shopper is told: the provider, and a code such as `popup_closed`. */
export interface LoginFailure {
  provider: LoginProvider;
  code: string;
}

const SHOWN_ERRORS = ['popup_closed', 'access_denied', 'network', 'provider_unavailable'] as const;
const WIDGET = 'vitrine-login';

/** iOS (iPadOS reports itself as a Mac with touch) and in-app browsers, where popups are unreliable. */
const prefersRedirect = (): boolean =>
  /iPad|iPhone|iPod|FBAN|FBAV|Instagram|Line\/|Snapchat|; wv\)/.test(navigator.userAgent) ||
  (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);

/**
 * Social sign-in buttons, backed by the server's OAuth 2.0 / OpenID Connect flow: no provider script ever
 * loads on the page. A popup on desktop, a full-page redirect when the popup is blocked, on iOS and in
 * in-app browsers, or with `mode="redirect"`. Once signed in, it shows the first name, the avatar and a
 * sign-out button; every Vitrine widget follows through `$session`.
 *
 * @summary Sign in with Google, Facebook, Apple (or the demo provider), brand-compliant, FR/EN.
 *
 * @fires vitrine-login-request - Before the popup or redirect opens (cancelable). `detail: {provider}`
 * @fires vitrine-login - Signed in. `detail: {provider, user}`
 * @fires vitrine-login-error - Sign-in failed or was abandoned. `detail: {provider, code}`
 * @fires vitrine-logout - Signed out.
 *
 * @csspart providers - The group of provider buttons.
 * @csspart button - Every provider button; each also has `button-<provider>` (e.g. `button-google`).
 * @csspart status - The "signing in…" line.
 * @csspart error - The error message and its retry button.
 * @csspart retry - The retry button.
 * @csspart account - The signed-in block.
 * @csspart avatar - The avatar image, or the initial when there is none.
 * @csspart name - The greeting with the first name.
 * @csspart sign-out - The sign-out button.
 *
 * @cssprop [--vitrine-login-font=var(--vitrine-font, system-ui)] - Font of the widget (provider buttons keep their brand fonts).
 * @cssprop [--vitrine-login-color=var(--vitrine-text, inherit)] - Text colour of the greeting and messages.
 * @cssprop [--vitrine-login-radius=var(--vitrine-radius, 4px)] - Corner radius of the buttons (20px for pills).
 * @cssprop [--vitrine-login-gap=8px] - Space between buttons.
 * @cssprop [--vitrine-login-direction=row] - `row` or `column`.
 * @cssprop [--vitrine-login-demo-background=var(--vitrine-accent, #2b2118)] - Background of the demo provider's button.
 * @cssprop [--vitrine-login-demo-color=var(--vitrine-on-accent, #fff)] - Text colour of the demo provider's button.
 * @cssprop [--vitrine-login-error-color=var(--vitrine-text, #b3261e)] - Colour of error messages (the text colour once a palette sets it, so it keeps its contrast on dark pages).
 * @cssprop [--vitrine-login-avatar-background=#6d4c41] - Background of the initial shown when there is no avatar.
 * @cssprop [--vitrine-login-avatar-color=#fff] - Colour of that initial.
 * @cssprop [--vitrine-accent] - Global token: the demo button and the focus ring (Google, Facebook and Apple keep their brand colours).
 * @cssprop [--vitrine-on-accent=#fff] - Global token: text on the accent.
 * @cssprop [--vitrine-text=inherit] - Global token: text colour.
 * @cssprop [--vitrine-radius=4px] - Global token: corner radius.
 * @cssprop [--vitrine-font=system-ui] - Global token: font family.
 * @cssprop [--vitrine-focus-ring=2px solid var(--vitrine-accent, #1a73e8)] - Global token: the focus outline (width, style, colour).
 */
export class VitrineLogin extends VitrineElement {
  static override styles = [visuallyHidden, styles];
  // Declared here rather than with decorators: no decorator helpers in the bundle.
  static override properties: PropertyDeclarations = {
    messages: { attribute: false },
    providers: {},
    size: { reflect: true },
    compact: { type: Boolean, reflect: true },
    theme: { reflect: true },
    mode: {},
    error: { attribute: false },
    pending: { state: true },
  };

  /** Comma-separated providers, in order: `google`, `facebook`, `apple`, `demo`. */
  providers = 'google,facebook,apple';
  /** Button height: `sm` (32px), `md` (40px) or `lg` (48px). @type {'sm' | 'md' | 'lg'} */
  size: LoginSize = 'md';
  /** Icon-only buttons (their accessible names stay the full labels). */
  compact = false;
  /** `light` or `dark` button variants (Google white or dark, Apple black or white). */
  theme: 'light' | 'dark' = 'light';
  /** `auto` (popup, redirect where popups fail), `popup` or `redirect`. @type {'auto' | 'popup' | 'redirect'} */
  mode: LoginMode = 'auto';
  /** The last failure shown to the shopper, cleared by a new attempt. */
  error?: LoginFailure;

  private pending?: LoginProvider;

  /**
   * Your own wording, by language, over the built-in strings (other keys keep theirs); a language Vitrine does
   * not ship works too. Property only: `el.messages = { fr: { group: 'Mon compte' } }`. Wins over `Vitrine.setMessages()`.
   */
  messages?: ElementMessages<LoginMessages>;

  private readonly i18n = new LocalizeController(this, 'login', messages);
  private readonly session = new StoreController(this, $session);
  private list: LoginProvider[] = [];
  private popup?: Window;
  private stopWatching?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    const result = /^#vitrine-login=([a-z]+):([a-z_]+)$/.exec(location.hash);
    if (result && isLoginProvider(result[1])) {
      // Back from a redirect sign-in: strip the marker, then confirm with the server.
      history.replaceState(history.state, '', location.pathname + location.search);
      const [, provider, outcome] = result as unknown as [string, LoginProvider, string];
      if (outcome === 'success') void this.complete(provider, 'failed');
      else this.fail(provider, outcome);
    }
    // Shares the request `complete()` may have started.
    if ($session.get().status === 'unknown') fetchSession().catch(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopWatching?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('providers')) {
      const names = this.providers.split(',').map(name => name.trim().toLowerCase()).filter(Boolean);
      const unknown = names.filter(name => !isLoginProvider(name));
      if (unknown.length) {
        warnAttribute(WIDGET, 'providers', this.providers, `a comma-separated list of ${LOGIN_PROVIDERS.join(', ')}; unknown ${unknown.join(', ')} left out`);
      }
      this.list = [...new Set(names.filter(isLoginProvider))];
    }
    // The first allowed value is the default.
    for (const [name, allowed] of [
      ['size', ['md', 'sm', 'lg']],
      ['theme', ['light', 'dark']],
      ['mode', ['auto', 'popup', 'redirect']],
    ] as const) {
      if (changed.has(name)) (this[name] as string) = oneOf(WIDGET, name, this[name], allowed);
    }
  }

  override render() {
    const session = this.session.value;
    return session.status === 'signed-in' ? this.renderAccount(session.user) : this.renderProviders(session.status === 'unknown');
  }

  private renderProviders(loading: boolean) {
    const { error } = this;
    return html`
      <div part="providers" class="providers ${loading ? 'loading' : ''}" role="group" aria-label=${this.i18n.t('group')}>
        ${this.list.map(provider => {
          const label = this.i18n.t(provider);
          return html`<button
            type="button"
            part="button button-${provider}"
            class="btn ${provider}"
            aria-label=${this.compact ? label : nothing}
            aria-busy=${this.pending === provider ? 'true' : 'false'}
            @click=${() => this.start(provider)}
          >
            ${logos[provider]}${this.compact ? nothing : html`<span>${label}</span>`}
          </button>`;
        })}
      </div>
      <p part="status" class="status" role="status">${this.pending ? this.i18n.t('pending') : ''}</p>
      ${error
        ? html`<div part="error" class="error" role="alert">
            <span>${this.i18n.t((SHOWN_ERRORS as readonly string[]).includes(error.code) ? (error.code as (typeof SHOWN_ERRORS)[number]) : 'failed')}</span>
            <button type="button" part="retry" class="action" @click=${() => this.start(error.provider)}>${this.i18n.t('retry')}</button>
          </div>`
        : nothing}
    `;
  }

  private renderAccount(user: SessionUser) {
    const avatar = safeUrl(user.avatarUrl);
    return html`<div part="account" class="account">
      ${avatar
        ? html`<img part="avatar" class="avatar" src=${avatar} alt="" referrerpolicy="no-referrer" />`
        : html`<span part="avatar" class="avatar initials" aria-hidden="true">${[...user.firstName.trim()][0]?.toUpperCase() ?? '?'}</span>`}
      <span part="name" class=${this.compact ? 'sr-only' : ''}>${this.i18n.t('hello', user.firstName)}</span>
      <button type="button" part="sign-out" class="action" @click=${this.onSignOut}>${this.i18n.t('signOut')}</button>
      ${this.error ? html`<span part="error" class="error" role="alert">${this.i18n.t('network')}</span>` : nothing}
    </div>`;
  }

  /** Opens the sign-in: a popup when possible, else a full-page redirect that comes back to this page. */
  private start(provider: LoginProvider): void {
    if (this.popup && !this.popup.closed) {
      this.popup.focus();
      return;
    }
    if (!this.dispatchEvent(new LoginRequestEvent({ provider }))) return;
    this.error = undefined;
    const mode = this.mode === 'redirect' || (this.mode === 'auto' && prefersRedirect()) ? 'redirect' : 'popup';
    track('login_start', { provider, mode }, WIDGET);
    const base = new URL($config.get().api, location.href).href;
    const start = (query: Record<string, string>) =>
      apiUrl(base, `auth/${provider}/start?${new URLSearchParams({ ...query, lang: this.i18n.locale })}`);
    if (mode === 'popup') {
      const width = 480;
      const height = 640;
      const left = Math.round(screenX + (outerWidth - width) / 2);
      const top = Math.round(screenY + (outerHeight - height) / 2);
      const popup = window.open(start({ mode: 'popup', origin: location.origin }), 'vitrine-login', `popup,width=${width},height=${height},left=${left},top=${top}`);
      if (popup) {
        this.watch(popup, provider, new URL(base).origin);
        return;
      }
      // Blocked: same sign-in, as a redirect.
    }
    location.assign(start({ mode: 'redirect', return_to: location.href.split('#')[0] }));
  }

  /**
   * Waits for the popup's report. Only a message from the API's exact origin and from this very popup
   * counts; anything else is ignored. A popup closed without a report is checked with the server
   * (a storefront's COOP header can hide the report) before it counts as abandoned.
   */
  private watch(popup: Window, provider: LoginProvider, apiOrigin: string): void {
    let reported = false;
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== apiOrigin || event.source !== popup) return;
      const data = event.data as { type?: unknown; status?: unknown; error?: unknown } | null;
      if (data?.type !== 'vitrine-login') return;
      reported = true;
      stop();
      if (data.status === 'success') void this.complete(provider, 'failed');
      else this.fail(provider, typeof data.error === 'string' && /^[a-z_]{1,40}$/.test(data.error) ? data.error : 'failed');
    };
    const timer = setInterval(() => {
      if (!popup.closed) return;
      clearInterval(timer);
      // The popup reports, then closes itself: on a busy page its report can arrive after the close is seen,
      // so it keeps the last word until the server has answered.
      void this.complete(provider, 'popup_closed', () => reported).finally(() => reported || stop());
    }, 500);
    const stop = () => {
      clearInterval(timer);
      removeEventListener('message', onMessage);
      this.popup = this.stopWatching = undefined;
    };
    addEventListener('message', onMessage);
    this.popup = popup;
    this.stopWatching = stop;
    this.pending = provider;
  }

  /**
   * Asks the server whether the sign-in happened: the page trusts the session, never the message alone.
   * `superseded` tells that a later report settled the sign-in meanwhile, and this answer no longer counts.
   */
  private async complete(provider: LoginProvider, otherwise: string, superseded = () => false): Promise<void> {
    this.pending = provider;
    let session: Awaited<ReturnType<typeof fetchSession>> | undefined;
    try {
      session = await fetchSession();
    } catch {
      // Reported as a network failure below, unless superseded.
    }
    if (superseded()) return;
    if (!session) this.fail(provider, 'network');
    else if (session.status === 'signed-in') this.succeed(provider, session.user);
    else this.fail(provider, otherwise);
  }

  private succeed(provider: LoginProvider, user: SessionUser): void {
    this.pending = this.error = undefined;
    track('login_success', { provider }, WIDGET);
    this.dispatchEvent(new LoginEvent({ provider, user }));
  }

  private fail(provider: LoginProvider, code: string): void {
    this.pending = undefined;
    this.error = { provider, code };
    // The taxonomy's errorCode is `[a-z0-9_.-]{1,64}`; a provider's own code is kept as close as that allows.
    track('login_error', { provider, errorCode: code.toLowerCase().replace(/[^a-z0-9_.-]/g, '_').slice(0, 64) || 'failed' }, WIDGET);
    this.dispatchEvent(new LoginErrorEvent({ provider, code }));
    if (code !== 'popup_closed') return;
    // A storefront's COOP header severs the popup, which then reads "closed" while the shopper is still
    // signing in there: when they come back to this window, ask the server once more.
    addEventListener(
      'focus',
      async () => {
        const session = await fetchSession().catch(() => undefined);
        if (session?.status === 'signed-in' && this.error?.code === 'popup_closed') this.succeed(provider, session.user);
      },
      { once: true },
    );
  }

  private async onSignOut(): Promise<void> {
    this.error = undefined;
    try {
      await signOut();
      this.dispatchEvent(new LogoutEvent());
    } catch {
      const session = $session.get();
      this.error = { provider: session.status === 'signed-in' && isLoginProvider(session.user.provider) ? session.user.provider : 'demo', code: 'network' };
    }
  }
}
