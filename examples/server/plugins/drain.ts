import { Server } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    /** From the start of a drain: `/readyz` answers 503 and every response closes its connection. */
    readonly draining: boolean;
    /** Runs `hook` when a drain starts (live streams end there). */
    onDrain(hook: () => void): void;
    /**
     * Graceful shutdown (SIGTERM): stop accepting, finish in-flight requests, then close the app. No request
     * a client has sent is reset. Resolves once the app is closed.
     */
    drain(): Promise<void>;
  }
}

export const drainPlugin = fp<{ delayMs: number; timeoutMs: number }>(
  async (app: FastifyInstance, { delayMs, timeoutMs }) => {
    let draining = false;
    const hooks: Array<() => void> = [];
    app.decorate('draining', { getter: () => draining });
    app.decorate('onDrain', (hook: () => void) => void hooks.push(hook));
    // A client told `connection: close` sends its next request on a new connection, to another instance.
    app.addHook('onSend', async (_request, reply, payload) => {
      if (draining) reply.header('connection', 'close');
      return payload;
    });

    app.decorate('drain', async () => {
      if (draining) return;
      draining = true;
      hooks.forEach(hook => hook());
      // Still serving, while load balancers read /readyz and take this instance out.
      if (delayMs > 0) await sleep(delayMs);
      const { server } = app;
      // Stop accepting. http.Server#close would also close every idle keep-alive socket at once, while a client
      // may be writing its next request on one: that request would be reset. net.Server#close only stops
      // listening. A socket that carries a request closes after its response (`connection: close`); an idle one
      // closes at its keep-alive timeout, which clients read from the `Keep-Alive` header and stop reusing before.
      const allClosed = new Promise<void>(resolve => Server.prototype.close.call(server, () => resolve()));
      await Promise.race([allClosed, sleep(timeoutMs)]);
      await app.close();
    });
  },
  { name: 'vitrine-drain' },
);
