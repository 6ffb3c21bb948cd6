import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { VitrineElement } from '../../core/element.js';
import { HttpError } from '../../core/http.js';
import { LocalizeController } from '../../core/localize-controller.js';
import { $session } from '../../core/session.js';
import { StoreController } from '../../core/store-controller.js';
import { safeUrl } from '../../core/url.js';
import { warnOnce } from '../../core/warn.js';
import type { SharedWishlist, SharedWishlistItem, WishlistItem, WishlistProduct, WishlistState } from '../../core/wishlist.js';
import {
  $wishlist,
  fetchSharedWishlist,
  removeFromWishlist,
  revokeWishlistShare,
  shareWishlist,
  startWishlist,
  voteOnSharedItem,
  watchWishlist,
} from '../../core/wishlist.js';
import { VitrineWishlistShareEvent, VitrineWishlistVoteEvent } from './wishlist.events.js';
import { wishlistCatalog } from './wishlist.i18n.js';
import { wishlistStyles } from './wishlist.styles.js';

const MODES = ['owner', 'shared'] as const;
const SORTS = ['date', 'votes'] as const;
const LAYOUTS = ['auto', 'list', 'deck'] as const;
/** Pixels a card must travel to count as a swipe. */
const SWIPE = 80;
const AVAILABILITIES = ['in_stock', 'out_of_stock', 'preorder', 'backorder'] as const;

const pick = <T extends string>(value: string, allowed: readonly T[], fallback: T, attribute: string): T => {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  warnOnce(`wishlist:${attribute}:${value}`, `<vitrine-wishlist> ${attribute}="${value}" is not supported; expected one of ${allowed.join(', ')}. Using ${fallback}.`);
  return fallback;
};
const score = (item: WishlistItem) => (item.votes?.up ?? 0) - (item.votes?.down ?? 0);

/**
 * @summary The shopper's wishlist with friends' votes, and the voting page friends reach through its share link.
 *
 * Owner mode (default): the saved items (image, name, variant, price, availability, ♥ / ✕ tallies and
 * comments, remove), sorted by date or votes, updated live while friends vote, and a "Demander l'avis de mes
 * amis" action that creates the share link, fires `vitrine-wishlist-share`, then hands the link to the element
 * slotted as `share` (e.g. `<vitrine-share slot="share">`, its `url`, `title` and `text` attributes are set),
 * or shows it with a copy button. `mode="shared"` with `share-token` is the friend's page: "J'adore" /
 * "Pas pour moi" per item with an optional comment and first name, no account, and on narrow screens a swipe
 * deck (one item at a time; swipe, ← →, or buttons).
 *
 * @fires vitrine-wishlist-share - Before the share link is shown; cancelable. `detail: { url, title }`.
 * @fires vitrine-wishlist-vote - A vote was cast: by a friend (owner mode, live) or by this visitor (shared mode). `detail: { itemId, productId, variant, value }`.
 * @slot share - Shows the share link: receives `url`, `title` and `text` attributes (a `<vitrine-share>` fits). Without it, a copy-link field.
 * @csspart toolbar - Sort select and share action.
 * @csspart share-button - "Demander l'avis de mes amis".
 * @csspart share - The share link panel.
 * @csspart list - The list of items.
 * @csspart item - One item.
 * @csspart image - An item's image.
 * @csspart price - An item's price.
 * @csspart votes - An item's ♥ / ✕ tallies.
 * @csspart remove - An item's remove button.
 * @csspart vote - "J'adore" and "Pas pour moi" buttons (shared mode).
 * @csspart deck - The swipe deck (shared mode, narrow screens).
 * @csspart card - The card on top of the deck.
 * @csspart status - Live messages (new votes, offline, errors).
 * @cssprop --vitrine-wishlist-accent - Pressed votes and the share action. Default `#c2410c`.
 * @cssprop --vitrine-wishlist-on-accent - Text on the accent. Default `#fff`.
 * @cssprop --vitrine-wishlist-border - Separators and card borders. Default `#e5e5e5`.
 * @cssprop --vitrine-wishlist-background - Deck card background. Default `#fff`.
 * @cssprop --vitrine-wishlist-radius - Corner radius. Default `0.5rem`.
 * @cssprop --vitrine-wishlist-text - Text colour. Default inherited.
 * @cssprop --vitrine-focus-color - Focus ring. Default `#1d4ed8`.
 * @cssprop --vitrine-swipe-x - Set while dragging a deck card (read-only for styling).
 */
export class VitrineWishlist extends VitrineElement {
  static override styles = wishlistStyles;

  /** `owner` (the shopper's own list) or `shared` (the friend's voting page). */
  @property({ reflect: true }) mode = 'owner';
  /** Shared mode: the token of the share link (`/w/<token>`). */
  @property({ attribute: 'share-token' }) shareToken = '';
  /** Owner mode: `date` (newest first) or `votes` (most loved first). */
  @property() sort = 'date';
  /** Shared mode: `auto` (deck on narrow screens), `list` or `deck`. */
  @property() layout = 'auto';
  /** Owner mode: first name in the share title ("Aidez Camille à choisir"); defaults to the signed-in shopper's. */
  @property({ attribute: 'owner-name' }) ownerName = '';
  /** Renders this list instead of fetching (previews, stories): a `WishlistState` in owner mode, a `SharedWishlist` in shared mode. */
  @property({ attribute: false }) data?: WishlistState | SharedWishlist;

  @state() private shared?: SharedWishlist;
  @state() private problem?: 'notFound' | 'gone' | 'failed';
  @state() private status = '';
  @state() private shareOpen = false;
  @state() private narrow = false;
  @state() private index = 0;
  @state() private firstName = '';
  private readonly drafts = new Map<string, string>();
  private readonly wishlist = new StoreController(this, $wishlist);
  private readonly l10n = new LocalizeController(this, wishlistCatalog);
  private readonly media = globalThis.matchMedia?.('(max-width: 40rem)');
  private readonly onMedia = () => (this.narrow = Boolean(this.media?.matches));
  private stopWatching?: () => void;
  private dragStart?: number;
  @query('.card') private card?: HTMLElement;

  private get isShared(): boolean {
    return pick(this.mode, MODES, 'owner', 'mode') === 'shared';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.media?.addEventListener('change', this.onMedia);
    this.onMedia();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.media?.removeEventListener('change', this.onMedia);
    this.stopWatching?.();
    this.stopWatching = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('mode') && !changed.has('shareToken') && !changed.has('data')) return;
    this.stopWatching?.();
    this.stopWatching = undefined;
    if (!this.isShared) {
      if (this.data) return;
      startWishlist();
      this.stopWatching = watchWishlist(notice => {
        const item = $wishlist.get().items.find(entry => entry.id === notice.itemId);
        this.status = this.l10n.t('voted', item?.title ?? notice.productId);
        this.dispatchEvent(new VitrineWishlistVoteEvent(notice));
      });
    } else if (this.data) {
      this.shared = this.data as SharedWishlist;
    } else if (!/^[A-Za-z0-9_-]{20,100}$/.test(this.shareToken)) {
      warnOnce(`wishlist:share-token:${this.shareToken}`, `<vitrine-wishlist mode="shared"> needs share-token="…", the token of the share link /w/<token>.`);
      this.problem = 'notFound';
    } else {
      this.problem = undefined;
      fetchSharedWishlist(this.shareToken).then(
        list => (this.shared = list),
        (error: unknown) => (this.problem = error instanceof HttpError && error.status === 410 ? 'gone' : error instanceof HttpError && error.status === 404 ? 'notFound' : 'failed'),
      );
    }
  }

  /** The owner's list: the `data` preview, else the shopper's. */
  private get list(): WishlistState {
    return (this.data as WishlistState | undefined) ?? this.wishlist.value;
  }

  protected override updated(): void {
    // Composition, not imports: whatever the page slotted as `share` receives the link.
    const url = this.list.shareUrl;
    const slot = this.renderRoot.querySelector<HTMLSlotElement>('slot[name="share"]');
    for (const element of slot?.assignedElements() ?? []) {
      if (!url) continue;
      element.setAttribute('url', url);
      element.setAttribute('title', this.shareTitle());
      element.setAttribute('text', this.l10n.t('shareText'));
    }
  }

  /** The first name friends see: the attribute, else the signed-in shopper's. */
  private get name(): string {
    const session = $session.get();
    return this.ownerName || (session.status === 'signed-in' ? session.user.firstName : '');
  }

  private shareTitle(): string {
    return this.l10n.t('shareTitle', this.name || this.list.ownerName);
  }

  private async share(): Promise<void> {
    try {
      const url = this.data ? this.list.shareUrl : await shareWishlist(this.name || undefined);
      if (!url) return;
      const event = new VitrineWishlistShareEvent({ url, title: this.shareTitle() });
      this.dispatchEvent(event);
      this.shareOpen = !event.defaultPrevented;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="share"]')?.focus();
    } catch {
      this.status = this.l10n.t('offline');
    }
  }

  private async copy(url: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(url);
      this.status = this.l10n.t('copied');
    } catch {
      this.renderRoot.querySelector<HTMLInputElement>('.share input')?.select();
    }
  }

  private async revoke(): Promise<void> {
    try {
      await revokeWishlistShare();
      this.shareOpen = false;
      this.status = this.l10n.t('revoked');
    } catch {
      this.status = this.l10n.t('offline');
    }
  }

  private product(item: Partial<WishlistProduct> & { productId: string; variant: string }): TemplateResult {
    const image = safeUrl(item.image);
    const link = safeUrl(item.link);
    const title = item.title ?? item.productId;
    const availability = AVAILABILITIES.find(value => value === item.availability);
    return html`${image ? html`<img part="image" src=${image} alt="" loading="lazy" />` : html`<span></span>`}
      <div class="meta">
        ${link ? html`<a class="title" href=${link}>${title}</a>` : html`<span class="title">${title}</span>`}
        ${item.variant ? html`<span class="muted">${this.l10n.t('variant', item.variant)}</span>` : nothing}
        ${item.price !== null && item.price !== undefined && item.currency
          ? html`<span part="price">${this.l10n.price(item.price, item.currency)}</span>`
          : nothing}
        ${availability ? html`<span class="muted">${this.l10n.t(availability)}</span>` : nothing}
      </div>`;
  }

  private tally(votes: { up: number; down: number } | undefined): TemplateResult {
    const { up = 0, down = 0 } = votes ?? {};
    return html`<span part="votes"
      ><span aria-hidden="true">♥ ${this.l10n.number(up)} · ✕ ${this.l10n.number(down)}</span
      ><span class="sr-only">${this.l10n.t('tally', up, down)}</span></span
    >`;
  }

  private renderOwner(): TemplateResult {
    const list = this.list;
    const sort = pick(this.sort, SORTS, 'date', 'sort');
    const items = [...list.items].sort((a, b) => (sort === 'votes' ? score(b) - score(a) : 0) || b.addedAt.localeCompare(a.addedAt));
    const url = list.shareUrl;
    return html`<div class="toolbar" part="toolbar">
        <label
          >${this.l10n.t('sortBy')}
          <select @change=${(event: Event) => (this.sort = (event.target as HTMLSelectElement).value)}>
            ${SORTS.map(value => html`<option value=${value} ?selected=${value === sort}>${this.l10n.t(value === 'date' ? 'sortDate' : 'sortVotes')}</option>`)}
          </select></label
        >
        <button part="share-button" type="button" ?disabled=${!list.items.length} @click=${this.share}>${this.l10n.t('ask')}</button>
      </div>
      ${url && this.shareOpen
        ? html`<div class="share" part="share" tabindex="-1" role="region" aria-label=${this.l10n.t('shareLink')}>
            <slot name="share"
              ><label
                >${this.l10n.t('shareLink')}
                <input readonly .value=${url} @focus=${(event: Event) => (event.target as HTMLInputElement).select()} /></label
              ><button type="button" @click=${() => this.copy(url)}>${this.l10n.t('copy')}</button></slot
            >
            <button type="button" @click=${this.revoke}>${this.l10n.t('revoke')}</button>
          </div>`
        : nothing}
      <p class="muted" part="status" role="status">
        ${this.status || (list.error === 'network' ? this.l10n.t('offline') : list.error ? this.l10n.t('failed') : '')}
      </p>
      ${items.length
        ? html`<ul part="list">
            ${items.map(
              item => html`<li part="item">
                ${this.product(item)}
                <div class="meta">
                  ${this.tally(item.votes)} ${item.pending ? html`<span class="muted">${this.l10n.t('pending')}</span>` : nothing}
                  <button part="remove" type="button" @click=${() => removeFromWishlist(item.productId, item.variant, 'wishlist')}>
                    ${this.l10n.t('remove', item.title ?? item.productId)}
                  </button>
                </div>
                ${item.comments?.length
                  ? html`<ul class="comments">
                      ${item.comments.map(
                        comment => html`<li>
                          <span aria-hidden="true">${comment.value > 0 ? '♥' : '✕'}</span
                          ><span class="sr-only">${this.l10n.t(comment.value > 0 ? 'love' : 'pass')}</span>
                          <strong>${comment.firstName}</strong> ${comment.comment ? html`« ${comment.comment} »` : nothing}
                        </li>`,
                      )}
                    </ul>`
                  : nothing}
              </li>`,
            )}
          </ul>`
        : html`<p part="empty">${this.l10n.t('empty')}</p>`}`;
  }

  private async vote(item: SharedWishlistItem, value: 1 | -1): Promise<void> {
    const list = this.shared;
    if (!list) return;
    const comment = this.drafts.get(item.id);
    const previous = item.myVote;
    const optimistic: SharedWishlistItem = {
      ...item,
      myVote: { value, comment: comment ?? previous?.comment ?? '', firstName: this.firstName || previous?.firstName || '' },
      votes: {
        up: item.votes.up - (previous?.value === 1 ? 1 : 0) + (value === 1 ? 1 : 0),
        down: item.votes.down - (previous?.value === -1 ? 1 : 0) + (value === -1 ? 1 : 0),
      },
    };
    const replace = (next: SharedWishlistItem) => {
      if (this.shared) this.shared = { ...this.shared, items: this.shared.items.map(entry => (entry.id === next.id ? { ...entry, ...next } : entry)) };
    };
    replace(optimistic);
    if (this.deck) this.index++;
    this.dispatchEvent(new VitrineWishlistVoteEvent({ itemId: item.id, productId: item.productId, variant: item.variant, value }));
    if (this.data) return;
    try {
      replace(await voteOnSharedItem(this.shareToken, item, { value, comment, firstName: this.firstName || undefined }));
      this.status = this.l10n.t('thanked');
    } catch {
      replace(item);
      this.status = this.l10n.t('voteFailed');
    }
  }

  private get deck(): boolean {
    const layout = pick(this.layout, LAYOUTS, 'auto', 'layout');
    return layout === 'deck' || (layout === 'auto' && this.narrow);
  }

  private voting(item: SharedWishlistItem, owner: string): TemplateResult {
    const title = item.title ?? item.productId;
    return html`<label
        >${this.l10n.t('comment', owner)}
        <textarea
          maxlength="280"
          rows="2"
          .value=${this.drafts.get(item.id) ?? item.myVote?.comment ?? ''}
          @input=${(event: Event) => this.drafts.set(item.id, (event.target as HTMLTextAreaElement).value)}
        ></textarea
      ></label>
      <div class="actions" role="group" aria-label=${this.l10n.t('yourOpinion', title)}>
        <button part="vote" type="button" aria-pressed=${item.myVote?.value === 1 ? 'true' : 'false'} @click=${() => this.vote(item, 1)}>
          <span aria-hidden="true">♥</span> ${this.l10n.t('love')}
        </button>
        <button part="vote" type="button" aria-pressed=${item.myVote?.value === -1 ? 'true' : 'false'} @click=${() => this.vote(item, -1)}>
          <span aria-hidden="true">✕</span> ${this.l10n.t('pass')}
        </button>
        ${this.tally(item.votes)}
      </div>`;
  }

  private onKey(event: KeyboardEvent, item: SharedWishlistItem): void {
    if (event.target !== event.currentTarget || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) return;
    event.preventDefault();
    void this.vote(item, event.key === 'ArrowRight' ? 1 : -1);
  }

  private onPointer(event: PointerEvent, item: SharedWishlistItem): void {
    const card = this.card;
    if (!card || (event.target as Element).closest('button, textarea')) return;
    if (event.type === 'pointerdown') {
      this.dragStart = event.clientX;
      card.setPointerCapture(event.pointerId);
      card.classList.add('dragging');
      return;
    }
    if (this.dragStart === undefined) return;
    const dx = event.clientX - this.dragStart;
    if (event.type === 'pointermove') {
      card.style.setProperty('--vitrine-swipe-x', `${dx}px`);
      return;
    }
    this.dragStart = undefined;
    card.classList.remove('dragging');
    card.style.removeProperty('--vitrine-swipe-x');
    if (event.type === 'pointerup' && Math.abs(dx) >= SWIPE) void this.vote(item, dx > 0 ? 1 : -1);
  }

  private renderShared(): TemplateResult {
    if (this.problem) return html`<p part="status" role="alert">${this.l10n.t(this.problem === 'gone' ? 'gone' : this.problem === 'notFound' ? 'notFound' : 'voteFailed')}</p>`;
    const list = this.shared;
    if (!list) return html`<p part="status" role="status">${this.l10n.t('loading')}</p>`;
    const total = list.items.length;
    const item = list.items[this.index];
    const name = html`<label
      >${this.l10n.t('firstName')}
      <input maxlength="40" autocomplete="given-name" .value=${this.firstName} @input=${(event: Event) => (this.firstName = (event.target as HTMLInputElement).value)}
    /></label>`;
    const body = !this.deck
      ? html`<ul part="list">
          ${list.items.map(entry => html`<li part="item">${this.product(entry)}<div class="meta">${this.voting(entry, list.ownerName)}</div></li>`)}
        </ul>`
      : item
        ? html`<div class="deck" part="deck">
            <p class="muted" id="help">${this.l10n.t('deckHelp')}</p>
            <p aria-live="polite">${this.l10n.t('position', this.index + 1, total)}</p>
            <div
              class="card"
              part="card"
              tabindex="0"
              role="group"
              aria-label=${item.title ?? item.productId}
              aria-describedby="help"
              @keydown=${(event: KeyboardEvent) => this.onKey(event, item)}
              @pointerdown=${(event: PointerEvent) => this.onPointer(event, item)}
              @pointermove=${(event: PointerEvent) => this.onPointer(event, item)}
              @pointerup=${(event: PointerEvent) => this.onPointer(event, item)}
              @pointercancel=${(event: PointerEvent) => this.onPointer(event, item)}
              @dragstart=${(event: DragEvent) => event.preventDefault()}
            >
              ${this.product(item)} ${this.voting(item, list.ownerName)}
            </div>
            <div class="actions">
              <button type="button" ?disabled=${this.index === 0} @click=${() => this.index--}>${this.l10n.t('previous')}</button>
              <button type="button" @click=${() => this.index++}>${this.l10n.t('skip')}</button>
            </div>
          </div>`
        : html`<div class="deck" part="deck">
            <p>${this.l10n.t('thanks', list.ownerName)}</p>
            <button type="button" @click=${() => (this.index = 0)}>${this.l10n.t('again')}</button>
          </div>`;
    return html`${name}${body}
      <p class="muted" part="status" role="status">${this.status}</p>`;
  }

  override render() {
    return this.isShared ? this.renderShared() : this.renderOwner();
  }
}
