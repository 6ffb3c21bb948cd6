import type { Database } from '../../db/db.js';
import { MAX_VOTES_PER_GROUP } from '../../limits.js';
import { type VoteInput, type VoteOutcome, storeVoteGroup } from './votes.repository.js';

interface Pending {
  vote: VoteInput;
  settle(outcome: VoteOutcome): void;
  fail(error: unknown): void;
}

export interface VoteWriterOptions {
  /** Groups written at once: 1 for the embedded database (one statement at a time), more for a PostgreSQL server. */
  concurrency?: number;
  /** With fewer votes than this waiting, up to `gatherTurns` more event-loop turns before writing. */
  gatherVotes?: number;
  gatherTurns?: number;
}

/** SQLSTATE 40P01 (deadlock) and 40001 (serialization): nothing of the group was written, it may run again. */
const isRetryable = (error: unknown): boolean => ['40P01', '40001'].includes(String((error as { code?: unknown } | null)?.code));

/**
 * Group commit for votes, as the collector's EventWriter does for events: the votes of the requests read in
 * one turn of the event loop, or while a group is being written, go out together in one transaction
 * (votes.repository.ts), and each request is answered with its own outcome once that transaction committed.
 * Two votes of one voter on one item never share a group (one upsert cannot touch a row twice): the later one
 * waits for the next group, so votes apply in the order they arrived.
 */
export class VoteWriter {
  private buffer: Pending[] = [];
  private inFlight = 0;
  private scheduled = false;
  private idleWaiters: Array<() => void> = [];
  /** (item, voter) of the groups being written. */
  private readonly writing = new Set<string>();
  private readonly concurrency: number;
  private readonly gatherVotes: number;
  private readonly gatherTurns: number;

  constructor(
    private readonly db: Pick<Database, 'transaction'>,
    private readonly cap: number,
    { concurrency = 1, gatherVotes = 0, gatherTurns = 0 }: VoteWriterOptions = {},
  ) {
    this.concurrency = concurrency;
    this.gatherVotes = gatherVotes;
    this.gatherTurns = gatherTurns;
  }

  /** Resolves once the vote is committed (or refused), rejects when the group could not be written (retry later). */
  write(vote: VoteInput): Promise<VoteOutcome> {
    const outcome = new Promise<VoteOutcome>((settle, fail) => this.buffer.push({ vote, settle, fail }));
    this.schedule();
    return outcome;
  }

  /** Resolves when every vote handed in is written (for shutdown). */
  flushed(): Promise<void> {
    if (this.buffer.length === 0 && this.inFlight === 0 && !this.scheduled) return Promise.resolve();
    return new Promise(resolve => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled || this.buffer.length === 0 || this.inFlight >= this.concurrency) return;
    this.scheduled = true;
    // setImmediate: after the poll phase, so every request read in this turn joins the group; with few votes
    // waiting, up to `gatherTurns` more turns for the requests already on their way.
    let turns = 0;
    const start = () => {
      if (this.buffer.length < this.gatherVotes && turns++ < this.gatherTurns) {
        setImmediate(start);
        return;
      }
      this.scheduled = false;
      while (this.buffer.length > 0 && this.inFlight < this.concurrency) {
        const next = this.take();
        if (next.group.length === 0) break;
        this.run(next);
      }
    };
    setImmediate(start);
  }

  /**
   * The next group: oldest first, one vote per (item, voter), none whose (item, voter) a group being written
   * holds; those are left for a later group. A repeat identical to a vote of the group (a double tap, a script)
   * rides along: it gets the same answer, and changes nothing.
   */
  private take(): { group: Pending[]; keys: Set<string> } {
    const group: Pending[] = [];
    const byKey = new Map<string, { vote: string; riders: Pending[] }>();
    const rest: Pending[] = [];
    for (const pending of this.buffer) {
      const { itemId, voterId, shareId, tokenHash, value, comment, firstName } = pending.vote;
      const key = `${itemId} ${voterId}`;
      const taken = byKey.get(key);
      if (taken && taken.vote === JSON.stringify([shareId, tokenHash, value, comment, firstName])) taken.riders.push(pending);
      else if (group.length >= MAX_VOTES_PER_GROUP || taken || this.writing.has(key)) rest.push(pending);
      else {
        byKey.set(key, { vote: JSON.stringify([shareId, tokenHash, value, comment, firstName]), riders: [] });
        group.push(pending);
      }
    }
    this.buffer = rest;
    for (const pending of group) {
      const { riders } = byKey.get(`${pending.vote.itemId} ${pending.vote.voterId}`)!;
      if (riders.length === 0) continue;
      const { settle, fail } = pending;
      pending.settle = outcome => {
        settle(outcome);
        riders.forEach(rider => rider.settle(outcome.kind === 'voted' ? { ...outcome, changed: false } : outcome));
      };
      pending.fail = error => {
        fail(error);
        riders.forEach(rider => rider.fail(error));
      };
    }
    return { group, keys: new Set(byKey.keys()) };
  }

  private run({ group, keys }: { group: Pending[]; keys: Set<string> }): void {
    this.inFlight++;
    keys.forEach(key => this.writing.add(key));
    const votes = group.map(pending => pending.vote);
    const store = () => this.db.transaction(tx => storeVoteGroup(tx, votes, this.cap));
    store()
      .catch(error => (isRetryable(error) ? store() : Promise.reject(error)))
      .then(
        outcomes => group.forEach((pending, index) => pending.settle(outcomes[index])),
        error => group.forEach(pending => pending.fail(error)),
      )
      .finally(() => {
        this.inFlight--;
        keys.forEach(key => this.writing.delete(key));
        this.schedule();
        if (this.buffer.length === 0 && this.inFlight === 0 && !this.scheduled) this.idleWaiters.splice(0).forEach(resolve => resolve());
      });
  }
}
