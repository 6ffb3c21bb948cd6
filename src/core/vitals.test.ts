import { expect, waitUntil } from '@open-wc/testing';
import type { AnalyticsEvent } from './track.js';
import { addSink } from './track.js';
import { reportWebVitals } from './vitals.js';

describe('web vitals', () => {
  it('reports the page metrics as web_vitals events when the page is hidden', async () => {
    const events: AnalyticsEvent[] = [];
    const removeSink = addSink(event => events.push(event));
    document.body.append(Object.assign(document.createElement('p'), { textContent: 'Largest contentful paint' }));
    reportWebVitals();
    await new Promise(resolve => setTimeout(resolve, 200));
    // What a shopper switching tabs does: web-vitals reports the final CLS (and LCP) then.
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
    await waitUntil(() => events.some(event => event.properties.metric === 'CLS'), 'CLS reported');
    delete (document as { visibilityState?: string }).visibilityState;
    removeSink();
    const cls = events.find(event => event.properties.metric === 'CLS')!;
    expect(cls.name).to.equal('web_vitals');
    expect(Object.keys(cls.properties).sort()).to.deep.equal(['metric', 'navigationType', 'rating', 'value']);
    expect(cls.properties.value).to.be.a('number');
  });
});
