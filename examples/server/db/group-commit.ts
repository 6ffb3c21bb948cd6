/** Something handed in to be written, with what to tell its request once the group holding it committed. */
export interface Pending<Outcome> {
  settle(outcome: Outcome): void;
  fail(error: unknown): void;
}

export interface GroupCommitOptions {
  /**
   * Groups written at once. 1 for the embedded database (it runs one statement at a time anyway); more for a
   * PostgreSQL server, so one group's commit (its WAL flush) overlaps the next group's.
   */
  concurrency?: number;
  /**
   * When fewer than this are waiting, wait up to `gatherTurns` more event-loop turns before writing, so the
   * requests already on their way join the group: fewer, larger transactions for the same latency.
   */
  gather?: number;
  gatherTurns?: number;
}

/**
 * Group commit: requests hand in what they write and wait for its commit; what arrives in one turn of the
 * event loop, or while a group is being written, goes out together in the next group, so under load one commit
 * carries many requests and durability does not cost a round trip each. The collector (events) and the vote
 * route share this scheduling; each says how it takes a group from the buffer and how it commits one.
 */
export abstract class GroupCommit<P extends Pending<unknown>> {
  protected buffer: P[] = [];
  private inFlight = 0;
  private scheduled = false;
  private idleWaiters: Array<() => void> = [];
  private readonly concurrency: number;
  private readonly gather: number;
  private readonly gatherTurns: number;

  constructor({ concurrency = 1, gather = 0, gatherTurns = 0 }: GroupCommitOptions = {}) {
    this.concurrency = concurrency;
    this.gather = gather;
    this.gatherTurns = gatherTurns;
  }

  /**
   * The next group, removed from `buffer`; what it leaves waits for a later group. Empty when nothing waiting
   * can go now.
   */
  protected abstract take(): P[];

  /** Writes the group in one transaction and settles each of its members; a rejection fails them all. */
  protected abstract commit(group: P[]): Promise<void>;

  /** Resolves when everything handed in is written (for shutdown). */
  flushed(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise(resolve => this.idleWaiters.push(resolve));
  }

  protected hand(...pending: P[]): void {
    this.buffer.push(...pending);
    this.schedule();
  }

  private isIdle(): boolean {
    return this.buffer.length === 0 && this.inFlight === 0 && !this.scheduled;
  }

  /**
   * Starts the next group on a later turn of the event loop (setImmediate: after the poll phase), so the
   * requests read in this turn, and the answers of the group that just committed, go first.
   */
  private schedule(): void {
    if (this.scheduled || this.buffer.length === 0 || this.inFlight >= this.concurrency) return;
    this.scheduled = true;
    let turns = 0;
    const start = () => {
      if (this.buffer.length < this.gather && turns++ < this.gatherTurns) {
        setImmediate(start);
        return;
      }
      this.scheduled = false;
      while (this.buffer.length > 0 && this.inFlight < this.concurrency) {
        const group = this.take();
        if (group.length === 0) break;
        this.inFlight++;
        this.commit(group)
          .catch(error => group.forEach(pending => pending.fail(error)))
          .finally(() => {
            this.inFlight--;
            this.schedule();
            if (this.isIdle()) this.idleWaiters.splice(0).forEach(resolve => resolve());
          });
      }
    };
    setImmediate(start);
  }
}
