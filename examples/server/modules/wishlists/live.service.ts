import type { ServerResponse } from 'node:http';
import { SSE_HEARTBEAT_MS, SSE_RETRY_MS } from '../../limits.js';

type Data = Record<string, unknown>;
export type LiveEvent = 'vote' | 'change';

/**
 * Live updates for owners over Server-Sent Events: one channel per list, in this process. Several instances
 * would need LISTEN/NOTIFY behind `emit` (issue 20); the client falls back to ETag polling whenever the stream
 * is unavailable.
 */
export class LiveUpdates {
  private readonly channels = new Map<string, Set<(event: LiveEvent, data: Data) => void>>();
  private readonly streams = new Set<ServerResponse>();

  emit(listId: string, event: LiveEvent, data: Data = {}): void {
    this.channels.get(listId)?.forEach(send => send(event, data));
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

  /** Ends every open stream (shutdown): clients reconnect elsewhere, or poll. */
  close(): void {
    this.streams.forEach(stream => stream.end());
  }
}
