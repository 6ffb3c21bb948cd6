import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { VoteBurst } from '../../features/wishlist/index.js';
import { fetchVoteBursts, removeVoteBurst } from '../../features/wishlist/index.js';
import type { Localize } from './wishlist.parts.js';

/** A run of votes is read once: the review is read again this long after the first vote of the run. */
const RECHECK_AFTER_VOTES_MS = 3000;

/**
 * The owner's review of suspicious bursts of new voters in `<vitrine-wishlist>`: read when the list opens and
 * again after votes arrive, each burst shown with "Retirer ces votes". Votes stream in without this: the review
 * is its own small read, never a re-read of the list.
 */
export class BurstReview implements ReactiveController {
  private bursts: VoteBurst[] = [];
  private recheck?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly l10n: Localize,
    private readonly announce: (status: string) => void,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.recheck);
    this.recheck = undefined;
  }

  /** Reads the review now (the list just opened). */
  async load(): Promise<void> {
    // A failed read keeps what is shown: the review is advice, the list works without it.
    this.bursts = await fetchVoteBursts().catch(() => this.bursts);
    this.host.requestUpdate();
  }

  /** A vote arrived: reads the review once the run of votes it may belong to has settled. */
  voteArrived(): void {
    this.recheck ??= setTimeout(() => {
      this.recheck = undefined;
      void this.load();
    }, RECHECK_AFTER_VOTES_MS);
  }

  private async remove(burst: VoteBurst): Promise<void> {
    try {
      const removed = await removeVoteBurst(burst.id);
      this.bursts = this.bursts.filter(entry => entry.id !== burst.id);
      this.announce(this.l10n.t('burstRemoved', removed));
    } catch {
      this.announce(this.l10n.t('offline'));
    }
    this.host.requestUpdate();
  }

  render(): TemplateResult | typeof nothing {
    if (!this.bursts.length) return nothing;
    return html`${this.bursts.map(
      burst =>
        html`<div class="burst" part="burst" role="group" aria-labelledby="burst-${burst.id}">
          <p id="burst-${burst.id}">${this.l10n.t(burst.kind === 'address' ? 'burstAddress' : 'burstWindow', burst.voters, burst.votes)}</p>
          <button type="button" @click=${() => this.remove(burst)}>${this.l10n.t('removeBurst')}</button>
        </div>`,
    )}`;
  }
}
