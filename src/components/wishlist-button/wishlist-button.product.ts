import { safeUrl } from '../../core/url.js';
import { warnOnce } from '../../core/warn.js';
import { readPageProduct } from '../../features/product/page-product.js';
import type { WishlistProduct } from '../../features/wishlist/index.js';

/** What the button's attributes say of its product. */
export interface ProductAttributes {
  product?: string;
  productTitle?: string;
  price?: string;
  currency?: string;
  image?: string;
}

/**
 * The product fields to show in the wishlist before the server answers: the element's attributes, else, for
 * the page's own product (no `product` attribute), its JSON-LD. Read at click time, since a theme's variant
 * picker changes `price` and `image` as the shopper picks. A malformed attribute warns once and is left out:
 * the catalog's value replaces it when the server answers, so nothing the shopper saved is lost.
 */
export function describeProduct(element: ProductAttributes): Partial<WishlistProduct> {
  const page = element.product?.trim() ? undefined : readPageProduct();
  const fields: Partial<WishlistProduct> = {};
  const title = element.productTitle?.trim() || page?.name;
  if (title) fields.title = title;

  if (element.image) {
    fields.image = safeUrl(element.image);
    if (!fields.image) warnOnce('wishlist-button:image', `<vitrine-wishlist-button> image="${element.image}" is not an http(s) URL: expected image="https://…".`);
  } else if (page?.image) fields.image = page.image;

  if (element.price !== undefined) {
    const amount = /^\d+(\.\d+)?$/.test(element.price.trim()) ? Number(element.price) : NaN;
    const currency = element.currency?.trim().toUpperCase();
    if (!Number.isFinite(amount)) warnOnce('wishlist-button:price', `<vitrine-wishlist-button> price="${element.price}" is not a price: expected major units with a dot, such as price="129.00".`);
    else if (!currency || !/^[A-Z]{3}$/.test(currency)) warnOnce('wishlist-button:currency', `<vitrine-wishlist-button> price="${element.price}" needs currency="EUR" (an ISO 4217 code), got ${currency ? `"${element.currency}"` : 'none'}.`);
    else Object.assign(fields, { price: amount, currency });
  } else if (page?.price) Object.assign(fields, { price: page.price.amount, currency: page.price.currency });
  return fields;
}
