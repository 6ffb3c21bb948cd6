import { html, nothing, svg } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { VitrineElement } from '../../core/element.js';
import { LocalizeController } from '../../core/localize-controller.js';
import type { PageProduct } from '../../core/page-product.js';
import { readPageProduct } from '../../core/page-product.js';
import { attributedUrl, newShareId } from '../../core/share-attribution.js';
import { COPY_LINK, DEFAULT_NETWORKS, SHARE_NETWORKS, intentUrl, isAvailable } from '../../core/share-networks.js';
import type { ShareNetwork } from '../../core/share-networks.js';
import { $registeredShareNetworks } from '../../core/share-registry.js';
import { StoreController } from '../../core/store-controller.js';
import { track } from '../../core/track.js';
import { safeUrl } from '../../core/url.js';
import { warnOnce } from '../../core/warn.js';
import { shareCatalog } from './share.i18n.js';
import { VitrineShareEvent } from './share.events.js';
import { shareStyles } from './share.styles.js';

const LAYOUTS = ['icons', 'labels', 'menu'] as const;
const SIZES = ['sm', 'md', 'lg'] as const;
const TAG = 'vitrine-share';
/** How long "Link copied" stays on screen. */
const STATUS_MS = 4000;

const SHARE_ICON = 'M18 2a3 3 0 1 1-2.2 5.1L8.9 11a3 3 0 0 1 0 2l6.9 3.9A3 3 0 1 1 15 19l.1-.9-7-3.9a3 3 0 1 1 0-4.4l7-3.9A3 3 0 0 1 18 2z';
const IMAGE_ICON = 'M4 4h16a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zm1 2v10l4-4 3 3 3-4 4 5V6zm3 1.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3z';
const LINK_ICON = 'M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a3 3 0 0 1 4.3 4.2l-2.5 2.6-1.4-1.4 2.5-2.6a1 1 0 0 0-1.4-1.4L12 13.4a1 1 0 0 1-1.4 0zM13.4 10.6a1 1 0 0 1 0 1.4l-3.5 3.5a3 3 0 0 1-4.3-4.2l2.5-2.6 1.4 1.4-2.5 2.6a1 1 0 0 0 1.4 1.4L12 10.6a1 1 0 0 1 1.4 0z';

const icon = (path: string) =>
  html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" part="icon">${svg`<path d=${path}></path>`}</svg>`;

/** Where Web Share exists and accepts `data`; false on Firefox desktop and insecure pages. */
const canShare = (data: ShareData) => {
  try {
    return typeof navigator.share === 'function' && typeof navigator.canShare === 'function' && navigator.canShare(data);
  } catch {
    return false;
  }
};

/** The product image as a shareable file: as served when the platform accepts its type, else redrawn as PNG (SVG is never accepted). */
async function imageFile(image: string): Promise<File> {
  const blob = await (await fetch(image, { credentials: 'same-origin' })).blob();
  const name = new URL(image).pathname.split('/').pop() || 'look';
  const file = new File([blob], name, { type: blob.type });
  if (canShare({ files: [file] })) return file;
  const picture = new Image();
  picture.src = URL.createObjectURL(blob);
  try {
    await picture.decode();
    const canvas = document.createElement('canvas');
    canvas.width = picture.naturalWidth || 1080;
    canvas.height = picture.naturalHeight || 1080;
    canvas.getContext('2d')?.drawImage(picture, 0, 0, canvas.width, canvas.height);
    const png = await new Promise<Blob | null>(resolve => canvas.toBlob(resolve, 'image/png'));
    if (!png) throw new DOMException('The image could not be converted', 'DataError');
    return new File([png], `${name.replace(/\.\w+$/, '')}.png`, { type: 'image/png' });
  } finally {
    URL.revokeObjectURL(picture.src);
  }
}

interface ShareRequest {
  url: string;
  title: string;
  text: string;
  shareId: string;
  product: PageProduct;
}

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
 * @csspart copy-field - The read-only field showing the link when the clipboard refuses.
 *
 * @cssprop [--vitrine-share-size=2.5rem] - Button height and width of icon buttons (set by `size`).
 * @cssprop [--vitrine-share-gap=0.5rem] - Space between buttons.
 * @cssprop [--vitrine-share-color=currentColor] - Text and icon colour.
 * @cssprop [--vitrine-share-background=transparent] - Button background.
 * @cssprop [--vitrine-share-hover-background=rgb(0 0 0 / 0.06)] - Button background on hover.
 * @cssprop [--vitrine-share-border-color=currentColor] - Button border colour.
 * @cssprop [--vitrine-share-radius=999px] - Button corner radius.
 * @cssprop [--vitrine-share-focus-color=Highlight] - Focus ring colour.
 * @cssprop [--vitrine-share-menu-background=Canvas] - Menu background.
 * @cssprop [--vitrine-share-menu-color=CanvasText] - Menu text colour.
 * @cssprop [--vitrine-share-menu-radius=0.5rem] - Menu corner radius.
 * @cssprop [--vitrine-share-status-background=CanvasText] - "Link copied" background.
 * @cssprop [--vitrine-share-status-color=Canvas] - "Link copied" text colour.
 */
export class VitrineShare extends VitrineElement {
  static override styles = shareStyles;

  private readonly i18n = new LocalizeController(this, shareCatalog);
  private readonly registered = new StoreController(this, $registeredShareNetworks);
  private statusTimer = 0;
  private readonly onHistory = () => this.requestUpdate();
  private readonly onOutsidePointer = (event: PointerEvent) => {
    if (!event.composedPath().includes(this)) this.menuOpen = false;
  };

  @query('[aria-haspopup]') private trigger?: HTMLButtonElement;
  @query('input') private copyField?: HTMLInputElement;

  @state() private menuOpen = false;
  /** Web Share failed for another reason than a cancel: show the networks instead. */
  @state() private nativeRefused = false;
  @state() private status = '';
  /** The link to copy by hand when the clipboard refused. */
  @state() private manualCopy = '';

  /** Address to share, http(s). Default: the page's canonical address, then `og:url`, then the address bar. */
  @property() url = '';
  /** Title of the shared item (X, Pinterest, email subject). Default: the JSON-LD product name, then `og:title`. */
  @property() override title = '';
  /** Text that goes with the link. Default: the product name and its price. */
  @property() text = '';
  /** Image for Pinterest and "Share the look", http(s). Default: the JSON-LD product image, then `og:image`. */
  @property() image = '';
  /** Hashtags for X, comma-separated, without `#`. */
  @property() hashtags = '';
  /** Account X credits, without `@`. */
  @property() via = '';
  /** Networks in display order, comma-separated ids, `copy` for the copy-link button. Default: facebook, pinterest, whatsapp, x, bluesky, messenger, email, copy. */
  @property() networks = '';
  /** `icons` (round icon buttons), `labels` (icon and name) or `menu` (one "Share" button opening a menu). */
  @property({ reflect: true }) layout: (typeof LAYOUTS)[number] = 'icons';
  /** Button size: `sm`, `md` or `lg`. */
  @property({ reflect: true }) size: (typeof SIZES)[number] = 'md';
  /** Where the widget sits (such as `product-page`), reported with every share. */
  @property() placement = '';
  /** Always show the network list, even where the system share sheet is available. */
  @property({ type: Boolean, attribute: 'no-native' }) noNative = false;

  override connectedCallback(): void {
    super.connectedCallback();
    // Single-page apps swap the canonical link and JSON-LD on navigation: read them again.
    window.addEventListener('popstate', this.onHistory);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onHistory);
    document.removeEventListener('pointerdown', this.onOutsidePointer);
    clearTimeout(this.statusTimer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('layout') && !(LAYOUTS as readonly string[]).includes(this.layout)) {
      warnOnce(`share:layout:${this.layout}`, `<vitrine-share layout="${this.layout}">: expected one of ${LAYOUTS.join(', ')}. Using icons.`);
    }
    if (changed.has('size') && !(SIZES as readonly string[]).includes(this.size)) {
      warnOnce(`share:size:${this.size}`, `<vitrine-share size="${this.size}">: expected one of ${SIZES.join(', ')}. Using md.`);
    }
    for (const name of ['url', 'image'] as const) {
      if (changed.has(name) && this[name] && !safeUrl(this[name])) {
        warnOnce(`share:${name}:${this[name]}`, `<vitrine-share ${name}="${this[name]}">: expected an http(s) URL, absolute or relative to the page. Using the page's own.`);
      }
    }
    if (changed.has('menuOpen')) {
      if (this.menuOpen) document.addEventListener('pointerdown', this.onOutsidePointer);
      else document.removeEventListener('pointerdown', this.onOutsidePointer);
    }
  }

  /** The networks to show, in order; unknown ids get one warning and are left out. */
  private shownNetworks(product: PageProduct): Array<ShareNetwork | typeof COPY_LINK> {
    const known = new Map([...SHARE_NETWORKS, ...Object.values(this.registered.value)].map(network => [network.id, network]));
    const requested = this.networks.split(',').map(id => id.trim().toLowerCase()).filter(Boolean);
    const unknown = requested.filter(id => id !== COPY_LINK && !known.has(id));
    if (unknown.length) {
      warnOnce(
        `share:networks:${this.networks}`,
        `<vitrine-share networks="${this.networks}">: unknown ${unknown.join(', ')}; expected comma-separated ids among ${[...known.keys(), COPY_LINK].join(', ')}. Left out.`,
      );
    }
    const ids = requested.filter(id => id === COPY_LINK || known.has(id));
    return (ids.length ? ids : DEFAULT_NETWORKS).flatMap((id): Array<ShareNetwork | typeof COPY_LINK> => {
      if (id === COPY_LINK) return [COPY_LINK];
      const network = known.get(id);
      if (network && isAvailable(network, { appId: product.facebookAppId })) return [network];
      if (requested.includes(id)) {
        warnOnce(`share:requires:${id}`, `<vitrine-share networks="${this.networks}">: ${id} needs ${network?.requires?.join(', ')} (Messenger: <meta property="fb:app_id">). Left out.`);
      }
      return [];
    });
  }

  private shareImage(product: PageProduct): string | undefined {
    return safeUrl(this.image) ?? product.image;
  }

  /**
   * Builds what `network` will share, read fresh from the page (the address may
   * have changed since the last render), and asks the host page through the
   * cancelable `vitrine-share` event. Undefined when the host vetoed.
   */
  private request(network: string): ShareRequest | undefined {
    const product = readPageProduct();
    const shareId = newShareId();
    const title = this.title || product.name;
    const price = product.price && this.i18n.price(product.price.amount, product.price.currency);
    const detail = {
      network,
      url: attributedUrl(safeUrl(this.url) ?? product.url, network, shareId),
      title,
      text: this.text || (price ? `${title} – ${price}` : title),
    };
    const event = new VitrineShareEvent(detail);
    if (!this.dispatchEvent(event)) return undefined;
    const url = safeUrl(event.detail.url);
    if (!url) warnOnce(`share:detail-url:${event.detail.url}`, `vitrine-share listener set detail.url to "${event.detail.url}": expected an http(s) URL. Sharing ${detail.url}.`);
    return { url: url ?? detail.url, title: String(event.detail.title), text: String(event.detail.text), shareId, product };
  }

  /** The event taxonomy's share properties (src/core/events.schema.json); an empty placement is left out. */
  private attribution(request: ShareRequest) {
    return { url: request.url, productId: request.product.id, placement: this.placement || undefined, shareId: request.shareId };
  }

  private report(network: string, request: ShareRequest): void {
    track('share', { network, ...this.attribution(request) }, TAG);
  }

  private announce(message: string): void {
    this.status = message;
    clearTimeout(this.statusTimer);
    this.statusTimer = window.setTimeout(() => (this.status = ''), STATUS_MS);
  }

  private openNetwork(network: ShareNetwork): void {
    const request = this.request(network.id);
    if (!request) return;
    const address = intentUrl(network, {
      url: request.url,
      title: request.title,
      text: request.text,
      image: this.shareImage(request.product) ?? '',
      hashtags: this.hashtags.split(',').map(tag => tag.trim().replace(/^#/, '')).filter(Boolean).join(','),
      via: this.via.trim().replace(/^@/, ''),
      appId: request.product.facebookAppId ?? '',
    });
    // Popups get neither a handle on this page nor its address; mail opens the shopper's mail app in place.
    if (address.startsWith('mailto:')) window.open(address, '_self');
    else if (safeUrl(address)) window.open(address, '_blank', 'noopener,noreferrer,width=640,height=560');
    else return;
    this.report(network.id, request);
  }

  private async copyLink(): Promise<void> {
    const request = this.request(COPY_LINK);
    if (!request) return;
    try {
      await navigator.clipboard.writeText(request.url);
      this.manualCopy = '';
      this.announce(this.i18n.t('copied'));
      track('share_copy_link', this.attribution(request), TAG);
    } catch {
      // No Clipboard API (insecure page) or refused (permissions policy, unfocused page): let the shopper copy by hand.
      // The field's label is the instruction; focusing the field reads it out.
      this.manualCopy = request.url;
      await this.updateComplete;
      this.copyField?.focus();
      this.copyField?.select();
      track('share_copy_link', this.attribution(request), TAG);
    }
  }

  /** Opens the system share sheet; with `look`, the product image goes as a file (the web's only way into Instagram and TikTok stories). */
  private async shareNatively(kind: 'native' | 'look'): Promise<void> {
    const request = this.request(kind);
    if (!request) return;
    const data: ShareData = { title: request.title, text: request.text, url: request.url };
    try {
      if (kind === 'look') data.files = [await imageFile(this.shareImage(request.product)!)];
      await navigator.share(data);
      this.report(kind, request);
    } catch (error) {
      // AbortError: the shopper closed the sheet. Nothing to report, nothing to fix.
      if (error instanceof DOMException && error.name === 'AbortError') return;
      // Refused (NotAllowedError, a type the platform rejects, a failed image download): offer the networks instead.
      this.nativeRefused = true;
      this.menuOpen = this.layout === 'menu';
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[data-network]')?.focus();
    }
  }

  private activate(item: ShareNetwork | typeof COPY_LINK): void {
    if (this.menuOpen) {
      this.menuOpen = false;
      this.trigger?.focus();
    }
    if (item === COPY_LINK) void this.copyLink();
    else this.openNetwork(item);
  }

  private async openMenu(focus: 'first' | 'last'): Promise<void> {
    this.menuOpen = true;
    await this.updateComplete;
    const items = this.menuItems();
    items[focus === 'first' ? 0 : items.length - 1]?.focus();
  }

  private menuItems(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  }

  private onTriggerClick(native: boolean): void {
    if (native) void this.shareNatively('native');
    else if (this.menuOpen) this.menuOpen = false;
    else void this.openMenu('first');
  }

  private onTriggerKeydown(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    void this.openMenu(event.key === 'ArrowDown' ? 'first' : 'last');
  }

  private onMenuKeydown(event: KeyboardEvent): void {
    const items = this.menuItems();
    const current = items.indexOf(this.shadowRoot!.activeElement as HTMLElement);
    const target = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: items.length - 1 }[event.key];
    if (target !== undefined) {
      event.preventDefault();
      items[(target + items.length) % items.length]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.menuOpen = false;
      this.trigger?.focus();
    } else if (event.key === 'Tab') {
      // From the trigger, the browser's own Tab (or Shift+Tab) then leaves the widget.
      this.trigger?.focus();
      this.menuOpen = false;
    }
  }

  private networkButton(item: ShareNetwork | typeof COPY_LINK, menu: boolean): TemplateResult {
    const { i18n } = this;
    const [name, label, path] =
      item === COPY_LINK
        ? [i18n.t('copy'), i18n.t('copy'), LINK_ICON]
        : item.id === 'email'
          ? [i18n.t('email'), i18n.t('emailName'), item.icon]
          : [item.name, i18n.t('shareOn', item.name), item.icon];
    const showName = menu || this.layout === 'labels';
    return html`<button
      type="button"
      part="button"
      data-network=${item === COPY_LINK ? COPY_LINK : item.id}
      role=${menu ? 'menuitem' : nothing}
      tabindex=${menu ? '-1' : nothing}
      aria-label=${label}
      @click=${() => this.activate(item)}
    >
      ${icon(path)}${showName ? html`<span>${name}</span>` : nothing}
    </button>`;
  }

  protected override render(): TemplateResult {
    const i18n = this.i18n;
    const product = readPageProduct();
    const pageUrl = safeUrl(this.url) ?? product.url;
    const native = !this.noNative && !this.nativeRefused && canShare({ url: pageUrl });
    const image = this.shareImage(product);
    const look =
      native && image !== undefined && new URL(image).origin === location.origin && canShare({ files: [new File([''], 'look.png', { type: 'image/png' })] });
    const items = this.shownNetworks(product);
    const feedback = html`<span class="status" part="status" role="status" aria-live="polite">${this.status}</span>
      ${this.manualCopy
        ? html`<label part="copy-field">${i18n.t('copyManually')}<input readonly .value=${this.manualCopy} /></label>`
        : nothing}`;

    if (this.layout === 'menu') {
      return html`<button
          type="button"
          part="button"
          aria-haspopup=${native ? nothing : 'menu'}
          aria-expanded=${native ? nothing : String(this.menuOpen)}
          aria-controls=${native ? nothing : 'menu'}
          @click=${() => this.onTriggerClick(native)}
          @keydown=${native ? nothing : this.onTriggerKeydown}
        >
          ${icon(SHARE_ICON)}<span>${i18n.t('share')}</span>
        </button>
        ${native
          ? nothing
          : html`<div id="menu" role="menu" part="menu" aria-label=${i18n.t('networks')} ?hidden=${!this.menuOpen} @keydown=${this.onMenuKeydown}>
              ${items.map(item => this.networkButton(item, true))}
            </div>`}
        ${feedback}`;
    }

    if (native) {
      return html`<ul part="list" aria-label=${i18n.t('networks')}>
          <li>
            <button type="button" part="button" @click=${() => this.shareNatively('native')}>${icon(SHARE_ICON)}<span>${i18n.t('shareNative')}</span></button>
          </li>
          ${look
            ? html`<li>
                <button type="button" part="button" @click=${() => this.shareNatively('look')}>
                  ${icon(IMAGE_ICON)}<span>${i18n.t('shareLook')}</span>
                </button>
              </li>`
            : nothing}
        </ul>
        ${feedback}`;
    }

    return html`<ul part="list" aria-label=${i18n.t('networks')}>
        ${items.map(item => html`<li>${this.networkButton(item, false)}</li>`)}
      </ul>
      ${feedback}`;
  }
}
