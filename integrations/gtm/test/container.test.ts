// The container export: current with the template, every reference resolved, and a Vitrine event followed
// through its triggers and tags to the GA4 event the GA4 tag would send.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { GA4_EVENTS, GA4_PARAMETERS, buildContainer, containerPath } from '../container.js';
import { type DataLayerEvent, newPage, pushAndFire, readTemplate, sections } from './sandbox.js';

interface Parameter {
  type: string;
  key: string;
  value?: string;
  list?: Array<{ map: Parameter[] }>;
}
interface Container {
  containerVersion: {
    tag: Array<{ name: string; type: string; parameter: Parameter[]; firingTriggerId: string[] }>;
    trigger: Array<{ triggerId: string; name: string; type: string; customEventFilter?: Array<{ parameter: Parameter[] }>; filter?: Array<{ parameter: Parameter[] }> }>;
    variable: Array<{ name: string; type: string; parameter: Parameter[] }>;
    builtInVariable: Array<{ name: string }>;
    customTemplate: Array<{ containerId: string; templateId: string; templateData: string }>;
  };
}

const text = await readFile(containerPath, 'utf8');
const container = (JSON.parse(text) as Container).containerVersion;
const tpl = await readTemplate();
const value = (parameters: Parameter[], key: string) => parameters.find(parameter => parameter.key === key)?.value;

describe('container export', () => {
  test('is current: regenerate it with node --import tsx integrations/gtm/container.ts', async () => {
    assert.equal(text, await buildContainer());
    assert.equal(container.customTemplate[0].templateData, tpl);
  });

  test('every trigger, variable and template parameter a tag names exists', () => {
    const triggers = new Set(container.trigger.map(trigger => trigger.triggerId));
    const variables = new Set([...container.variable.map(variable => variable.name), ...container.builtInVariable.map(variable => variable.name), '_event']);
    const templateType = `cvt_${container.customTemplate[0].containerId}_${container.customTemplate[0].templateId}`;
    type Declared = { name: string; type: string; subParams?: Declared[] };
    const declared = (JSON.parse(sections(tpl).TEMPLATE_PARAMETERS) as Declared[]).flatMap(parameter => [parameter, ...(parameter.subParams ?? [])]);
    for (const tag of container.tag) {
      for (const id of tag.firingTriggerId) assert.ok(triggers.has(id), `${tag.name}: trigger ${id}`);
      if (tag.type.startsWith('cvt_')) {
        assert.equal(tag.type, templateType);
        for (const parameter of tag.parameter) {
          const field = declared.find(candidate => candidate.name === parameter.key);
          assert.ok(field, `${tag.name}: template parameter ${parameter.key}`);
          assert.equal(parameter.type, field.type === 'CHECKBOX' ? 'BOOLEAN' : 'TEMPLATE', `${tag.name}: ${parameter.key}'s type`);
        }
      }
    }
    for (const reference of text.matchAll(/\{\{([^}]+)\}\}/g)) assert.ok(variables.has(reference[1]), `variable ${reference[1]}`);
  });

  test('a Vitrine push goes through the triggers and tags to the GA4 event, with its parameters', () => {
    const trigger = (id: string) => container.trigger.find(candidate => candidate.triggerId === id)!;
    const matches = (id: string, push: DataLayerEvent) => {
      const { customEventFilter = [], filter = [] } = trigger(id);
      return [...customEventFilter, ...filter].every(condition => {
        const subject = value(condition.parameter, 'arg0')!;
        const actual = subject === '{{_event}}' ? push.event : push[value(container.variable.find(variable => `{{${variable.name}}}` === subject)!.parameter, 'name')!];
        return new RegExp(value(condition.parameter, 'arg1')!).test(String(actual ?? ''));
      });
    };
    const [, forward, ga4] = container.tag;
    const data = Object.fromEntries(forward.parameter.map(parameter => [parameter.key, parameter.type === 'BOOLEAN' ? parameter.value === 'true' : parameter.value]));

    const page = newPage();
    const push = { event: 'vitrine.share', vitrine: { messageId: '0f8c2a3e-6a1d-4b8e-9b7e-3c2f1d0a9e11', name: 'share', properties: { network: 'whatsapp', productId: '8012345678901' } } };
    assert.ok(matches(forward.firingTriggerId[0], push));
    const pushed = pushAndFire(tpl, page, push, data);
    const sent = pushed.filter(candidate => matches(ga4.firingTriggerId[0], candidate));
    assert.equal(sent.length, 1);
    const table = ga4.parameter.find(parameter => parameter.key === 'eventSettingsTable')!.list!;
    const resolved = Object.fromEntries(
      table.map(({ map }) => {
        const variable = container.variable.find(candidate => `{{${candidate.name}}}` === value(map, 'parameterValue'))!;
        return [value(map, 'parameter'), sent[0][value(variable.parameter, 'name')!]];
      }),
    );
    assert.equal(value(ga4.parameter, 'eventName'), '{{Event}}');
    assert.deepEqual({ name: sent[0].event, ...resolved }, { name: 'share', method: 'whatsapp', content_type: 'product', item_id: '8012345678901' });
    // A site's own `login` push, without vitrine_event, does not fire the Vitrine GA4 tag.
    assert.equal(matches(ga4.firingTriggerId[0], { event: 'login' }), false);
  });

  test('the GA4 trigger lists exactly the recommended events the mapping produces', () => {
    const produced = new Set<string>();
    const keys = new Set<string>();
    const samples: Array<[string, Record<string, unknown>]> = [
      ['share', { network: 'x', productId: 'p' }],
      ['share_copy_link', {}],
      ['wishlist_add', { productId: 'p' }],
      ['login_success', { provider: 'google' }],
      ['product_click', { productId: 'p', feedId: 'f' }],
      ['feed_view', { feedId: 'f' }],
    ];
    for (const [name, properties] of samples) {
      for (const push of pushAndFire(tpl, newPage(), { event: `vitrine.${name}`, vitrine: { name, properties, messageId: 'm' } })) {
        if (push.event) produced.add(String(push.event));
        Object.keys(push).forEach(key => keys.add(key));
      }
    }
    assert.deepEqual([...produced].sort(), [...GA4_EVENTS].sort());
    const extra = [...keys].filter(key => !['event', 'vitrine_event', 'vitrine_message_id', 'ecommerce', ...GA4_PARAMETERS].includes(key));
    assert.deepEqual(extra, [], 'every parameter the mapping sets is in the GA4 tag');
  });
});
