import { expect } from '@open-wc/testing';
import { testApi } from '../test-support/console.js';
import { HttpError, apiUrl, request } from './http.js';

describe('request', () => {
  it('returns parsed JSON from a real server', async () => {
    const body = await request<{ status: string }>(apiUrl(testApi(), '/healthz'));
    expect(body.status).to.equal('ok');
  });

  it("rejects with the server's error code and message", async () => {
    const error = (await request(apiUrl(testApi(), 'v1/missing')).catch(e => e)) as HttpError;
    expect(error).to.be.instanceOf(HttpError);
    expect(error.status).to.equal(404);
    expect(error.code).to.equal('not_found');
    expect(error.retryable).to.equal(false);
  });

  it('turns a refused connection into a retryable network error', async () => {
    const error = (await request('http://127.0.0.1:9/nothing', { timeout: 2000 }).catch(e => e)) as HttpError;
    expect(error).to.be.instanceOf(HttpError);
    expect(error.status).to.equal(0);
    expect(['network', 'timeout']).to.include(error.code);
    expect(error.retryable).to.equal(true);
  });

  it('classifies retryable statuses', () => {
    expect(new HttpError(503, 'x', '').retryable).to.equal(true);
    expect(new HttpError(429, 'x', '').retryable).to.equal(true);
    expect(new HttpError(408, 'x', '').retryable).to.equal(true);
    expect(new HttpError(400, 'x', '').retryable).to.equal(false);
    expect(new HttpError(0, 'aborted', '').retryable).to.equal(false);
  });
});
