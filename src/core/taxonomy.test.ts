import { expect } from '@open-wc/testing';
import { EVENT_NAMES, EVENT_PROPERTIES } from './taxonomy.js';

interface Schema {
  properties: { name: { enum: string[] } };
  definitions: { events: Record<string, { properties: Record<string, unknown> }> };
}

describe('event taxonomy', () => {
  it("the client's copy names the same events and properties as events.schema.json", async () => {
    const schema = (await (await fetch(new URL('./events.schema.json', import.meta.url))).json()) as Schema;
    expect([...EVENT_NAMES]).to.deep.equal(schema.properties.name.enum);
    expect(Object.keys(schema.definitions.events)).to.deep.equal(schema.properties.name.enum);
    const properties = new Set(Object.values(schema.definitions.events).flatMap(event => Object.keys(event.properties)));
    expect([...EVENT_PROPERTIES].sort()).to.deep.equal([...properties].sort());
  });
});
