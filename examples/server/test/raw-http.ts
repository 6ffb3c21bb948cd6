import { connect } from 'node:net';

/** Writes raw bytes and reads until the server closes the socket: what a hand-made client sees. */
export function rawExchange(url: string, chunks: string[], gapMs = 0): Promise<{ answer: string; closedAfterMs: number }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname);
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', data => (answer += data));
    socket.on('error', () => {});
    socket.on('close', () => resolve({ answer, closedAfterMs: Date.now() - started }));
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) return;
        socket.write(chunk);
        if (gapMs) await new Promise(wait => setTimeout(wait, gapMs));
      }
    });
    setTimeout(() => reject(new Error('the server never closed the socket')), 60_000).unref();
  });
}
