import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { clientKey } from './client-address.js';

/**
 * At most `maxPerAddress` open connections per client (IPv4 address or IPv6 /64): one client holding
 * sockets open, slowly or not, cannot take the server's from everyone else. A connection over the cap is
 * answered 429 and closed before its request is read. And the app's last moments: see `closing`.
 */
export const connectionsPlugin = fp<{ maxPerAddress: number }>(
  async (app: FastifyInstance, { maxPerAddress }) => {
    const open = new Map<string, number>();
    const body = JSON.stringify({ error: { code: 'too_many_connections', message: `At most ${maxPerAddress} open connections per client address` } });
    const refusal =
      `HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Retry-After: 1\r\nConnection: close\r\n\r\n${body}`;
    // Shutting down: a request that arrives now is a 503 in the documented shape (Fastify's own would not be),
    // and a keep-alive socket that goes idle would hold shutdown open until its timeout: the last in-flight
    // requests are answered with `connection: close`.
    let closing = false;
    app.addHook('preClose', async () => {
      closing = true;
    });
    app.addHook('onRequest', async (_request, reply) => {
      if (closing) {
        return reply
          .status(503)
          .header('retry-after', '1')
          .send({ error: { code: 'shutting_down', message: 'The server is shutting down; retry on another instance' } });
      }
    });
    app.addHook('onSend', async (_request, reply, payload) => {
      if (closing) reply.header('connection', 'close');
      return payload;
    });

    app.server.on('connection', (socket: Socket) => {
      const key = clientKey(socket.remoteAddress);
      const count = (open.get(key) ?? 0) + 1;
      if (count > maxPerAddress) {
        socket.end(refusal);
        socket.destroySoon();
        return;
      }
      open.set(key, count);
      socket.once('close', () => {
        const left = (open.get(key) ?? 1) - 1;
        if (left === 0) open.delete(key);
        else open.set(key, left);
      });
    });
  },
  { name: 'vitrine-connections' },
);
