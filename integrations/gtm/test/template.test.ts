// The GTM template's sandboxed code under test/sandbox.ts: the loader path (injectScript, Vitrine.init,
// Consent Mode) and the mapping of Vitrine's data layer events, built to schemas/events.schema.json, to
// GA4 recommended events.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { type DataLayerEvent, gtmDir, newPage, permissions, pushAndFire, readTemplate, refusedSyntax, runTemplate, sections, urlMatches } from './sandbox.js';

const tpl = await readTemplate();
const schema = JSON.parse(await readFile(join(gtmDir, '../../schemas/events.schema.json'), 'utf8')) as object;
// ajv-formats is CommonJS: its function is the default export's default under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

/** A Vitrine event as the SDK pushes it with `dataLayer: true`, checked against the taxonomy. */
function vitrinePush(name: string, properties: Record<string, unknown>): DataLayerEvent {
  const event = {
    messageId: randomUUID(),
    name,
    properties,
    timestamp: '2026-11-27T09:30:00.000Z',
    context: { page: { url: 'https://maison-lumiere.example/products/robe-solene-lin' }, locale: 'fr', library: { name: 'vitrine', version: '0.1.0' } },
  };
  assert.ok(validate(event), `${name} follows events.schema.json: ${ajv.errorsText(validate.errors)}`);
  return { event: `vitrine.${name}`, vitrine: event };
}

const LOAD = {
  action: 'load',
  scriptUrl: 'https://cdn.maison-lumiere.example/vitrine/vitrine.js',
  api: 'https://api.maison-lumiere.example/',
  endpoint: 'https://api.maison-lumiere.example/v1/events',
  locale: 'fr',
  consentSource: 'consent_mode',
  pushToDataLayer: true,
  utm: true,
};

/** window.Vitrine as the loader defines it, recording calls. */
function vitrineGlobal() {
  const calls: Array<[string, unknown]> = [];
  return {
    calls,
    Vitrine: {
      init: (config: unknown) => void calls.push(['init', config]),
      setConsent: (state: unknown) => void calls.push(['setConsent', state]),
    },
  };
}

describe('template file', () => {
  test('has the sections GTM imports, and code the sandbox accepts', () => {
    const parts = sections(tpl);
    for (const name of ['___INFO___', '___TEMPLATE_PARAMETERS___', '___SANDBOXED_JS_FOR_WEB_TEMPLATE___', '___WEB_PERMISSIONS___']) {
      assert.ok(parts[name.slice(3, -3)], name);
    }
    const info = JSON.parse(parts.INFO) as { type: string; containerContexts: string[] };
    assert.equal(info.type, 'TAG');
    assert.deepEqual(info.containerContexts, ['WEB']);
    assert.deepEqual(refusedSyntax(parts.SANDBOXED_JS_FOR_WEB_TEMPLATE), []);
    assert.deepEqual(Object.keys(permissions(tpl)).sort(), ['access_consent', 'access_globals', 'inject_script', 'logging', 'read_data_layer']);
  });

  test('the stand-in refuses what the sandbox refuses', () => {
    assert.deepEqual(refusedSyntax('const d = new Date(); const s = `${d}`; /x/.test(s);'), ['new', 'template literals', 'regular expression literals']);
    assert.equal(urlMatches('https://*.example.com/vitrine/*', 'https://cdn.example.com/vitrine/vitrine.js'), true);
    assert.equal(urlMatches('https://*.example.com/vitrine/*', 'https://evil.example.org/vitrine/vitrine.js'), false);
    assert.equal(urlMatches('https://*/*', 'http://cdn.example.com/vitrine.js'), false);
  });

  test('a permission the template does not declare fails the run, as in GTM', () => {
    const narrowed = tpl.replace('"string": "https://*/*"', '"string": "https://cdn.other.example/*"');
    assert.throws(() => runTemplate(narrowed, LOAD, newPage()), /permission denied: injectScript https:\/\/cdn\.maison-lumiere\.example/);
  });
});

describe('loading Vitrine', () => {
  test('injects vitrine.js, then starts it with the settings once it loaded', () => {
    const { calls, Vitrine } = vitrineGlobal();
    const page = newPage({ Vitrine });
    const run = runTemplate(tpl, LOAD, page);
    assert.deepEqual(page.injected.map(script => [script.url, script.cacheToken]), [[LOAD.scriptUrl, LOAD.scriptUrl]]);
    assert.deepEqual(calls, [], 'nothing runs before the script loaded');
    assert.equal(run.succeeded, 0);
    page.injected[0].onSuccess();
    assert.deepEqual(calls, [['init', { locale: 'fr', utm: true, dataLayer: true, endpoint: LOAD.endpoint, api: LOAD.api }]]);
    assert.equal(run.succeeded, 1);
  });

  test('Consent Mode: a denied default is no answer; the banner granting, then withdrawing, reaches Vitrine', () => {
    const { calls, Vitrine } = vitrineGlobal();
    const page = newPage({ Vitrine });
    page.consent.analytics_storage = false;
    runTemplate(tpl, LOAD, page);
    page.injected[0].onSuccess();
    assert.deepEqual(calls.map(([method]) => method), ['init']);
    page.updateConsent('analytics_storage', true);
    page.updateConsent('analytics_storage', false);
    assert.deepEqual(calls.slice(1), [
      ['setConsent', 'granted'],
      ['setConsent', 'denied'],
    ]);
  });

  test('Consent Mode: already granted, or granted while the script loads, is passed on once it runs', () => {
    for (const grantedEarly of [true, false]) {
      const { calls, Vitrine } = vitrineGlobal();
      const page = newPage({ Vitrine });
      page.consent.analytics_storage = grantedEarly;
      runTemplate(tpl, LOAD, page);
      if (!grantedEarly) page.updateConsent('analytics_storage', true);
      assert.deepEqual(calls, []);
      page.injected[0].onSuccess();
      assert.deepEqual(calls[1], ['setConsent', 'granted']);
    }
  });

  test('"My banner calls Vitrine.setConsent()" leaves consent to the page; "granted" grants it', () => {
    const mine = vitrineGlobal();
    const page = newPage({ Vitrine: mine.Vitrine });
    page.consent.analytics_storage = true;
    runTemplate(tpl, { ...LOAD, consentSource: 'required' }, page);
    page.injected[0].onSuccess();
    assert.deepEqual(mine.calls.map(([method]) => method), ['init']);
    assert.equal(page.consentListeners.length, 0);

    const granted = vitrineGlobal();
    const other = newPage({ Vitrine: granted.Vitrine });
    runTemplate(tpl, { ...LOAD, consentSource: 'granted', endpoint: '', api: '', pushToDataLayer: false }, other);
    other.injected[0].onSuccess();
    assert.deepEqual(granted.calls, [
      ['init', { locale: 'fr', utm: true, dataLayer: false }],
      ['setConsent', 'granted'],
    ]);
  });

  test('a script that fails to load fails the tag with a debug message', () => {
    const page = newPage();
    const run = runTemplate(tpl, LOAD, page);
    page.injected[0].onFailure();
    assert.equal(run.failed, 1);
    assert.deepEqual(page.logs, [[`Vitrine: could not load ${LOAD.scriptUrl}`]]);
  });
});

describe('Vitrine events to GA4 recommended events', () => {
  const messageId = (push: DataLayerEvent) => (push.vitrine as { messageId: string }).messageId;

  test('share: method is the network, the product is the item', () => {
    const page = newPage();
    const push = vitrinePush('share', { network: 'pinterest', productId: '8012345678901', url: 'https://maison-lumiere.example/products/robe-solene-lin', placement: 'product', shareId: 'sh_1' });
    assert.deepEqual(pushAndFire(tpl, page, push), [
      { event: 'share', vitrine_event: 'share', vitrine_message_id: messageId(push), method: 'pinterest', content_type: 'product', item_id: '8012345678901' },
    ]);
  });

  test('share_copy_link: a share by copy_link; a page without product shares its URL', () => {
    const page = newPage();
    const push = vitrinePush('share_copy_link', { url: 'https://maison-lumiere.example/pages/lookbook' });
    assert.deepEqual(pushAndFire(tpl, page, push), [
      { event: 'share', vitrine_event: 'share_copy_link', vitrine_message_id: messageId(push), method: 'copy_link', content_type: 'page', item_id: 'https://maison-lumiere.example/pages/lookbook' },
    ]);
  });

  test('wishlist_add: add_to_wishlist with the item, after clearing the previous ecommerce object', () => {
    const page = newPage();
    const push = vitrinePush('wishlist_add', { productId: '8012345678901', variant: 'M / Terracotta', wishlistId: 'wl_1', placement: 'product' });
    assert.deepEqual(pushAndFire(tpl, page, push), [
      { ecommerce: null },
      {
        event: 'add_to_wishlist',
        vitrine_event: 'wishlist_add',
        vitrine_message_id: messageId(push),
        ecommerce: { items: [{ item_id: '8012345678901', item_variant: 'M / Terracotta', item_list_name: 'product' }] },
      },
    ]);
  });

  test('wishlist_add with a price: add_to_wishlist with value and currency, and the price on the item', () => {
    const page = newPage();
    const push = vitrinePush('wishlist_add', { productId: '8012345678901', variant: 'L / Sable', placement: 'product', price: 139, currency: 'EUR' });
    assert.deepEqual(pushAndFire(tpl, page, push), [
      { ecommerce: null },
      {
        event: 'add_to_wishlist',
        vitrine_event: 'wishlist_add',
        vitrine_message_id: messageId(push),
        ecommerce: { currency: 'EUR', value: 139, items: [{ item_id: '8012345678901', item_variant: 'L / Sable', item_list_name: 'product', price: 139 }] },
      },
    ]);
  });

  test('login_success: login with the provider as method', () => {
    const page = newPage();
    const push = vitrinePush('login_success', { provider: 'google', mode: 'popup', newCustomer: false });
    assert.deepEqual(pushAndFire(tpl, page, push), [{ event: 'login', vitrine_event: 'login_success', vitrine_message_id: messageId(push), method: 'google' }]);
  });

  test('product_click from the feed: select_item in the feed list', () => {
    const page = newPage();
    const push = vitrinePush('product_click', { productId: '8012345678901', feedId: 'maison-lumiere', postId: 'p1', url: 'https://maison-lumiere.example/products/robe-solene-lin' });
    const list = { item_list_id: 'vitrine_feed_maison-lumiere', item_list_name: 'Instagram feed maison-lumiere' };
    assert.deepEqual(pushAndFire(tpl, page, push)[1], {
      event: 'select_item',
      vitrine_event: 'product_click',
      vitrine_message_id: messageId(push),
      ecommerce: { ...list, items: [{ item_id: '8012345678901', ...list }] },
    });
  });

  test('product_click from the wishlist: select_item in a list named by the placement', () => {
    const page = newPage();
    const push = vitrinePush('product_click', { productId: '8012345678902', placement: 'wishlist' });
    assert.deepEqual((pushAndFire(tpl, page, push)[1] as { ecommerce: unknown }).ecommerce, {
      item_list_id: 'vitrine_wishlist',
      item_list_name: 'wishlist',
      items: [{ item_id: '8012345678902', item_list_id: 'vitrine_wishlist', item_list_name: 'wishlist' }],
    });
  });

  test('feed_view: view_item_list of the feed', () => {
    const page = newPage();
    const push = vitrinePush('feed_view', { feedId: 'maison-lumiere', layout: 'grid', postCount: 6 });
    assert.deepEqual((pushAndFire(tpl, page, push)[1] as { ecommerce: unknown }).ecommerce, {
      item_list_id: 'vitrine_feed_maison-lumiere',
      item_list_name: 'Instagram feed maison-lumiere',
      items: [],
    });
  });

  test('an earlier event\'s properties never leak into the next one (data layer version 1)', () => {
    const page = newPage();
    pushAndFire(tpl, page, vitrinePush('share', { network: 'x', productId: '8012345678901' }));
    const second = pushAndFire(tpl, page, vitrinePush('share', { network: 'email', url: 'https://maison-lumiere.example/' }));
    assert.equal(second[0].item_id, 'https://maison-lumiere.example/');
    assert.equal(second[0].content_type, 'page');
  });

  test('events without a GA4 recommended equivalent push nothing, or vitrine_<name> when asked', () => {
    const page = newPage();
    const vote = vitrinePush('wishlist_vote', { productId: '8012345678901', vote: 1, hasComment: true });
    assert.deepEqual(pushAndFire(tpl, page, vote), []);
    assert.deepEqual(pushAndFire(tpl, page, vote, { customEvents: true }), [{ event: 'vitrine_wishlist_vote', vitrine_event: 'wishlist_vote', vitrine_message_id: messageId(vote) }]);
  });

  test('fired on a push without a vitrine object: nothing pushed, a debug hint, the tag still succeeds', () => {
    const page = newPage();
    page.window.dataLayer = [{ event: 'gtm.js' }];
    page.currentPush = { event: 'gtm.js' };
    const run = runTemplate(tpl, { action: 'ga4' }, page);
    assert.equal(run.succeeded, 1);
    assert.equal((page.window.dataLayer as unknown[]).length, 1);
    assert.match(String(page.logs[0]), /fire it on the custom events vitrine\.\*/);
  });
});
