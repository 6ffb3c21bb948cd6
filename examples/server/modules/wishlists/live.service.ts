import type { ServerResponse } from 'node:http';
import type { FastifyBaseLogger } from 'fastify';
import type { Channels } from '../../db/channels.js';
import { SSE_HEARTBEAT_MS, SSE_RETRY_MS } from '../../limits.js';

type Data = Record<string, unknown>;
export type LiveEvent = 'vote' | 'change';

const CHANNEL = 'wishlist_live';

/**
 * Live updates for owners over Server-Sent Events. An owner's stream may be open on any instance and the
 * change made on any other, so every message goes through the database's channel (LISTEN/NOTIFY on
 * PostgreSQL) and each instance writes it to the streams it holds. The client falls back to ETag polling
 * whenever the stream is unavailable.
 */
export class LiveUpdates {
  private readonly channels = new Map<string, Set<(event: LiveEvent, data: Data) => void>>();
  private readonly streams = new Set<ServerResponse>();
  private queued: string[] = [];
  private sending: Promise<void> | undefined;
  /** Shutting down: no new stream is opened here. */
  closed = false;

  constructor(
    private readonly bus: Channels,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Hears every instance's messages, this one's too; once, before the routes serve. */
  start(): Promise<void> {
    return this.bus.listen(CHANNEL, {
      message: payload => {
        const { list, event, data } = JSON.parse(payload) as { list: string; event: LiveEvent; data: Data };
        this.channels.get(list)?.forEach(send => send(event, data));
      },
      // Messages were missed: ended streams make their clients reconnect and read the list again.
      reset: () => this.endStreams(),
    });
  }

  emit(listId: string, event: LiveEvent, data: Data = {}): void {
    this.queued.push(JSON.stringify({ list: listId, event, data }));
    this.sending ??= this.send();
  }

  /** One NOTIFY statement carries every message emitted while the previous one was on its way. */
  private async send(): Promise<void> {
    while (this.queued.length > 0) {
      const batch = this.queued;
      this.queued = [];
      // The change is committed already; owners who miss its message see it on their next poll.
      await this.bus.notify(CHANNEL, batch).catch(error => this.log.warn({ err: error }, 'live updates not sent'));
    }
    this.sending = undefined;
  }

  /** Turns `raw` (headers already chosen by the caller) into the list's event stream until the client leaves. */
  subscribe(listId: string, raw: ServerResponse, headers: Record<string, string>): void {
    raw.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
    raw.write(`retry: ${SSE_RETRY_MS}\n\n`);
    const send = (event: LiveEvent, data: Data) => raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    const channel = this.channels.get(listId) ?? new Set();
    this.channels.set(listId, channel.add(send));
    this.streams.add(raw);
    const heartbeat = setInterval(() => raw.write(': ping\n\n'), SSE_HEARTBEAT_MS);
    raw.once('close', () => {
      clearInterval(heartbeat);
      this.streams.delete(raw);
      channel.delete(send);
      if (channel.size === 0) this.channels.delete(listId);
    });
  }

  /** Shutdown: every stream ends, and clients reconnect to another instance, or poll. */
  close(): void {
    this.closed = true;
    this.endStreams();
  }

  private endStreams(): void {
    this.streams.forEach(stream => stream.end());
  }
}
