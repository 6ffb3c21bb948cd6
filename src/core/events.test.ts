import { expect } from '@open-wc/testing';
import { EVENT_PROPERTIES } from './events.generated.js';
import { track } from './track.js';

interface Schema {
  properties: { name: { enum: string[] } };
  definitions: { events: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
}

describe('event taxonomy', () => {
  it("the client's per-event checks are the schema's: each event's names, its required ones marked", async () => {
    const schema = (await (await fetch(new URL('../../schemas/events.schema.json', import.meta.url))).json()) as Schema;
    expect(Object.keys(EVENT_PROPERTIES)).to.deep.equal(schema.properties.name.enum);
    for (const [name, event] of Object.entries(schema.definitions.events)) {
      const expected = Object.keys(event.properties).map(key => (event.required?.includes(key) ? `!${key}` : key));
      expect(EVENT_PROPERTIES[name as keyof typeof EVENT_PROPERTIES].split(' '), name).to.deep.equal(expected);
    }
  });

  it('track() is typed per event: wrong, unknown or missing properties do not compile', () => {
    // Never called: `tsc` (npm run typecheck) checks these lines; an unused @ts-expect-error fails it.
    const compileOnly = () => {
      track('wishlist_add', { productId: 'robe', variant: 'M', placement: 'card' });
      track('web_vitals', { metric: 'LCP', value: 1200 });
      // @ts-expect-error the taxonomy names it productId
      track('wishlist_add', { product_id: 'robe' });
      // @ts-expect-error productId is required
      track('wishlist_add', { variant: 'M' });
      // @ts-expect-error login_error's code is errorCode
      track('login_error', { provider: 'google', code: 'popup_closed' });
      // @ts-expect-error wishlist_vote's vote is vote, not value
      track('wishlist_vote', { productId: 'robe', value: 1 });
      // @ts-expect-error metric is one of LCP, INP, CLS
      track('web_vitals', { metric: 'FID', value: 1 });
      // @ts-expect-error not an event of the taxonomy
      track('page_view', {});
    };
    expect(compileOnly).to.be.a('function');
  });
});
