import { html } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { HttpError } from '../../core/http.js';
import { warnOnce } from '../../core/warn.js';
import type { SharedWishlist, SharedWishlistItem } from '../../features/wishlist/index.js';
import { fetchSharedWishlist, voteOnSharedItem } from '../../features/wishlist/index.js';
import { VitrineWishlistVoteEvent } from './wishlist.events.js';
import type { Localize } from './wishlist.parts.js';
import { pick, productCell, tallyCell } from './wishlist.parts.js';

const LAYOUTS = ['auto', 'list', 'deck'] as const;

interface FriendState {
  shared?: SharedWishlist;
  problem?: 'notFound' | 'gone' | 'failed';
  status: string;
  narrow: boolean;
  index: number;
}
/** Pixels a card must travel to count as a swipe. */
const SWIPE = 80;

/** What the friend's page needs from `<vitrine-wishlist>`. */
export interface FriendHost extends ReactiveControllerHost, HTMLElement {
  shareToken: string;
  layout: string;
  data?: unknown;
  renderRoot: HTMLElement | DocumentFragment;
}

/**
 * The friend's voting page of `<vitrine-wishlist mode="shared">`, loaded only when that mode is used, so the
 * shopper's own pages never download it: the list (or, on narrow screens, the swipe deck) with J'adore /
 * Pas pour moi, an optional comment and first name, optimistic votes rolled back on failure.
 */
export class FriendView implements ReactiveController {
  private shared?: SharedWishlist;
  private problem?: 'notFound' | 'gone' | 'failed';
  private status = '';
  private narrow = false;
  private index = 0;
  private firstName = '';
  private dragStart?: number;
  private readonly drafts = new Map<string, string>();
  private readonly media = globalThis.matchMedia?.('(max-width: 40rem)');
  private readonly onMedia = () => this.set({ narrow: Boolean(this.media?.matches) });

  constructor(
    private readonly host: FriendHost,
    private readonly l10n: Localize,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.media?.addEventListener('change', this.onMedia);
    this.onMedia();
  }

  hostDisconnected(): void {
    this.media?.removeEventListener('change', this.onMedia);
  }

  /** Changes state and re-renders the host. */
  private set(patch: Partial<FriendState>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  /** (Re)loads the list behind the link, or shows `data` (previews). */
  load(): void {
    if (this.host.data) return this.set({ shared: this.host.data as SharedWishlist, problem: undefined });
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(this.host.shareToken)) {
      warnOnce(`wishlist:share-token:${this.host.shareToken}`, '<vitrine-wishlist mode="shared"> needs share-token="…", the token of the share link /w/<token>.');
      return this.set({ problem: 'notFound' });
    }
    this.set({ problem: undefined, shared: undefined });
    fetchSharedWishlist(this.host.shareToken).then(
      list => this.set({ shared: list }),
      (error: unknown) =>
        this.set({ problem: error instanceof HttpError && error.status === 410 ? 'gone' : error instanceof HttpError && error.status === 404 ? 'notFound' : 'failed' }),
    );
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
      if (this.shared) this.set({ shared: { ...this.shared, items: this.shared.items.map(entry => (entry.id === next.id ? { ...entry, ...next } : entry)) } });
    };
    replace(optimistic);
    if (this.deck) this.set({ index: this.index + 1 });
    this.host.dispatchEvent(new VitrineWishlistVoteEvent({ itemId: item.id, productId: item.productId, variant: item.variant, value }));
    if (this.host.data) return;
    try {
      replace(await voteOnSharedItem(this.host.shareToken, item, { value, comment, firstName: this.firstName || undefined }));
      this.set({ status: this.l10n.t('thanked') });
    } catch {
      replace(item);
      this.set({ status: this.l10n.t('voteFailed') });
    }
  }

  private get deck(): boolean {
    const layout = pick('layout', this.host.layout, LAYOUTS);
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
        ${tallyCell(this.l10n, item.votes)}
      </div>`;
  }

  private onKey(event: KeyboardEvent, item: SharedWishlistItem): void {
    if (event.target !== event.currentTarget || (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft')) return;
    event.preventDefault();
    void this.vote(item, event.key === 'ArrowRight' ? 1 : -1);
  }

  private onPointer(event: PointerEvent, item: SharedWishlistItem): void {
    const card = this.host.renderRoot.querySelector<HTMLElement>('.card');
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

  render(): TemplateResult {
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
          ${list.items.map(entry => html`<li part="item">${productCell(this.l10n, entry)}<div class="meta voting">${this.voting(entry, list.ownerName)}</div></li>`)}
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
              ${productCell(this.l10n, item)} ${this.voting(item, list.ownerName)}
            </div>
            <div class="actions">
              <button type="button" ?disabled=${this.index === 0} @click=${() => this.set({ index: this.index - 1 })}>${this.l10n.t('previous')}</button>
              <button type="button" @click=${() => this.set({ index: this.index + 1 })}>${this.l10n.t('skip')}</button>
            </div>
          </div>`
        : html`<div class="deck" part="deck">
            <p>${this.l10n.t('thanks', list.ownerName)}</p>
            <button type="button" @click=${() => this.set({ index: 0 })}>${this.l10n.t('again')}</button>
          </div>`;
    return html`${name}${body}
      <p class="muted" part="status" role="status">${this.status}</p>`;
  }
}
