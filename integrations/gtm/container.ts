// Builds vitrine-container.json, the container export merchants import (Admin → Import container → Merge):
// the Vitrine template, a tag that loads Vitrine on Initialization, a tag that turns each vitrine.* event
// into a GA4 recommended event, and the GA4 event tag that sends those with their parameters.
//
//   node --import tsx integrations/gtm/container.ts   (rewrites vitrine-container.json; a test keeps it current)
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const containerPath = join(here, 'vitrine-container.json');

/** The GA4 recommended events the template's mapping produces, and the parameters it sets beside ecommerce. */
export const GA4_EVENTS = ['share', 'add_to_wishlist', 'login', 'select_item', 'view_item_list'];
export const GA4_PARAMETERS = ['method', 'content_type', 'item_id'];

const ids = { account: '0', container: '0', template: '1' };
const base = { accountId: ids.account, containerId: ids.container };
const text = (key: string, value: string) => ({ type: 'TEMPLATE', key, value });
const bool = (key: string, value: boolean) => ({ type: 'BOOLEAN', key, value: String(value) });
/** A data layer variable of version 1: the value of the current push only, never a merged leftover. */
const dataLayerVariable = (variableId: string, name: string, key: string) => ({
  ...base,
  variableId,
  name,
  type: 'v',
  parameter: [{ type: 'INTEGER', key: 'dataLayerVersion', value: '1' }, bool('setDefaultValue', false), text('name', key)],
});
const customEvent = (triggerId: string, name: string, pattern: string, filter?: { variable: string; pattern: string }) => ({
  ...base,
  triggerId,
  name,
  type: 'CUSTOM_EVENT',
  customEventFilter: [{ type: 'MATCH_REGEX', parameter: [text('arg0', '{{_event}}'), text('arg1', pattern)] }],
  ...(filter ? { filter: [{ type: 'MATCH_REGEX', parameter: [text('arg0', `{{${filter.variable}}}`), text('arg1', filter.pattern)] }] } : {}),
});

export async function buildContainer(): Promise<string> {
  const templateData = await readFile(join(here, 'template.tpl'), 'utf8');
  const vitrineTag = `cvt_${ids.container}_${ids.template}`;
  const container = {
    exportFormatVersion: 2,
    exportTime: '2026-12-01 00:00:00',
    containerVersion: {
      path: `accounts/${ids.account}/containers/${ids.container}/versions/0`,
      ...base,
      containerVersionId: '0',
      container: { ...base, name: 'Vitrine', publicId: 'GTM-VITRINE', usageContext: ['WEB'] },
      tag: [
        {
          ...base,
          tagId: '1',
          name: 'Vitrine – load',
          type: vitrineTag,
          parameter: [
            text('action', 'load'),
            text('scriptUrl', 'https://cdn.your-shop.example/vitrine/vitrine.js'),
            text('api', 'https://api.your-shop.example/'),
            text('endpoint', 'https://api.your-shop.example/v1/events'),
            text('locale', 'fr'),
            text('consentSource', 'consent_mode'),
            bool('pushToDataLayer', true),
            bool('utm', true),
          ],
          firingTriggerId: ['101'],
          tagFiringOption: 'ONCE_PER_LOAD',
          // Vitrine waits for analytics consent itself; its widgets (wishlist, share) work without it.
          consentSettings: { consentStatus: 'NOT_NEEDED' },
        },
        {
          ...base,
          tagId: '2',
          name: 'Vitrine – GA4 recommended event',
          type: vitrineTag,
          parameter: [text('action', 'ga4'), bool('customEvents', false)],
          firingTriggerId: ['102'],
          tagFiringOption: 'ONCE_PER_EVENT',
          consentSettings: { consentStatus: 'NOT_NEEDED' },
        },
        {
          ...base,
          tagId: '3',
          name: 'GA4 – Vitrine events',
          type: 'gaawe',
          parameter: [
            text('eventName', '{{Event}}'),
            text('measurementIdOverride', '{{Vitrine – GA4 measurement ID}}'),
            bool('sendEcommerceData', true),
            text('getEcommerceDataFrom', 'dataLayer'),
            {
              type: 'LIST',
              key: 'eventSettingsTable',
              list: GA4_PARAMETERS.map(parameter => ({
                type: 'MAP',
                map: [text('parameter', parameter), text('parameterValue', `{{Vitrine – GA4 ${parameter}}}`)],
              })),
            },
          ],
          firingTriggerId: ['103'],
          tagFiringOption: 'ONCE_PER_EVENT',
          consentSettings: { consentStatus: 'NOT_SET' },
        },
      ],
      trigger: [
        { ...base, triggerId: '101', name: 'Vitrine – Initialization', type: 'INIT' },
        customEvent('102', 'Vitrine – vitrine.* events', '^vitrine\\.'),
        customEvent('103', 'Vitrine – GA4 recommended events', `^(${GA4_EVENTS.join('|')})$`, { variable: 'Vitrine – source event', pattern: '.+' }),
      ],
      variable: [
        { ...base, variableId: '201', name: 'Vitrine – GA4 measurement ID', type: 'c', parameter: [text('value', 'G-XXXXXXXXXX')] },
        dataLayerVariable('202', 'Vitrine – source event', 'vitrine_event'),
        ...GA4_PARAMETERS.map((parameter, index) => dataLayerVariable(String(203 + index), `Vitrine – GA4 ${parameter}`, parameter)),
      ],
      builtInVariable: [{ ...base, type: 'EVENT', name: 'Event' }],
      customTemplate: [{ ...base, templateId: ids.template, name: 'Vitrine', templateData }],
    },
  };
  return `${JSON.stringify(container, null, 2)}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await writeFile(containerPath, await buildContainer());
  console.log(`wrote ${containerPath}`);
}
