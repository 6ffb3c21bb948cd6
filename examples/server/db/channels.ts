import pg from 'pg';

/** What a listener of a channel is told: each message, and that messages may have been missed. */
export interface ChannelListener {
  message(payload: string): void;
  /** The connection that receives messages was lost: whatever was sent meanwhile never arrives. */
  reset(): void;
}

/** Messages to every instance on one database, by channel name. */
export interface Channels {
  /** Sends each payload (at most 8,000 bytes, PostgreSQL's NOTIFY limit) to every listener, this instance's too. */
  notify(channel: string, payloads: string[]): Promise<void>;
  listen(channel: string, listener: ChannelListener): Promise<void>;
  close(): Promise<void>;
}

/** A lost listener connection is opened again after this long, for as long as it takes. */
const RECONNECT_MS = 1000;

type Listeners = Map<string, Set<ChannelListener>>;

const add = (listeners: Listeners, channel: string, listener: ChannelListener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));

/** PGlite's files belong to one process: every listener is in this one. */
export function inProcessChannels(): Channels {
  const listeners: Listeners = new Map();
  return {
    async notify(channel, payloads) {
      // After the sender's turn, as a NOTIFY arrives: a listener never runs inside the sender's code.
      setImmediate(() => payloads.forEach(payload => listeners.get(channel)?.forEach(listener => listener.message(payload))));
    },
    async listen(channel, listener) {
      add(listeners, channel, listener);
    },
    async close() {
      listeners.clear();
    },
  };
}

/**
 * LISTEN/NOTIFY, with one connection per instance (outside the pool: a pooled connection is shared, and
 * LISTEN belongs to a session). Channels are named after the schema, so test files that share a PostgreSQL
 * in schemas of their own do not hear each other.
 */
export function postgresChannels(connectionString: string, namespace: string, query: (sql: string, params: unknown[]) => Promise<unknown>): Channels {
  const listeners: Listeners = new Map();
  const named = (channel: string) => `${namespace}.${channel}`;
  let client: pg.Client | undefined;
  let connecting: Promise<pg.Client> | undefined;
  let retry: NodeJS.Timeout | undefined;
  let closed = false;

  const lost = (which: pg.Client) => {
    if (closed || client !== which) return;
    client = connecting = undefined;
    which.end().catch(() => undefined);
    listeners.forEach(set => set.forEach(listener => listener.reset()));
    reconnectLater();
  };
  const reconnectLater = () => {
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      connect().catch(reconnectLater);
    }, RECONNECT_MS).unref();
  };
  const connect = (): Promise<pg.Client> =>
    (connecting ??= (async () => {
      const next = new pg.Client({ connectionString });
      next.on('notification', ({ channel, payload }) => listeners.get(channel)?.forEach(listener => listener.message(payload ?? '')));
      next.on('error', () => lost(next));
      next.on('end', () => lost(next));
      try {
        await next.connect();
        for (const channel of listeners.keys()) await next.query(`LISTEN "${channel}"`);
      } catch (error) {
        connecting = undefined;
        next.end().catch(() => undefined);
        throw error;
      }
      client = next;
      return next;
    })());

  return {
    async notify(channel, payloads) {
      await query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [named(channel), payloads]);
    },
    async listen(channel, listener) {
      add(listeners, named(channel), listener);
      // LISTEN twice on one session is a no-op: a connection opened meanwhile may have listened already.
      await (await connect()).query(`LISTEN "${named(channel)}"`);
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
