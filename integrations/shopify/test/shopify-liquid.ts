// Renders the extension's Liquid as Shopify's storefront does, with liquidjs and the few Shopify objects,
// filters and tags the blocks use. Filters follow shopify.dev's documented output: asset_url and image_url
// answer protocol-relative CDN addresses, money uses the shop's money format, t reads the extension's
// storefront locales. An unknown filter or a missing translation fails the render instead of printing nothing.
import { readFile, readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Liquid, Tag, type TagToken, type TopLevelToken, type Template } from 'liquidjs';
import type { ShopifyProductsJson } from '../catalog.js';

export const extensionDir = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface BlockSetting {
  type: string;
  id?: string;
  label?: string;
  info?: string;
  content?: string;
  default?: unknown;
  options?: Array<{ value: string; label: string }>;
  min?: number;
  max?: number;
  step?: number;
  unit?: string;
  placeholder?: string;
  autofill?: boolean;
}
export interface BlockSchema {
  name: string;
  target: string;
  settings: BlockSetting[];
  enabled_on?: unknown;
  javascript?: string;
  stylesheet?: string;
}
export interface Block {
  file: string;
  schema: BlockSchema;
  templates: Template[];
}

/** `{% schema %}…{% endschema %}`: kept as JSON for the theme editor, renders nothing. */
class SchemaTag extends Tag {
  readonly json: string;
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    const parts: string[] = [];
    for (;;) {
      const next = remain.shift();
      if (!next) throw new Error(`${token.getText()} is not closed by {% endschema %}`);
      if ((next as TagToken).name === 'endschema') break;
      parts.push(next.getText());
    }
    this.json = parts.join('');
  }
  *render(): Generator<unknown, void, unknown> {}
}

export interface ShopifyImage {
  src: string;
  alt: string;
  width: number;
  height: number;
}
export interface ShopifyVariant {
  id: number;
  title: string;
  price: number;
  available: boolean;
  /** The picture assigned to the variant, else null. */
  featured_image: ShopifyImage | null;
}
export interface ShopifyProduct {
  id: number;
  title: string;
  handle: string;
  url: string;
  price: number;
  featured_image: ShopifyImage | null;
  variants: ShopifyVariant[];
  selected_or_first_available_variant: ShopifyVariant;
  has_only_default_variant: boolean;
}

/** The Liquid `product` object for a product of /products.json: prices in cents, as Liquid has them. */
export function productDrop(product: ShopifyProductsJson['products'][number], selectedVariantId?: number): ShopifyProduct {
  type Image = ShopifyProductsJson['products'][number]['images'][number] & { width?: number; height?: number; variant_ids?: number[] };
  const drop = (image: Image | undefined): ShopifyImage | null => (image ? { src: image.src, alt: product.title, width: image.width ?? 0, height: image.height ?? 0 } : null);
  const images = product.images as Image[];
  const variants = product.variants.map(variant => ({
    id: variant.id,
    title: variant.title,
    price: Math.round(Number(variant.price) * 100),
    available: variant.available !== false,
    featured_image: drop(images.find(image => image.variant_ids?.includes(variant.id))),
  }));
  const image = images[0];
  return {
    id: product.id,
    title: product.title,
    handle: product.handle,
    url: `/products/${product.handle}`,
    price: Math.min(...variants.map(variant => variant.price)),
    featured_image: drop(image),
    variants,
    selected_or_first_available_variant: variants.find(variant => variant.id === selectedVariantId) ?? variants.find(variant => variant.available) ?? variants[0],
    has_only_default_variant: variants.length === 1 && variants[0].title === 'Default Title',
  };
}

type Translations = Record<string, unknown>;
const lookup = (tree: Translations, key: string): unknown => key.split('.').reduce<unknown>((node, part) => (node as Translations | undefined)?.[part], tree);

export const readJson = async <T>(path: string): Promise<T> => JSON.parse(await readFile(path, 'utf8')) as T;

export interface ShopOptions {
  /** Where the extension's assets are served, protocol-relative like Shopify's CDN: `//host:port/path`. */
  assetBase: string;
  /** The storefront's origin, as `shop.url`. */
  shopUrl: string;
  moneyFormat?: string;
  /** The shopper's currency, as `cart.currency.iso_code`. */
  currency?: string;
}

export interface RenderContext {
  locale?: 'fr' | 'en';
  designMode?: boolean;
  product?: ShopifyProduct;
}

/** A Liquid engine with the extension's blocks and Shopify's filters, for one shop. */
export async function shopifyLiquid({ assetBase, shopUrl, moneyFormat = '{{amount_with_comma_separator}} €', currency = 'EUR' }: ShopOptions) {
  const locales = Object.fromEntries(
    await Promise.all(
      (await readdir(join(extensionDir, 'locales')))
        .filter(file => file.endsWith('.json') && !file.endsWith('.schema.json'))
        .map(async file => [basename(file, '.json').replace('.default', ''), await readJson<Translations>(join(extensionDir, 'locales', file))]),
    ),
  ) as Record<string, Translations>;
  const liquid = new Liquid({ root: [join(extensionDir, 'blocks'), join(extensionDir, 'snippets')], extname: '.liquid', strictFilters: true });
  liquid.registerTag('schema', SchemaTag);

  liquid.registerFilter('asset_url', (name: string) => `${assetBase}/${name}`);
  liquid.registerFilter('image_url', (image: ShopifyImage | string | null, ...args: unknown[]) => {
    if (!image) return '';
    const options = Object.fromEntries(args.filter(Array.isArray) as Array<[string, unknown]>);
    const url = new URL(typeof image === 'string' ? image : image.src);
    if (options.width) url.searchParams.set('width', String(options.width));
    if (options.height) url.searchParams.set('height', String(options.height));
    return `//${url.host}${url.pathname}${url.search}`;
  });
  liquid.registerFilter('money', (cents: number) => {
    const amount = (Number(cents) / 100).toFixed(2);
    return moneyFormat
      .replace('{{amount_with_comma_separator}}', amount.replace('.', ','))
      .replace('{{amount}}', amount.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
  });
  liquid.registerFilter('t', function (this: { context: { getSync(path: string[]): unknown } }, key: string) {
    const locale = String(this.context.getSync(['request', 'locale', 'iso_code']) ?? 'en');
    const text = lookup(locales[locale] ?? {}, key) ?? lookup(locales.en, key);
    if (typeof text !== 'string') throw new Error(`translation missing: ${locale}.${key}`);
    return text;
  });

  const readBlock = async (file: string): Promise<Block> => {
    const source = await readFile(join(extensionDir, 'blocks', file), 'utf8');
    const templates = liquid.parse(source, file);
    const schemas = templates.filter((template): template is SchemaTag & Template => template instanceof SchemaTag);
    if (schemas.length !== 1) throw new Error(`${file}: expected one {% schema %}, found ${schemas.length}`);
    return { file, schema: JSON.parse(schemas[0].json) as BlockSchema, templates };
  };

  /** Renders a block as Shopify does: settings are the schema's defaults with the merchant's values on top. */
  const renderBlock = async (file: string, settings: Record<string, unknown> = {}, context: RenderContext = {}): Promise<string> => {
    const block = await readBlock(file);
    const values: Record<string, unknown> = {};
    for (const setting of block.schema.settings) {
      if (!setting.id) continue;
      // A product setting with autofill points at the product the page shows.
      values[setting.id] = setting.type === 'product' ? (setting.autofill ? context.product : undefined) : setting.default;
    }
    Object.assign(values, settings);
    for (const key of Object.keys(settings)) {
      if (!block.schema.settings.some(setting => setting.id === key)) throw new Error(`${file} has no setting "${key}"`);
    }
    return liquid.render(block.templates, {
      block: { id: `${basename(file, '.liquid')}-1`, settings: values, shopify_attributes: '' },
      product: context.product,
      shop: { url: shopUrl, money_format: moneyFormat },
      cart: { currency: { iso_code: currency } },
      request: { locale: { iso_code: context.locale ?? 'fr' }, design_mode: context.designMode ?? false },
    });
  };

  const renderTemplate = (source: string, scope: Record<string, unknown>) => liquid.parseAndRender(source, scope);
  return { liquid, readBlock, renderBlock, renderTemplate };
}

export const blockFiles = async () => (await readdir(join(extensionDir, 'blocks'))).filter(file => file.endsWith('.liquid')).sort();
