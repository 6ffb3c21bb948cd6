import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../config.js';
import { type TestServer, startTestServer } from '../test-server.js';
import { rawExchange } from './raw-http.js';

const HEADERS_TIMEOUT_MS = 1000;
const REQUEST_TIMEOUT_MS = 2000;

describe('slow clients', () => {
  let server: TestServer;
  before(async () => {
    // The deadlines shortened so the test does not wait 30 s; the defaults are checked below.
    server = await startTestServer({ HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS), REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS), MAX_CONNECTIONS_PER_ADDRESS: '3' });
  });
  after(() => server.close());

  test('the defaults: headers within 10 s, the whole request within 30 s', async () => {
    const config = loadConfig({});
    assert.equal(config.headersTimeoutMs, 10_000);
    assert.equal(config.requestTimeoutMs, 30_000);
    assert.equal(server.app.server.headersTimeout, HEADERS_TIMEOUT_MS);
    assert.equal(server.app.server.requestTimeout, REQUEST_TIMEOUT_MS);
  });

  test('headers dribbled one byte at a time are cut off at the headers deadline with a 408', async () => {
    const head = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ' + 'a'.repeat(200);
    const { answer, closedAfterMs } = await rawExchange(server.url, [...head], 100);
    assert.match(answer, /^HTTP\/1\.1 408 /);
    assert.equal((JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { error: { code: string } }).error.code, 'request_timeout');
    assert.ok(closedAfterMs < head.length * 100, 'closed long before the client finished sending');
  });

  test('a body dribbled after complete headers is cut off at the request deadline', async () => {
    const body = JSON.stringify({ batch: [{}] }).padEnd(400, ' ');
    const head = `POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://shop.test\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const { answer, closedAfterMs } = await rawExchange(server.url, [head, ...body], 50);
    assert.match(answer, /^HTTP\/1\.1 408 /);
    assert.ok(closedAfterMs < body.length * 50, 'closed long before the client finished sending');
  });

  test('one address holds at most MAX_CONNECTIONS_PER_ADDRESS open connections', async () => {
    const { hostname, port } = new URL(server.url);
    const open = (): Promise<Socket> =>
      new Promise((resolve, reject) => {
        const socket = connect(Number(port), hostname, () => resolve(socket));
        socket.on('error', reject);
      });
    const held = await Promise.all([open(), open(), open()]);
    try {
      const { answer } = await rawExchange(server.url, ['GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n']);
      assert.match(answer, /^HTTP\/1\.1 429 /);
      assert.equal((JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { error: { code: string } }).error.code, 'too_many_connections');
    } finally {
      held.forEach(socket => socket.destroy());
    }
    await new Promise(resolve => setTimeout(resolve, 100));
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200, 'a connection is free again once one closes');
  });
});
