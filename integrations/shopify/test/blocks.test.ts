// The extension's Liquid rendered by a real Liquid engine on fixture products, and its schemas checked the
// way Shopify's theme editor reads them: settings, options, ranges, and labels in French and English.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { type ShopifyProductsJson, toCatalog } from '../catalog.js';
import { blockFiles, extensionDir, productDrop, readJson, shopifyLiquid } from './shopify-liquid.js';

const SHOP = 'https://maison-lumiere.example';
const ASSETS = '//cdn.shopify.com/extensions/0193a6f2-demo/1.0.0/assets';
const fixture = await readJson<ShopifyProductsJson>(join(extensionDir, 'test/fixtures/products.json'));
const dress = productDrop(fixture.products[0]);
const scarf = productDrop(fixture.products[1]);
const shop = await shopifyLiquid({ assetBase: ASSETS, shopUrl: SHOP });

/** The attributes of the first `<tag …>` in the HTML, decoded as a browser would. */
function attributes(html: string, tag: string): Record<string, string> {
  const open = new RegExp(`<${tag}\\b([^>]*)>`).exec(html);
  assert.ok(open, `<${tag}> in:\n${html}`);
  const decode = (value: string) =>
    value.replace(/&(#\d+|quot|amp|lt|gt|#39);/g, (_, entity: string) =>
      entity[0] === '#' ? String.fromCharCode(Number(entity.slice(1))) : ({ quot: '"', amp: '&', lt: '<', gt: '>' } as Record<string, string>)[entity],
    );
  return Object.fromEntries([...open[1].matchAll(/([a-z-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name, decode(value ?? '')]));
}

type Tree = Record<string, unknown>;
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) => (typeof value === 'object' && value ? keys(value as Tree, `${prefix}${key}.`) : [`${prefix}${key}`]));
const translate = (tree: Tree, text: string) => (text.startsWith('t:') ? text.slice(2).split('.').reduce<unknown>((node, part) => (node as Tree | undefined)?.[part], tree) : text);

describe('schemas and locales', async () => {
  const locales = {
    en: await readJson<Tree>(join(extensionDir, 'locales/en.default.schema.json')),
    fr: await readJson<Tree>(join(extensionDir, 'locales/fr.schema.json')),
  };
  const files = await blockFiles();

  test('the extension is a theme extension with an app embed and five app blocks', async () => {
    assert.match(await readFile(join(extensionDir, 'shopify.extension.toml'), 'utf8'), /^type = "theme"$/m);
    const targets = Object.fromEntries(await Promise.all(files.map(async file => [file, (await shop.readBlock(file)).schema.target])));
    assert.deepEqual(targets, {
      'instagram-feed.liquid': 'section',
      'login.liquid': 'section',
      'share-buttons.liquid': 'section',
      'vitrine.liquid': 'head',
      'wishlist-button.liquid': 'section',
      'wishlist.liquid': 'section',
    });
  });

  test('French and English schema locales hold the same keys, and the storefront locales too', async () => {
    assert.deepEqual(keys(locales.fr).sort(), keys(locales.en).sort());
    const storefront = {
      en: await readJson<Tree>(join(extensionDir, 'locales/en.default.json')),
      fr: await readJson<Tree>(join(extensionDir, 'locales/fr.json')),
    };
    assert.deepEqual(keys(storefront.fr).sort(), keys(storefront.en).sort());
  });

  for (const file of files) {
    test(`${file}: every label is translated, names fit the editor, options and ranges are valid`, async () => {
      const { schema } = await shop.readBlock(file);
      const texts: string[] = [schema.name];
      const ids = new Set<string>();
      for (const setting of schema.settings) {
        texts.push(...[setting.label, setting.info, setting.content, ...(setting.options ?? []).map(option => option.label)].filter((text): text is string => !!text));
        if (setting.type === 'header') continue;
        assert.ok(setting.id && !ids.has(setting.id), `${file}: setting ids are unique (${setting.id})`);
        ids.add(setting.id);
        if (setting.type === 'select') {
          assert.ok(setting.options?.some(option => option.value === setting.default), `${file} ${setting.id}: default is an option`);
        }
        if (setting.type === 'range') {
          const { min = 0, max = 0, step = 1, default: value } = setting as { min: number; max: number; step: number; default: number };
          assert.ok((max - min) / step + 1 <= 101, `${file} ${setting.id}: at most 101 steps`);
          assert.ok(value >= min && value <= max && Number.isInteger((value - min) / step), `${file} ${setting.id}: default on a step`);
        }
      }
      for (const [locale, tree] of Object.entries(locales)) {
        for (const text of texts) {
          const shown = translate(tree, text);
          assert.equal(typeof shown, 'string', `${file}: ${text} has a ${locale} translation`);
        }
        assert.ok((translate(tree, schema.name) as string).length <= 25, `${file}: the ${locale} name fits in 25 characters`);
      }
    });
  }
});

describe('the app embed', () => {
  test('renders the loader from the extension assets with the merchant settings as data-* attributes', async () => {
    const html = await shop.renderBlock('vitrine.liquid', {
      api: ' https://api.maison-lumiere.example/ ',
      fallback_locale: 'en',
      consent: 'tcf',
      vitals_percent: 25,
      data_layer: true,
      utm: false,
    });
    assert.deepEqual(attributes(html, 'script'), {
      src: `${ASSETS}/vitrine.js`,
      'data-endpoint': 'https://api.maison-lumiere.example/v1/events',
      'data-api': 'https://api.maison-lumiere.example/',
      'data-locale': 'en',
      'data-consent': 'tcf',
      'data-vitals-sample-rate': '0.25',
      'data-utm': 'false',
      'data-data-layer': 'true',
      async: '',
    });
    assert.match(html, /<link rel="preconnect" href="https:\/\/api\.maison-lumiere\.example\/" crossorigin>/);
  });

  test('defaults: French, Shopify cookie banner (the loader waits for consent, the bridge reads the banner), 10% vitals', async () => {
    const html = await shop.renderBlock('vitrine.liquid', { api: 'https://api.example', endpoint: 'https://collect.example/e' });
    const loader = attributes(html, 'script');
    assert.equal(loader['data-endpoint'], 'https://collect.example/e');
    assert.equal(loader['data-locale'], 'fr');
    assert.equal(loader['data-consent'], 'required');
    assert.equal(loader['data-vitals-sample-rate'], '0.1');
    assert.equal(loader['data-data-layer'], 'false');
    const bridge = attributes(html.slice(html.indexOf('</script>')), 'script');
    assert.deepEqual(bridge, { src: `${ASSETS}/vitrine-shopify.js`, 'data-consent-source': 'shopify', defer: '' });
  });

  test('without an API address: no endpoint, no preconnect; the loader then warns on the page', async () => {
    const html = await shop.renderBlock('vitrine.liquid');
    assert.equal(attributes(html, 'script')['data-endpoint'], undefined);
    assert.doesNotMatch(html, /preconnect/);
  });

  test('an address with a quote cannot break out of its attribute', async () => {
    const html = await shop.renderBlock('vitrine.liquid', { api: 'https://api.example/"><script>alert(1)</script>' });
    assert.equal((html.match(/<script/g) ?? []).length, 2);
  });
});

describe('app blocks on fixture products', () => {
  const picture = (file: string) => `//cdn.shopify.com/s/files/1/0000/0001/files/${file}?v=1732000000&width=800`;

  test('wishlist button: the Shopify product id, the selected variant by name with its price and picture, and the variant map for the picker', async () => {
    const html = await shop.renderBlock('wishlist-button.liquid', {}, { product: dress });
    const button = attributes(html, 'vitrine-wishlist-button');
    assert.equal(button.product, '8012345678901');
    assert.equal(button['product-title'], 'Robe Solène en lin');
    assert.equal(button.variant, 'S / Terracotta');
    assert.equal(Number(button.price), 129);
    assert.equal(button.currency, 'EUR');
    assert.equal(button.image, picture('robe-solene.jpg'));
    const variants = JSON.parse(button['data-vitrine-variants']) as Record<string, { variant: string; price: string; image: string }>;
    assert.deepEqual(
      Object.entries(variants).map(([id, { variant, price, image }]) => [id, variant, Number(price), image]),
      [
        ['45012345678901', 'S / Terracotta', 129, picture('robe-solene.jpg')],
        ['45012345678902', 'M / Terracotta', 129, picture('robe-solene.jpg')],
        // The variant's own picture, assigned in the admin.
        ['45012345678903', 'L / Sable', 139, picture('robe-solene-sable.jpg')],
      ],
    );
  });

  test('wishlist button: by variant id when the merchant chooses it; the selected variant, its price and picture come from the URL', async () => {
    const selected = productDrop(fixture.products[0], 45012345678903);
    const button = attributes(await shop.renderBlock('wishlist-button.liquid', { variant_value: 'id' }, { product: selected }), 'vitrine-wishlist-button');
    assert.equal(button.variant, '45012345678903');
    assert.equal(Number(button.price), 139);
    assert.equal(button.image, picture('robe-solene-sable.jpg'));
    assert.equal(JSON.parse(button['data-vitrine-variants'])['45012345678902'].variant, '45012345678902');
  });

  test('wishlist button: a product with only the default variant saves no variant; a title with quotes and markup stays an attribute', async () => {
    const button = attributes(await shop.renderBlock('wishlist-button.liquid', {}, { product: scarf }), 'vitrine-wishlist-button');
    assert.deepEqual({ ...button, price: Number(button.price) }, {
      product: '8012345678902',
      'product-title': 'Foulard "Riviera" <soie>',
      price: 59,
      currency: 'EUR',
      image: picture('foulard-riviera.jpg'),
    });
  });

  test("wishlist button: the price is in the shopper's currency", async () => {
    const dollars = await shopifyLiquid({ assetBase: ASSETS, shopUrl: SHOP, currency: 'USD' });
    assert.equal(attributes(await dollars.renderBlock('wishlist-button.liquid', {}, { product: dress }), 'vitrine-wishlist-button').currency, 'USD');
  });

  test('wishlist button: outside a product page, nothing for shoppers and a hint in the theme editor, in its language', async () => {
    assert.equal((await shop.renderBlock('wishlist-button.liquid')).trim(), '');
    assert.match(await shop.renderBlock('wishlist-button.liquid', {}, { designMode: true, locale: 'fr' }), /Vitrine : choisissez un produit/);
    assert.match(await shop.renderBlock('wishlist-button.liquid', {}, { designMode: true, locale: 'en' }), /Vitrine: choose a product/);
  });

  test('share buttons: name, price in the shop currency format, https image and product URL from Liquid', async () => {
    const share = attributes(await shop.renderBlock('share-buttons.liquid', { layout: 'menu', hashtags: 'lin, ete', via: '@maisonlumiere' }, { product: dress }), 'vitrine-share');
    assert.deepEqual(share, {
      layout: 'menu',
      size: 'md',
      hashtags: 'lin, ete',
      via: 'maisonlumiere',
      placement: 'product',
      url: `${SHOP}/products/robe-solene-lin`,
      title: 'Robe Solène en lin',
      text: 'Robe Solène en lin – 129,00 €',
      image: 'https://cdn.shopify.com/s/files/1/0000/0001/files/robe-solene.jpg?v=1732000000&width=1200',
    });
  });

  test('share buttons: a title with quotes and angle brackets stays text', async () => {
    const html = await shop.renderBlock('share-buttons.liquid', {}, { product: scarf });
    assert.equal(attributes(html, 'vitrine-share').title, 'Foulard "Riviera" <soie>');
    assert.doesNotMatch(html, /<soie>/);
  });

  test('share buttons: without a product, the element reads the page (canonical URL, JSON-LD)', async () => {
    assert.deepEqual(attributes(await shop.renderBlock('share-buttons.liquid', { placement: 'footer', no_native: true }), 'vitrine-share'), {
      layout: 'icons',
      size: 'md',
      placement: 'footer',
      'no-native': '',
    });
  });

  test('feed: a grid by default, the look of the product shown when chosen, nothing without a feed id', async () => {
    assert.deepEqual(attributes(await shop.renderBlock('instagram-feed.liquid', { feed: 'maison-lumiere' }, { product: dress }), 'vitrine-feed'), {
      feed: 'maison-lumiere',
      layout: 'grid',
      columns: '3',
      limit: '6',
    });
    const look = attributes(await shop.renderBlock('instagram-feed.liquid', { feed: 'maison-lumiere', layout: 'look', columns: 2, limit: 4 }, { product: dress }), 'vitrine-feed');
    assert.equal(look.product, '8012345678901');
    assert.equal(look.layout, 'look');
    assert.equal((await shop.renderBlock('instagram-feed.liquid', {}, { product: dress })).trim(), '');
  });

  test('wishlist page: the list with share buttons in its share slot', async () => {
    const html = await shop.renderBlock('wishlist.liquid', { sort: 'votes', heading: 'Ma liste' });
    assert.deepEqual(attributes(html, 'vitrine-wishlist'), { sort: 'votes' });
    assert.deepEqual(attributes(html, 'vitrine-share'), { slot: 'share', layout: 'menu', placement: 'wishlist' });
    assert.match(html, /<h2 class="vitrine-wishlist-heading">Ma liste<\/h2>/);
  });

  test('login: providers without spaces, size, theme, mode, compact', async () => {
    const login = attributes(await shop.renderBlock('login.liquid', { providers: ' google, apple ', theme: 'dark', compact: true }), 'vitrine-login');
    assert.deepEqual(login, { providers: 'google,apple', size: 'md', theme: 'dark', mode: 'auto', compact: '' });
  });

  test('an unknown setting is a test error, not a silent default', async () => {
    await assert.rejects(shop.renderBlock('login.liquid', { provider: 'google' }), /has no setting "provider"/);
  });
});

describe('catalog from /products.json', () => {
  test('Shopify product ids, the lowest price, plain-text descriptions, availability from the variants', () => {
    const { products, skipped } = toCatalog(
      { products: [...fixture.products, { id: 1, title: 'Sans image', handle: 'sans-image', variants: [{ id: 2, title: 'Default Title', price: '10.00' }], images: [] }] },
      { shopUrl: `${SHOP}/collections/all`, currency: 'EUR' },
    );
    assert.deepEqual(skipped, [{ id: 1, reason: 'no image' }]);
    assert.deepEqual(products[0], {
      id: '8012345678901',
      title: 'Robe Solène en lin',
      description: 'Robe mi-longue en lin lavé, bretelles fines & taille nouée.',
      price: 129,
      currency: 'EUR',
      availability: 'in_stock',
      link: `${SHOP}/products/robe-solene-lin`,
      image: 'https://cdn.shopify.com/s/files/1/0000/0001/files/robe-solene.jpg?v=1732000000',
    });
    assert.throws(() => toCatalog(fixture, { shopUrl: SHOP, currency: 'euros' }), /ISO 4217/);
  });
});
