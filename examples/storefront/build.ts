// The demo storefront, generated: one layout and one template per kind of page, filled from products.json,
// with every absolute URL made from PUBLIC_URL. `npm start` builds it in memory as the server starts; to
// write the pages to a folder (to host them elsewhere): `node --import tsx examples/storefront/build.ts <folder> [PUBLIC_URL]`.
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render as renderDocument, templates } from '../server/pages/render.js';

export interface StorefrontProduct {
  id: string;
  slug: string;
  title: string;
  description: string;
  price: number;
  currency: string;
  availability: 'in_stock' | 'out_of_stock' | 'preorder' | 'backorder';
  link: string;
  image: string;
  /** As schema.org and the eyebrow say it: "Terracotta". */
  color: string;
  category: keyof typeof CATEGORIES;
  details: string[];
}

/** The home page's collections, in order: where a product's breadcrumb leads, and what the collection says. */
const CATEGORIES = {
  'pret-a-porter': { anchor: 'robes', label: 'Prêt-à-porter', heading: 'Robes & prêt-à-porter', lead: 'Des matières naturelles, des coupes qui laissent respirer.' },
  accessoires: { anchor: 'accessoires', label: 'Accessoires', heading: 'Accessoires', lead: 'Le cuir et la soie, pour signer chaque tenue.' },
} as const;

/** What each availability reads as: on the page, in Open Graph, in schema.org, and the card's badge. */
const AVAILABILITY = {
  in_stock: { stockClass: 'stock-in', stockText: 'En stock — expédié sous 48 h', og: 'in stock', schema: 'InStock', badge: '' },
  out_of_stock: { stockClass: 'stock-out', stockText: 'Épuisé — bientôt de retour', og: 'out of stock', schema: 'OutOfStock', badge: 'Épuisé' },
  preorder: { stockClass: 'stock-in', stockText: 'En précommande — expédié dès réception', og: 'preorder', schema: 'PreOrder', badge: 'Précommande' },
  backorder: { stockClass: 'stock-in', stockText: 'Sur commande — expédié sous 3 semaines', og: 'backorder', schema: 'BackOrder', badge: '' },
} as const;

/** Cards under a product: the first three other products of the catalog. */
const RELATED = 3;

const here = new URL('./', import.meta.url);
const render = templates(new URL('./templates/', here));

export const readProducts = (): StorefrontProduct[] => JSON.parse(readFileSync(new URL('assets/products.json', here), 'utf8')) as StorefrontProduct[];

const price = (product: StorefrontProduct) =>
  new Intl.NumberFormat('fr-FR', { style: 'currency', currency: product.currency }).format(product.price).replace(/[\u202f\u00a0]/g, ' ');
const alt = (product: StorefrontProduct) => `${product.title}, coloris ${product.color.toLocaleLowerCase('fr')}`;
/** A page of the site: the server's HTML document around the storefront's header (with `nav`), main and `tail`. */
const sitePage = ({ title, head, nav, main, tail }: { title: string; head: string; nav: string; main: string; tail: string }) =>
  `${renderDocument('document', { lang: 'fr', title, head, body: render('layout', { nav, main, tail }) })}\n`;

/** A shop page: the shop's head, navigation, footer and consent banner around the page's own head and main. */
const page = ({ title, description, canonical, head, main }: { title: string; description: string; canonical: string; head: string; main: string }) =>
  sitePage({ title, head: render('shop-head', { description, canonical, head }), nav: render('shop-nav', {}), main, tail: render('shop-tail', {}) });

/** JSON inside a <script> element: no `</script>` can close it early. */
const scriptJson = (value: unknown, indent?: number) => JSON.stringify(value, null, indent).replace(/</g, '\\u003c');

function card(product: StorefrontProduct): string {
  const { badge } = AVAILABILITY[product.availability];
  return render('card', {
    slug: product.slug,
    image: product.image,
    alt: alt(product),
    badge: badge ? `<span class="badge">${badge}</span>` : '',
    title: product.title,
    price: price(product),
    amount: product.price.toFixed(2),
    currency: product.currency,
    id: product.id,
  });
}

function productPage(product: StorefrontProduct, products: StorefrontProduct[], origin: string): string {
  const url = `${origin}/produits/${product.slug}.html`;
  const imageUrl = new URL(product.image, `${origin}/`).href;
  const availability = AVAILABILITY[product.availability];
  const category = CATEGORIES[product.category];
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title,
    sku: product.id,
    description: product.description,
    image: imageUrl,
    color: product.color,
    brand: { '@type': 'Brand', name: 'Maison Lumière' },
    offers: { '@type': 'Offer', price: product.price.toFixed(2), priceCurrency: product.currency, availability: `https://schema.org/${availability.schema}`, url },
  };
  const head = render('product-head', {
    title: product.title,
    description: product.description,
    imageUrl,
    url,
    amount: product.price.toFixed(2),
    ogAvailability: availability.og,
    id: product.id,
    jsonLd: scriptJson(jsonLd, 2),
  });
  const main = render('product', {
    categoryAnchor: category.anchor,
    categoryLabel: category.label,
    title: product.title,
    id: product.id,
    image: product.image,
    alt: alt(product),
    colorLabel: product.color.toLocaleLowerCase('fr'),
    price: price(product),
    stockClass: availability.stockClass,
    stockText: availability.stockText,
    description: product.description,
    // Nothing to buy: sizes and the cart button are shown, switched off.
    disabled: product.availability === 'out_of_stock' ? ' disabled' : '',
    details: product.details.map(detail => render('detail', { detail })).join('\n'),
    related: products
      .filter(other => other.id !== product.id)
      .slice(0, RELATED)
      .map(card)
      .join('\n'),
  });
  return page({ title: `${product.title} — Maison Lumière`, description: product.description, canonical: url, head, main });
}

/**
 * Every page of the storefront, by path: the home page with its product grid, one page per product, the
 * wishlist page, the audience dashboard. Static HTML with external scripts and styles only (the storefront's strict CSP).
 */
export function buildStorefront(publicUrl: string, products: StorefrontProduct[] = readProducts()): Map<string, string> {
  const origin = new URL(publicUrl).origin;
  const pages = new Map<string, string>();
  pages.set(
    '/index.html',
    page({
      title: 'Maison Lumière — prêt-à-porter femme, Paris',
      description: 'Maison Lumière, boutique parisienne de prêt-à-porter femme : robes en lin, soie imprimée, cuir tanné végétal.',
      canonical: `${origin}/`,
      head: render('home-head', { origin }),
      main: render('home', {
        cards: products.map(card).join('\n'),
        collections: Object.entries(CATEGORIES)
          .map(([category, { anchor, heading, lead }]) =>
            render('collection', {
              anchor,
              heading,
              lead,
              items: products
                .filter(product => product.category === category)
                .map(product => render('collection-item', { slug: product.slug, title: product.title, price: price(product) }))
                .join('\n'),
            }),
          )
          .join('\n'),
      }),
    }),
  );
  for (const product of products) pages.set(`/produits/${product.slug}.html`, productPage(product, products, origin));
  pages.set(
    '/wishlist.html',
    page({
      title: "Ma liste d'envies — Maison Lumière",
      description: "Retrouvez les pièces Maison Lumière que vous avez enregistrées et demandez l'avis de vos proches.",
      canonical: `${origin}/wishlist.html`,
      head: render('wishlist-head', {}),
      main: render('wishlist', {}),
    }),
  );
  // The merchant's audience dashboard: the same header, none of the shop's navigation, widgets or footer.
  pages.set(
    '/dashboard.html',
    sitePage({ title: "Mesure d'audience — Maison Lumière", head: render('dashboard-head', {}), nav: '', main: render('dashboard', {}), tail: '' }),
  );
  return pages;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [folder, publicUrl = process.env.PUBLIC_URL ?? 'http://127.0.0.1:8080'] = process.argv.slice(2);
  if (!folder) throw new Error('usage: build.ts <folder> [PUBLIC_URL]');
  for (const [path, html] of buildStorefront(publicUrl)) {
    const file = join(folder, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, html);
  }
}
