// The baseline every server benchmark is compared with: bare node:http answering 204, in its own process.
// With BASELINE_BODY_FILE (and BASELINE_HEADERS, JSON), it answers 200 with those bytes and headers instead:
// the same response a route sends, so the kernel's cost of writing those bytes is on both sides of a ratio.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const body = process.env.BASELINE_BODY_FILE ? readFileSync(process.env.BASELINE_BODY_FILE) : undefined;
const headers: Record<string, string> = JSON.parse(process.env.BASELINE_HEADERS ?? '{}');

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    if (!body) {
      response.statusCode = 204;
      response.end();
      return;
    }
    response.writeHead(200, { ...headers, 'content-length': body.byteLength });
    response.end(body);
  });
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`LISTENING http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
