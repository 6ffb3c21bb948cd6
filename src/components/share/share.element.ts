import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { oneOf, warnAttribute } from '../../core/attribute-warning.js';
import { VitrineElement } from '../../core/element.js';
import type { ElementMessages } from '../../core/localize-controller.js';
import { LocalizeController } from '../../core/localize-controller.js';
import type { PageProduct } from '../../features/product/page-product.js';
import { readPageProduct } from '../../features/product/page-product.js';
import type * as NetworkList from '../../features/share/share-networks.js';
import type { ShareNetwork } from '../../features/share/share-registry.js';
import { $registeredShareNetworks } from '../../features/share/share-registry.js';
import { StoreController } from '../../core/store-controller.js';
import { safeUrl } from '../../core/url.js';
import { shareCatalog } from './share.i18n.js';
import type { ShareMessages } from './share.i18n.js';
import type * as Actions from './share.actions.js';
import { shareStyles } from './share.styles.js';

/** Allowed values, the default first. */
const LAYOUTS = ['icons', 'labels', 'menu'] as const;
const SIZES = ['md', 'sm', 'lg'] as const;
const TAG = 'vitrine-share';
/** The pseudo-network that copies the link; listed in `networks` like the others. */
const COPY_LINK = 'copy';
/** The networks shown when `networks` is not set, in order. */
const DEFAULT_NETWORKS = ['facebook', 'pinterest', 'whatsapp', 'x', 'bluesky', 'messenger', 'email', COPY_LINK];

const SHARE_ICON = 'M18 2a3 3 0 1 1-2 5l-7 4v2l7 4a3 3 0 1 1-1 2v-1l-7-4a3 3 0 1 1 0-4l7-4a3 3 0 0 1 3-4';
const IMAGE_ICON = 'M4 4h16l1 1v14l-1 1H4l-1-1V5zm1 2v10l4-4 3 3 3-4 4 5V6zm3 1.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3';
const COPY_ICON = 'M9 2h11v14H9zm2 2v10h7V4zM4 7h3v2h-1v11h8v-1h2v3H4z';

const icon = (path: string) =>
  html`<svg viewBox="0 0 24 24" aria-hidden="true" part="icon"><path d=${path}></path></svg>`;

/** Where Web Share exists and accepts `data`; false on Firefox desktop and insecure pages. */
const canShare = (data: ShareData) => !!navigator.share && !!navigator.canShare?.(data);

/** A file of the type the image URL names, for asking the platform up front whether it would share such a file. */
const probeFile = (image: string) => {
  const extension = /\.(\w+)$/.exec(new URL(image).pathname)?.[1].toLowerCase() ?? '';
  return new File([''], `look.${extension}`, { type: `image/${extension === 'jpg' ? 'jpeg' : extension}` });
};

/**
 * The built-in networks and their intent addresses, loaded on first need: where the system share sheet opens,
 * no network button is drawn, and most shoppers never download them.
 */
let networkList: typeof NetworkList | undefined;
/** What a click does (share.actions.ts), fetched once the page is idle after a first render: the buttons draw without it. */
let actions: typeof Actions | undefined;
let loadingActions: Promise<typeof Actions> | undefined;
// A failed download is not kept here: the next click asks again (a browser may still answer with the same failure).
const loadActions = () =>
  (loadingActions ??= import('./share.actions.js').then(
    module => (actions = module),
    error => {
      loadingActions = undefined;
      throw error;
    },
  ));
/** Settles once the page was idle after a first render and the actions were fetched (or failed: a click tries again). */
let ready: Promise<unknown> | undefined;

type ShareItem = ShareNetwork | typeof COPY_LINK;

/**
 * @summary Share buttons for the product on the page: networks as data, the system share sheet where there is one, copy link, and first-party attribution of the visits shared links bring.
 *
 * With no attribute, shares the page's canonical address with the name, image
 * and price read from its JSON-LD `Product` and Open Graph tags. Nothing is
 * requested from any network until the shopper clicks.
 *
 * @fires vitrine-share - Before sharing, opening or copying; cancelable. `detail: { network, url, title, text }`: `preventDefault()` vetoes, changing `detail.url` (or title, text) changes what is shared.
 *
 * @csspart button - Every button: networks, the native share buttons and the menu trigger.
 * @csspart icon - The icon of a button.
 * @csspart list - The list of network buttons (`icons` and `labels` layouts).
 * @csspart menu - The menu of the `menu` layout.
 * @csspart status - The "Link copied" message, announced to screen readers.
 * @csspart copy-field - The read-only field showing the link to copy by hand: the clipboard refused, or what a click does could not be downloaded.
 *
 * @cssprop [--vitrine-share-size=2.5rem] - Button height, and width of icon buttons (set by `size`).
 * @cssprop [--vitrine-share-gap=0.5rem] - Space between buttons.
 * @cssprop [--vitrine-share-color=var(--vitrine-text, currentColor)] - Text and icon colour.
 * @cssprop [--vitrine-share-background=var(--vitrine-surface, none)] - Button background.
 * @cssprop [--vitrine-share-border-color=currentColor] - Button border colour.
 * @cssprop [--vitrine-share-radius=var(--vitrine-radius, 999px)] - Button corner radius.
 * @cssprop [--vitrine-share-menu-background=var(--vitrine-surface, Canvas)] - Menu background.
 * @cssprop [--vitrine-share-menu-color=var(--vitrine-text, CanvasText)] - Menu text colour.
 * @cssprop [--vitrine-accent=CanvasText] - Global token: the "Lien copié" notice and the focus ring.
 * @cssprop [--vitrine-on-accent=Canvas] - Global token: text of that notice.
 * @cssprop [--vitrine-surface] - Global token: button and menu background.
 * @cssprop [--vitrine-text] - Global token: text and icon colour.
 * @cssprop [--vitrine-radius=999px] - Global token: corner radius.
 * @cssprop [--vitrine-font=inherit] - Global token: font family.
 * @cssprop [--vitrine-focus-ring=2px solid var(--vitrine-accent, Highlight)] - Global token: the focus outline (width, style, colour).
 */
export class VitrineShare extends VitrineElement {
  static override styles = shareStyles;
  // Declared here rather than with decorators: no decorator helpers in the bundle.
  static override properties: PropertyDeclarations = {
    messages: { attribute: false },
    url: {},
    title: {},
    text: {},
    image: {},
    hashtags: {},
    via: {},
    networks: {},
    layout: { reflect: true },
    size: { reflect: true },
    placement: {},
    noNative: { type: Boolean, attribute: 'no-native' },
    menuOpen: { state: true },
    nativeRefused: { state: true },
    status: { state: true },
    manualCopy: { state: true },
  };

  /**
   * Your own wording, by language, over the built-in strings (other keys keep theirs); a language Vitrine does
   * not ship works too. Property only: `el.messages = { fr: { share: 'Partager ce look' } }`. Wins over `Vitrine.setMessages()`.
   */
  messages?: ElementMessages<ShareMessages>;

  readonly #i18n = new LocalizeController(this, 'share', shareCatalog);
  readonly #registered = new StoreController(this, $registeredShareNetworks);
  readonly #onHistory = () => this.requestUpdate();

  private menuOpen = false;
  /** Web Share failed for another reason than a cancel: show the networks instead. */
  private nativeRefused = false;
  private status = '';
  /** The link to copy by hand: the clipboard refused, or the actions could not be downloaded. */
  private manualCopy = '';

  /** Address to share, http(s). Default: the page's canonical address, then `og:url`, then the address bar. */
  url = '';
  /** Title of the shared item (X, Pinterest, email subject). Default: the JSON-LD product name, then `og:title`. */
  override title = '';
  /** Text that goes with the link. Default: the product name and its price. */
  text = '';
  /** Image for Pinterest and "Share the look", http(s). Default: the JSON-LD product image, then `og:image`. */
  image = '';
  /** Hashtags for X, comma-separated, without `#`. */
  hashtags = '';
  /** Account X credits, without `@`. */
  via = '';
  /** Networks in display order, comma-separated ids, `copy` for the copy-link button. Default: facebook, pinterest, whatsapp, x, bluesky, messenger, email, copy. */
  networks = '';
  /** `icons` (round icon buttons), `labels` (icon and name) or `menu` (one "Share" button opening a menu). @type {'icons' | 'labels' | 'menu'} */
  layout: (typeof LAYOUTS)[number] = 'icons';
  /** Button size: `sm`, `md` or `lg`. @type {'sm' | 'md' | 'lg'} */
  size: (typeof SIZES)[number] = 'md';
  /** Where the widget sits (such as `product-page`), reported with every share. */
  placement = '';
  /** Always show the network list, even where the system share sheet is available. */
  noNative = false;

  override connectedCallback(): void {
    super.connectedCallback();
    // Single-page apps swap the canonical link and JSON-LD on navigation: read them again.
    window.addEventListener('popstate', this.#onHistory);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#onHistory);
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Unknown values are warned about here and drawn as the default: render() tests only for the others.
    for (const [name, allowed] of [['layout', LAYOUTS], ['size', SIZES]] as const) if (changed.has(name)) oneOf(TAG, name, this[name], allowed);
    for (const name of ['url', 'image'] as const) {
      if (changed.has(name) && this[name] && !safeUrl(this[name])) warnAttribute(TAG, name, this[name], "an http(s) URL. Using the page's");
    }
  }

  /** Whether the system share sheet stands in for the network list. */
  #native(product: PageProduct): boolean {
    return !this.noNative && !this.nativeRefused && canShare({ url: safeUrl(this.url) ?? product.url });
  }

  // Lit awaits this before rendering, so the list never draws empty and `updateComplete` includes the download.
  protected override async scheduleUpdate(): Promise<void> {
    // A failed download leaves the copy-link button; the next update tries again.
    if (!networkList && !this.#native(readPageProduct())) networkList = await import('../../features/share/share-networks.js').catch(() => undefined);
    super.scheduleUpdate();
  }

  /** The networks to show, in order; unknown ids get one warning and are left out. */
  #shownNetworks(product: PageProduct): ShareItem[] {
    const known = new Map([...(networkList?.SHARE_NETWORKS ?? []), ...Object.values(this.#registered.value)].map(network => [network.id, network]));
    const requested = this.networks.split(',').map(id => id.trim().toLowerCase()).filter(Boolean);
    const unknown = requested.filter(id => id !== COPY_LINK && !known.has(id));
    // Before the list has loaded (a failed download) every built-in id would read as unknown.
    if (unknown.length && networkList) warnAttribute(TAG, 'networks', this.networks, `ids among ${[...known.keys(), COPY_LINK]}; unknown ${unknown} left out`);
    const ids = requested.filter(id => id === COPY_LINK || known.has(id));
    return (ids.length ? ids : DEFAULT_NETWORKS).flatMap((id): ShareItem[] => {
      const network = known.get(id);
      if (id === COPY_LINK || (network && networkList?.isAvailable(network, { appId: product.facebookAppId }))) return [network ?? COPY_LINK];
      if (requested.includes(id)) warnAttribute(TAG, 'networks', this.networks, `networks the page can fill; ${id} needs ${network?.requires} (Messenger: <meta property="fb:app_id">), left out`);
      return [];
    });
  }

  /** What the actions read and change (share.actions.ts). */
  readonly #host: Actions.ShareHost = {
    element: this,
    i18n: this.#i18n,
    set: state => Object.assign(this, state),
    copyByHand: url => this.#copyByHand(url),
  };

  /** Runs an action: at once once fetched, so popups, the clipboard and the share sheet keep the click's user activation. */
  #run<K extends 'activate' | 'shareNatively' | 'focusMenuItem'>(name: K, arg: Parameters<(typeof Actions)[K]>[1]): void {
    const act = (module: typeof Actions) => void (module[name] as (host: Actions.ShareHost, arg: unknown) => Promise<void>)(this.#host, arg);
    if (actions) act(actions);
    // Not downloaded (offline before the page was idle; a browser then keeps that module failed for the page's
    // lifetime): every share button offers the link to copy by hand, which works offline.
    else void loadActions().then(act, () => this.#copyByHand(safeUrl(this.url) ?? readPageProduct().url));
  }

  /** The field for copying by hand, focused and selected: its label is the instruction, read out on focus. */
  async #copyByHand(url: string): Promise<void> {
    this.manualCopy = url;
    await this.updateComplete;
    const field = this.renderRoot.querySelector('input');
    field?.focus();
    field?.select();
  }

  protected override firstUpdated(): void {
    ready ??= new Promise(resolve => (window.requestIdleCallback ?? setTimeout)(resolve))
      .then(loadActions)
      .catch(() => undefined);
  }

  // Hosts (and tests) awaiting `updateComplete` after the first render find the buttons ready to act at once.
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    await ready;
    return result;
  }

  #activate(item: ShareItem): void {
    if (this.menuOpen) this.#closeMenu();
    this.#run('activate', item);
  }

  #closeMenu(): void {
    this.menuOpen = false;
    this.renderRoot.querySelector<HTMLElement>('[aria-haspopup]')?.focus();
  }

  /** The menu button pattern, on the trigger and in the menu: arrows (wrapping), Home and End move; Escape and Tab close. */
  #onMenuKeydown(event: KeyboardEvent): void {
    if (/^(ArrowDown|ArrowUp|Home|End)$/.test(event.key)) {
      // At once, so the page does not scroll; the focus moves with the actions (at hand after the first idle moment).
      event.preventDefault();
      this.#run('focusMenuItem', event.key);
    } else if (this.menuOpen && (event.key === 'Escape' || event.key === 'Tab')) {
      // Tab: the browser then moves on from the trigger, out of the widget.
      if (event.key === 'Escape') event.preventDefault();
      this.#closeMenu();
    }
  }

  /**
   * A button of the list or menu; `label` (when the name alone is not enough) is its accessible name. `name` is
   * shown beside the icon, except on network buttons in the icons layout (or an unknown one, warned as icons).
   */
  #button(path: string, name: string, onClick: () => void, label?: string, network?: string): TemplateResult {
    const menu = this.layout === 'menu';
    // Templates are written on few lines on purpose: Lit ships their text as is, whitespace included.
    return html`<li role=${menu ? 'none' : nothing}><button type="button" part="button" data-network=${network ?? nothing} role=${menu ? 'menuitem' : nothing}
tabindex=${menu ? -1 : nothing} aria-label=${label ?? nothing} @click=${onClick}>${icon(path)}${network && !menu && this.layout !== 'labels' ? nothing : html`<span>${name}</span>`}</button></li>`;
  }

  #networkButton(item: ShareItem): TemplateResult {
    const i18n = this.#i18n;
    const activate = () => this.#activate(item);
    if (item === COPY_LINK) return this.#button(COPY_ICON, i18n.t('copy'), activate, i18n.t('copy'), item);
    if (item.id === 'email') return this.#button(item.icon, i18n.t('email'), activate, i18n.t('emailName'), item.id);
    return this.#button(item.icon, item.name, activate, i18n.t('shareOn', item.name), item.id);
  }

  protected override render(): TemplateResult {
    const i18n = this.#i18n;
    const product = readPageProduct();
    const native = this.#native(product);
    const image = safeUrl(this.image) ?? product.image;
    const look = native && image && new URL(image).origin === location.origin && canShare({ files: [probeFile(image)] });
    // The menu layout is one button: it opens the system sheet, or the menu of networks where there is none.
    const menu = this.layout === 'menu' && !native;
    return html`${this.layout === 'menu'
      ? html`<button type="button" part="button" aria-haspopup=${menu ? 'menu' : nothing} aria-expanded=${menu ? String(this.menuOpen) : nothing} aria-controls=${menu ? 'menu' : nothing}
@click=${() => (!menu ? this.#run('shareNatively', 'native') : this.menuOpen ? (this.menuOpen = false) : this.#run('focusMenuItem', 'Home'))} @keydown=${menu ? this.#onMenuKeydown : nothing}>${icon(SHARE_ICON)}<span>${i18n.t('share')}</span></button>`
      : nothing}${this.layout === 'menu' && native
      ? nothing
      : html`<ul id="menu" part=${menu ? 'menu' : 'list'} role=${menu ? 'menu' : nothing} aria-label=${i18n.t('networks')} ?hidden=${menu && !this.menuOpen} @keydown=${menu ? this.#onMenuKeydown : nothing}
@focusout=${(event: FocusEvent) => menu && !this.renderRoot.contains(event.relatedTarget as Node | null) && (this.menuOpen = false)}>${native
          ? [this.#button(SHARE_ICON, i18n.t('shareNative'), () => this.#run('shareNatively', 'native')), look ? this.#button(IMAGE_ICON, i18n.t('shareLook'), () => this.#run('shareNatively', 'look')) : nothing]
          : this.#shownNetworks(product).map(item => this.#networkButton(item))}</ul>`}
<span class="status" part="status" role="status" aria-live="polite">${this.status}</span>${this.manualCopy
      ? html`<label part="copy-field">${i18n.t('copyManually')}<input readonly .value=${this.manualCopy} /></label>`
      : nothing}`;
  }
}
