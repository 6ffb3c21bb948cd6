import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues, TemplateResult } from 'lit';
import { VitrineElement } from '../../core/element.js';
import { visuallyHidden } from '../../core/styles.js';
import type { ElementMessages } from '../../core/localize-controller.js';
import { LocalizeController } from '../../core/localize-controller.js';
import { $session } from '../../features/session/session.js';
import { StoreController } from '../../core/store-controller.js';
import type { SharedWishlist, WishlistItem, WishlistState } from '../../features/wishlist/index.js';
import { $wishlist, removeFromWishlist, revokeWishlistShare, shareWishlist, startWishlist, watchWishlist } from '../../features/wishlist/index.js';
import type { BurstReview } from './wishlist.bursts.js';
import { VitrineWishlistShareEvent, VitrineWishlistVoteEvent } from './wishlist.events.js';
import type { FriendView } from './wishlist.friend.js';
import { wishlistCatalog } from './wishlist.i18n.js';
import type { WishlistMessages } from './wishlist.i18n.js';
import { pick, productCell, tallyCell } from './wishlist.parts.js';
import { wishlistStyles } from './wishlist.styles.js';

const MODES = ['owner', 'shared'] as const;
const SORTS = ['date', 'votes'] as const;
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
 * deck (one item at a time; swipe, ← →, or buttons); its code is imported on first use of that mode.
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
 * @csspart burst - Owner mode: the notice of a suspicious burst of new voters, with "Retirer ces votes".
 * @cssprop [--vitrine-wishlist-accent=var(--vitrine-accent, #c2410c)] - Pressed votes and the share action.
 * @cssprop [--vitrine-wishlist-on-accent=var(--vitrine-on-accent, #fff)] - Text on the accent.
 * @cssprop [--vitrine-wishlist-border=#e5e5e5] - Separators and card borders.
 * @cssprop [--vitrine-wishlist-background=var(--vitrine-surface, #fff)] - Deck card background.
 * @cssprop [--vitrine-wishlist-radius=var(--vitrine-radius, 0.5rem)] - Corner radius.
 * @cssprop [--vitrine-wishlist-text=var(--vitrine-text, inherit)] - Text colour.
 * @cssprop [--vitrine-accent=#c2410c] - Global token: pressed votes, the share action, the focus ring.
 * @cssprop [--vitrine-on-accent=#fff] - Global token: text on the accent.
 * @cssprop [--vitrine-surface=#fff] - Global token: deck card background.
 * @cssprop [--vitrine-text=inherit] - Global token: text colour.
 * @cssprop [--vitrine-radius=0.5rem] - Global token: corner radius.
 * @cssprop [--vitrine-font=inherit] - Global token: font family.
 * @cssprop [--vitrine-focus-ring=2px solid var(--vitrine-accent, #1d4ed8)] - Global token: the focus outline (width, style, colour).
 * @cssprop --vitrine-swipe-x - Set while dragging a deck card (read-only for styling).
 */
export class VitrineWishlist extends VitrineElement {
  static override styles = [visuallyHidden, wishlistStyles];
  // Declared here rather than with decorators: no decorator helpers in the bundle.
  static override properties: PropertyDeclarations = {
    messages: { attribute: false },
    mode: { reflect: true },
    shareToken: { attribute: 'share-token' },
    sort: {},
    layout: {},
    ownerName: { attribute: 'owner-name' },
    data: { attribute: false },
    status: { state: true },
    shareOpen: { state: true },
  };

  /** `owner` (the shopper's own list) or `shared` (the friend's voting page). @type {'owner' | 'shared'} */
  mode = 'owner';
  /** Shared mode: the token of the share link (`/w/<token>`). */
  shareToken = '';
  /** Owner mode: `date` (newest first) or `votes` (most loved first). @type {'date' | 'votes'} */
  sort = 'date';
  /** Shared mode: `auto` (deck on narrow screens), `list` or `deck`. @type {'auto' | 'list' | 'deck'} */
  layout = 'auto';
  /** Owner mode: first name in the share title ("Aidez Camille à choisir"); defaults to the signed-in shopper's. */
  ownerName = '';
  /** Renders this list instead of fetching (previews, stories): a `WishlistState` in owner mode, a `SharedWishlist` in shared mode. */
  data?: WishlistState | SharedWishlist;

  private status = '';
  private shareOpen = false;
  private readonly wishlist = new StoreController(this, $wishlist);
  /**
   * Your own wording, by language, over the built-in strings (other keys keep theirs); a language Vitrine does
   * not ship works too. Property only: `el.messages = { fr: { ask: 'Demander à mes amies' } }`. Wins over `Vitrine.setMessages()`.
   */
  messages?: ElementMessages<WishlistMessages>;

  private readonly l10n = new LocalizeController(this, 'wishlist', wishlistCatalog);
  /** The owner's review of suspicious votes, imported with the owner's list: pages with only hearts never load it. */
  private bursts?: BurstReview;
  private stopWatching?: () => void;
  /** The friend's page, imported on first use of `mode="shared"`. */
  private friend?: Promise<FriendView>;
  private friendView?: FriendView;

  private get isShared(): boolean {
    return pick('mode', this.mode, MODES) === 'shared';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
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
      void this.reviewBursts();
      this.stopWatching = watchWishlist(notice => {
        const item = $wishlist.get().items.find(entry => entry.id === notice.itemId);
        this.status = this.l10n.t('voted', item?.title ?? notice.productId);
        this.dispatchEvent(new VitrineWishlistVoteEvent(notice));
        this.bursts?.voteArrived();
      });
    } else {
      this.friend ??= import('./wishlist.friend.js').then(module => (this.friendView = new module.FriendView(this, this.l10n)));
      void this.friend.then(view => view.load());
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

  private async reviewBursts(): Promise<void> {
    const { BurstReview } = await import('./wishlist.bursts.js');
    this.bursts ??= new BurstReview(this, this.l10n, status => (this.status = status));
    await this.bursts.load();
  }

  private renderOwner(): TemplateResult {
    const list = this.list;
    const sort = pick('sort', this.sort, SORTS);
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
      ${this.data ? nothing : (this.bursts?.render() ?? nothing)}
      <p class="muted" part="status" role="status">
        ${this.status || (list.error === 'network' ? this.l10n.t('offline') : list.error ? this.l10n.t('failed') : '')}
      </p>
      ${items.length
        ? html`<ul part="list">
            ${items.map(
              item => html`<li part="item">
                ${productCell(this.l10n, item)}
                <div class="meta">
                  ${tallyCell(this.l10n, item.votes)} ${item.pending ? html`<span class="muted">${this.l10n.t('pending')}</span>` : nothing}
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

  override render() {
    return this.isShared ? (this.friendView?.render() ?? html`<p part="status" role="status">${this.l10n.t('loading')}</p>`) : this.renderOwner();
  }
}
