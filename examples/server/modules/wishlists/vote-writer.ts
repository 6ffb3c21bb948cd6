import type { Database } from '../../db/db.js';
import { GroupCommit, type GroupCommitOptions, type Pending } from '../../db/group-commit.js';
import { MAX_VOTES_PER_GROUP } from '../../limits.js';
import { type VoteInput, type VoteOutcome, storeVoteGroup } from './votes.repository.js';

interface PendingVote extends Pending<VoteOutcome> {
  vote: VoteInput;
}

/** SQLSTATE 40P01 (deadlock) and 40001 (serialization): nothing of the group was written, it may run again. */
const isRetryable = (error: unknown): boolean => ['40P01', '40001'].includes(String((error as { code?: unknown } | null)?.code));

/**
 * Group commit for votes, as the collector's EventWriter does for events: the votes of the requests read in
 * one turn of the event loop, or while a group is being written, go out together in one statement
 * (votes.repository.ts), and each request is answered with its own outcome once that statement committed.
 * Two votes of one voter on one item never share a group (one upsert cannot touch a row twice): the later one
 * waits for the next group, so votes apply in the order they arrived.
 */
export class VoteWriter extends GroupCommit<PendingVote> {
  /** (item, voter) of the groups being written. */
  private readonly writing = new Set<string>();

  constructor(
    private readonly db: Pick<Database, 'queryPrepared'>,
    private readonly cap: number,
    options: GroupCommitOptions = {},
  ) {
    super(options);
  }

  /** Resolves once the vote is committed (or refused), rejects when the group could not be written (retry later). */
  write(vote: VoteInput): Promise<VoteOutcome> {
    return new Promise<VoteOutcome>((settle, fail) => this.hand({ vote, settle, fail }));
  }

  /**
   * The next group: oldest first, one vote per (item, voter), none whose (item, voter) a group being written
   * holds; those are left for a later group. A repeat identical to a vote of the group (a double tap, a script)
   * rides along: it gets the same answer, and changes nothing.
   */
  protected take(): PendingVote[] {
    const group: PendingVote[] = [];
    const byKey = new Map<string, { vote: string; riders: PendingVote[] }>();
    const rest: PendingVote[] = [];
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
    return group;
  }

  protected async commit(group: PendingVote[]): Promise<void> {
    const keys = group.map(({ vote }) => `${vote.itemId} ${vote.voterId}`);
    keys.forEach(key => this.writing.add(key));
    const votes = group.map(pending => pending.vote);
    const store = () => storeVoteGroup(this.db, votes, this.cap);
    try {
      const outcomes = await store().catch(error => (isRetryable(error) ? store() : Promise.reject(error)));
      group.forEach((pending, index) => pending.settle(outcomes[index]));
    } finally {
      keys.forEach(key => this.writing.delete(key));
    }
  }
}
