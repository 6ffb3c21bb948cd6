import { type PropertyValues, html, nothing } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { $config } from '../../core/config.js';
import { oneOf, warnAttribute } from '../../core/attribute-warning.js';
import { VitrineElement } from '../../core/element.js';
import { readPageProduct } from '../../features/product/page-product.js';
import { apiUrl } from '../../core/http.js';
import type { ElementMessages } from '../../core/localize-controller.js';
import { LocalizeController } from '../../core/localize-controller.js';
import { track } from '../../core/track.js';
import { safeUrl } from '../../core/url.js';
import { WishlistAddRequestEvent } from '../../features/wishlist/wishlist.events.js';
import { feedMessages } from './feed.i18n.js';
import type { FeedMessages } from './feed.i18n.js';
import { feedStyles } from './feed.styles.js';
import { loadFeed } from './feed.load.js';
import { type PostView, picture, postDialogBody } from './feed.post.js';
import type { FeedData, FeedPost, FeedProduct } from './feed.types.js';

export type FeedLayout = 'grid' | 'carousel' | 'look';
const LAYOUTS: readonly FeedLayout[] = ['grid', 'carousel', 'look'];
const FEED_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const WIDGET = 'vitrine-feed';

function integer(name: string, value: number, min: number, max: number, fallback: number): number {
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  warnAttribute(WIDGET, name, value, `a whole number from ${min} to ${max}. Using ${fallback}`);
  return fallback;
}

/**
 * A shoppable Instagram feed: a grid, a carousel or the "look" of the current product, each post opening
 * in a dialog with every slide, the caption, product hotspots and a "Shop the look" list.
 *
 * @summary Shoppable Instagram feed with hotspots and "Shop the look".
 *
 * @fires vitrine-wishlist-add-request - The shopper asked to add a product to the wishlist (`detail: {productId, source: 'feed'}`); bubbles, composed, cancelable.
 *
 * @slot fallback - Shown instead of the feed when it cannot load or has no post; without it the element hides itself.
 *
 * @csspart feed - The section around the posts.
 * @csspart list - The list of post tiles.
 * @csspart post - A post tile (a button opening the post).
 * @csspart page-button - The carousel's previous/next buttons.
 * @csspart dialog - The post dialog.
 * @csspart close - The dialog's close button.
 * @csspart dialog-button - The dialog's previous/next post buttons.
 * @csspart hotspot - A product hotspot on a picture.
 * @csspart caption - The post caption.
 * @csspart products - The "Shop the look" list.
 * @csspart product-link - A product's link to its page.
 * @csspart wishlist-button - A product's add-to-wishlist button.
 *
 * @cssprop [--vitrine-feed-gap=8px] - Space between tiles.
 * @cssprop [--vitrine-feed-radius=var(--vitrine-radius, 4px)] - Corner radius of tiles, dialog and buttons.
 * @cssprop [--vitrine-feed-color=var(--vitrine-text, #1d1b19)] - Text color.
 * @cssprop [--vitrine-feed-background=var(--vitrine-surface, #fff)] - Dialog and button background.
 * @cssprop [--vitrine-feed-accent=var(--vitrine-accent, #1d1b19)] - Outline of the product a hotspot points at, wishlist button fill.
 * @cssprop [--vitrine-feed-placeholder=#ece7e1] - Tile color before its picture arrives.
 * @cssprop [--vitrine-feed-hotspot-color=var(--vitrine-feed-color)] - Hotspot ring and number.
 * @cssprop [--vitrine-feed-hotspot-background=var(--vitrine-feed-background)] - Hotspot fill.
 * @cssprop [--vitrine-feed-backdrop=rgb(20 16 12 / 0.75)] - Backdrop behind the dialog.
 * @cssprop [--vitrine-feed-font=var(--vitrine-font, inherit)] - Font family.
 * @cssprop [--vitrine-accent=#1d1b19] - Global token: brand colour (product outline, wishlist button, focus ring).
 * @cssprop [--vitrine-on-accent=var(--vitrine-surface, #fff)] - Global token: text on the brand colour.
 * @cssprop [--vitrine-surface=#fff] - Global token: background of the dialog and buttons.
 * @cssprop [--vitrine-text=#1d1b19] - Global token: text colour.
 * @cssprop [--vitrine-radius=4px] - Global token: corner radius.
 * @cssprop [--vitrine-font=inherit] - Global token: font family.
 * @cssprop [--vitrine-focus-ring=2px solid var(--vitrine-accent, #005fcc)] - Global token: the focus outline (width, style, colour).
 */
export class VitrineFeed extends VitrineElement {
  static override styles = feedStyles;
  // Declared here rather than with decorators: no decorator helpers in the bundle.
  static override properties: PropertyDeclarations = {
    messages: { attribute: false },
    feed: {},
    layout: {},
    columns: { type: Number },
    limit: { type: Number },
    product: {},
    api: {},
    data: { attribute: false },
    status: { state: true },
    fetched: { state: true },
    open: { state: true },
    active: { state: true },
  };

  /** Feed id on the Vitrine API, such as `maison-lumiere`. */
  feed = '';
  /** `grid` (default), `carousel`, or `look`: the posts that show the current product. @type {'grid' | 'carousel' | 'look'} */
  layout: FeedLayout = 'grid';
  /** Tiles per row, 1 to 6. */
  columns = 3;
  /** Most posts shown, 1 to 24. */
  limit = 6;
  /** For `look`: the product id (catalog id / SKU); default: the `sku` of the page's JSON-LD Product. */
  product = '';
  /** Base URL of the Vitrine API; default: the configured `api`. */
  api = '';
  /** The feed itself, rendered without a request (previews, stories, server-rendered data). */
  data?: FeedData;

  private status: 'loading' | 'ready' | 'failed' = 'loading';
  private fetched?: FeedData;
  private open = -1;
  private active = '';
  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }
  private get track(): HTMLElement | null {
    return this.renderRoot.querySelector('.track');
  }

  /**
   * Your own wording, by language, over the built-in strings (other keys keep theirs); a language Vitrine does
   * not ship works too. Property only: `el.messages = { fr: { shopTheLook: 'Shoppez la tenue' } }`. Wins over `Vitrine.setMessages()`.
   */
  messages?: ElementMessages<FeedMessages>;

  private readonly l10n = new LocalizeController(this, 'feed', feedMessages);
  private mode: FeedLayout = 'grid';
  private cols = 3;
  private max = 6;
  private base = '';
  private shown: FeedPost[] = [];
  private viewObserver?: IntersectionObserver;
  private viewed = false;
  private hiddenByUs = false;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.viewObserver?.disconnect();
    this.viewObserver = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('layout')) {
      this.mode = oneOf(WIDGET, 'layout', this.layout, LAYOUTS);
    }
    if (changed.has('columns')) this.cols = integer('columns', this.columns, 1, 6, 3);
    if (changed.has('limit')) this.max = integer('limit', this.limit, 1, 24, 6);
    if (changed.has('feed') || changed.has('api') || changed.has('data')) this.fetch();
    const feed = this.data ?? this.fetched;
    const sku = this.mode === 'look' ? this.product || (readPageProduct().id ?? '') : '';
    this.shown = (feed?.posts ?? [])
      .filter(post => this.mode !== 'look' || post.slides.some(slide => slide.hotspots.some(hotspot => hotspot.productId === sku)))
      .slice(0, this.max);
  }

  private fetch(): void {
    const base = safeUrl(this.api || $config.get().api);
    if (this.api && !base) warnAttribute(WIDGET, 'api', this.api, 'an http(s) URL. Using the configured API');
    this.base = base ?? safeUrl($config.get().api) ?? location.href;
    if (this.data) {
      this.status = 'ready';
      return;
    }
    if (!FEED_ID.test(this.feed)) {
      // No feed yet (the page may set `data` from script): nothing to show, nothing to warn about.
      if (this.feed) warnAttribute(WIDGET, 'feed', this.feed, 'a feed id such as "maison-lumiere" (a-z, 0-9, -)');
      this.status = 'failed';
      return;
    }
    this.status = 'loading';
    const feed = this.feed;
    loadFeed(apiUrl(this.base, `v1/feeds/${feed}`)).then(
      data => {
        if (feed !== this.feed) return;
        this.fetched = data;
        this.status = 'ready';
      },
      () => {
        if (feed === this.feed) this.status = 'failed';
      },
    );
  }

  private get products(): Map<string, FeedProduct> {
    return new Map((this.data ?? this.fetched)?.products.map(product => [product.id, product]));
  }

  private url(value: string): string | undefined {
    return safeUrl(value, this.base);
  }

  protected override render() {
    const empty = this.status === 'failed' || (this.status === 'ready' && this.shown.length === 0);
    if (empty) return this.querySelector(':scope > [slot="fallback"]') ? html`<slot name="fallback"></slot>` : nothing;
    const placeholders = this.mode === 'grid' ? this.max : this.cols;
    const tiles: Array<FeedPost | undefined> = this.status === 'loading' ? Array.from({ length: placeholders }) : this.shown;
    const user = (this.data ?? this.fetched)?.username ?? '';
    const list = html`<ul class=${this.mode === 'carousel' ? 'track' : 'grid'} part="list">
      ${tiles.map((post, index) => html`<li>${post ? this.renderTile(post, index) : html`<span class="tile" aria-hidden="true"></span>`}</li>`)}
    </ul>`;
    return html`<section part="feed" aria-label=${this.l10n.t('region', user)} aria-busy=${this.status === 'loading'}>
      ${this.mode === 'carousel'
        ? html`<div class="carousel">
            ${list}
            <button class="page prev" part="page-button" aria-label=${this.l10n.t('previous')} @click=${() => this.page(-1)}>‹</button>
            <button class="page next" part="page-button" aria-label=${this.l10n.t('next')} @click=${() => this.page(1)}>›</button>
          </div>`
        : list}
      ${this.renderDialog()}
    </section>`;
  }

  private renderTile(post: FeedPost, index: number) {
    const kind = post.type === 'video' ? `, ${this.l10n.t('video')}` : post.type === 'carousel' ? `, ${this.l10n.t('carousel', post.slides.length)}` : '';
    return html`<button class="tile" part="post" data-index=${index} aria-label=${`${post.alt || this.l10n.t('post', index + 1, this.shown.length)}${kind}`} @click=${() => this.show(index)}>
      ${picture(post.slides[0], `(min-width: 64rem) ${Math.round(1024 / this.cols)}px, ${Math.round(100 / this.cols)}vw`, '', true, value => this.url(value))}
      ${post.type === 'image' ? nothing : html`<span class="badge" aria-hidden="true">${post.type === 'video' ? '▶' : '❐'}</span>`}
    </button>`;
  }

  /** What the dialog's body needs from the element: its state, and what its controls do. */
  private get postView(): PostView {
    return {
      l10n: this.l10n,
      url: value => this.url(value),
      catalog: this.products,
      position: this.open,
      count: this.shown.length,
      active: this.active,
      close: () => this.dialog?.close(),
      go: delta => void this.go(delta),
      slide: direction => this.slide(direction),
      hotspot: (post, productId) => void this.hotspot(post, productId),
      productClick: (post, product) => this.productClick(post, product),
      addToWishlist: product => this.dispatchEvent(new WishlistAddRequestEvent({ productId: product.id, source: 'feed' })),
    };
  }

  private renderDialog() {
    const post = this.shown[this.open];
    return html`<dialog part="dialog" aria-label=${post ? this.l10n.t('post', this.open + 1, this.shown.length) : nothing} @close=${this.closed} @keydown=${this.keydown}>
      ${post ? postDialogBody(post, this.postView) : nothing}
    </dialog>`;
  }

  protected override updated(): void {
    this.style.setProperty('--_cols', String(this.cols));
    this.style.setProperty('--_rows', String(Math.max(1, Math.ceil((this.status === 'loading' ? (this.mode === 'grid' ? this.max : this.cols) : this.shown.length) / this.cols))));
    // Positions and ratios come from data: CSS custom properties, never style bindings.
    for (const element of this.renderRoot.querySelectorAll<HTMLElement>('[data-ratio]')) element.style.setProperty('--ratio', element.dataset.ratio!);
    for (const element of this.renderRoot.querySelectorAll<HTMLElement>('[data-x]')) {
      element.style.setProperty('--x', element.dataset.x!);
      element.style.setProperty('--y', element.dataset.y!);
    }
    const empty = this.status === 'failed' || (this.status === 'ready' && this.shown.length === 0);
    const collapse = empty && !this.querySelector(':scope > [slot="fallback"]');
    if (collapse !== this.hiddenByUs) {
      this.hidden = collapse;
      this.hiddenByUs = collapse;
    }
    if (this.status === 'ready' && this.shown.length > 0 && !this.viewed && !this.viewObserver) {
      this.viewObserver = new IntersectionObserver(
        entries => {
          if (!entries.some(entry => entry.intersectionRatio >= 0.5)) return;
          this.viewed = true;
          this.viewObserver?.disconnect();
          track('feed_view', { feedId: this.feedId, layout: this.mode, postCount: this.shown.length }, WIDGET);
        },
        { threshold: 0.5 },
      );
      this.viewObserver.observe(this);
    }
  }

  private get feedId(): string {
    return (this.data ?? this.fetched)?.id ?? this.feed;
  }

  private slide(direction: number): void {
    const slides = this.renderRoot.querySelector<HTMLElement>('.slides');
    slides?.scrollBy({ left: direction * slides.clientWidth });
  }

  private page(direction: number): void {
    this.track?.scrollBy({ left: direction * this.track.clientWidth });
  }

  private async show(index: number): Promise<void> {
    this.open = index;
    this.active = '';
    await this.updateComplete;
    if (!this.dialog?.open) this.dialog?.showModal();
    track('feed_post_open', { feedId: this.feedId, postId: this.shown[index].id, position: index, layout: this.mode }, WIDGET);
  }

  private async go(delta: number): Promise<void> {
    const next = this.open + delta;
    if (next < 0 || next >= this.shown.length) return;
    await this.show(next);
    this.renderRoot.querySelector('.slides')?.scrollTo({ left: 0 });
    // The focused control may have belonged to the previous post: keep focus inside the dialog.
    const focused = (this.renderRoot as ShadowRoot).activeElement;
    if (!focused || !focused.isConnected) this.renderRoot.querySelector<HTMLElement>('.body')?.focus();
  }

  private keydown(event: KeyboardEvent): void {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    // Videos and scrollable slides use the arrows themselves.
    if ((event.composedPath()[0] as Element).localName === 'video') return;
    event.preventDefault();
    void this.go(event.key === 'ArrowLeft' ? -1 : 1);
  }

  private async closed(): Promise<void> {
    const index = this.open;
    this.open = -1;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`.tile[data-index="${index}"]`)?.focus();
  }

  private async hotspot(post: FeedPost, productId: string): Promise<void> {
    this.active = productId;
    track('hotspot_open', { feedId: this.feedId, postId: post.id, productId }, WIDGET);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.product.active a')?.focus();
  }

  private productClick(post: FeedPost, product: FeedProduct): void {
    track('product_click', { productId: product.id, feedId: this.feedId, postId: post.id, url: this.url(product.link) }, WIDGET);
  }
}
