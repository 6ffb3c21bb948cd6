import { expect } from '@open-wc/testing';
import { recordShareVisit } from './share-attribution.js';
import { SHARE_ID_PARAM } from './share-registry.js';
import { attributedUrl, newShareId } from './share-link.js';
import type { AnalyticsEvent } from '../../core/track.js';
import { addSink } from '../../core/track.js';

describe('share attribution', () => {
  let events: AnalyticsEvent[];
  let removeSink: () => void;
  const start = location.href;
  beforeEach(() => {
    events = [];
    removeSink = addSink(event => events.push(event));
  });
  afterEach(() => {
    removeSink();
    history.replaceState(null, '', start);
  });

  it('makes short, distinct share ids', () => {
    const ids = new Set(Array.from({ length: 200 }, newShareId));
    expect(ids.size).to.equal(200);
    for (const id of ids) expect(id).to.match(/^[0-9a-z]{10}$/);
  });

  it('tags a shared link with UTM parameters and the share id, replacing stale ones', () => {
    expect(attributedUrl('https://shop.example/p?utm_source=old&size=M#top', 'whatsapp', 'abcdEFGH12')).to.equal(
      'https://shop.example/p?utm_source=whatsapp&size=M&utm_medium=social&utm_campaign=vitrine_share&vt_sid=abcdEFGH12#top',
    );
  });

  it('reports a visit through a shared link once and takes the share id out of the address bar', () => {
    history.replaceState({ kept: true }, '', `?colour=red&utm_source=pinterest&${SHARE_ID_PARAM}=abcdEFGH12#details`);
    recordShareVisit();
    expect(location.search).to.equal('?colour=red&utm_source=pinterest');
    expect(location.hash).to.equal('#details');
    expect(history.state).to.deep.equal({ kept: true });
    expect(events.map(event => [event.name, event.properties.shareId, event.properties.network])).to.deep.equal([
      ['share_visit', 'abcdEFGH12', 'pinterest'],
    ]);
    recordShareVisit();
    expect(events).to.have.length(1);
  });

  it('ignores a malformed share id but still cleans the address', () => {
    history.replaceState(null, '', `?${SHARE_ID_PARAM}=%3Cscript%3E`);
    recordShareVisit();
    expect(location.search).to.equal('');
    expect(events).to.deep.equal([]);
  });
});
