import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { oneOf } from '../../core/attribute-warning.js';
import { formatNumber } from '../../core/format.js';
import type { LocalizeController } from '../../core/localize-controller.js';
import { safeUrl } from '../../core/url.js';
import type { WishlistProduct, WishlistVotes } from '../../features/wishlist/index.js';
import type { WishlistMessages } from './wishlist.i18n.js';

/** What both modes of `<vitrine-wishlist>` draw: the owner's list and, loaded on demand, the friend's page. */
export type Localize = LocalizeController<WishlistMessages>;

const AVAILABILITIES = ['in_stock', 'out_of_stock', 'preorder', 'backorder'] as const;

/** `value` when `allowed` lists it, else one warning naming the attribute, and the default (listed first). */
export const pick = <T extends string>(attribute: string, value: string, allowed: readonly T[]): T => oneOf('vitrine-wishlist', attribute, value, allowed);

export function productCell(l10n: Localize, item: Partial<WishlistProduct> & { productId: string; variant: string }): TemplateResult {
  const image = safeUrl(item.image);
  const link = safeUrl(item.link);
  const title = item.title ?? item.productId;
  const availability = AVAILABILITIES.find(value => value === item.availability);
  return html`${image ? html`<img part="image" src=${image} alt="" loading="lazy" />` : html`<span></span>`}
    <div class="meta">
      ${link ? html`<a class="title" href=${link}>${title}</a>` : html`<span class="title">${title}</span>`}
      ${item.variant ? html`<span class="muted">${l10n.t('variant', item.variant)}</span>` : nothing}
      ${item.price !== null && item.price !== undefined && item.currency
        ? html`<span part="price">${l10n.price(item.price, item.currency)}</span>`
        : nothing}
      ${availability ? html`<span class="muted">${l10n.t(availability)}</span>` : nothing}
    </div>`;
}

export function tallyCell(l10n: Localize, votes: WishlistVotes | undefined): TemplateResult {
  const { up = 0, down = 0 } = votes ?? {};
  return html`<span part="votes"
    ><span aria-hidden="true">♥ ${formatNumber(l10n.locale, up)} · ✕ ${formatNumber(l10n.locale, down)}</span
    ><span class="sr-only">${l10n.t('tally', up, down)}</span></span
  >`;
}
