import { html, nothing } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { VitrineElement } from '../../core/element.js';
import { formatNumber, plural } from '../../core/format.js';
import { visuallyHidden } from '../../core/styles.js';
import { readPageProduct } from '../../features/product/page-product.js';
import type { ElementMessages } from '../../core/localize-controller.js';
import { LocalizeController } from '../../core/localize-controller.js';
import { StoreController } from '../../core/store-controller.js';
import { warnOnce } from '../../core/warn.js';
import { $wishlist, addToWishlist, isInWishlist, removeFromWishlist, startWishlist } from '../../features/wishlist/index.js';
import { VitrineWishlistToggleEvent } from './wishlist-button.events.js';
import { wishlistButtonCatalog } from './wishlist-button.i18n.js';
import { describeProduct } from './wishlist-button.product.js';
import type { WishlistButtonMessages } from './wishlist-button.i18n.js';
import { wishlistButtonStyles } from './wishlist-button.styles.js';

/**
 * @summary A heart that saves a product to the shopper's wishlist, with the count of friends who love it once the list is shared.
 *
 * Works for guests: the change shows at once and is synced (kept and retried when offline). The product comes
 * from the `product` attribute, else from the page's JSON-LD `Product` (`sku`). Its name, price and image
 * (`product-title`, `price` with `currency`, `image`, else the page's JSON-LD) show in the wishlist until the
 * server answers with the catalog's, and `wishlist_add` carries the price. Defining it also starts the
 * wishlist store, which listens for `vitrine-wishlist-add-request` events from other widgets.
 *
 * @fires vitrine-wishlist-toggle - After the shopper adds or removes the product. `detail: { productId, variant, added }`.
 * @csspart button - The toggle button (`aria-pressed`).
 * @csspart icon - The heart.
 * @csspart count - How many friends love the item, when the list is shared and someone voted.
 * @cssprop [--vitrine-wishlist-color=var(--vitrine-accent, #c2410c)] - Heart fill when saved.
 * @cssprop [--vitrine-wishlist-size=2.75rem] - Button width and height.
 * @cssprop [--vitrine-wishlist-border=currentColor] - Button border colour.
 * @cssprop [--vitrine-wishlist-background=transparent] - Button background.
 * @cssprop [--vitrine-wishlist-text=var(--vitrine-text, inherit)] - Text colour of the count.
 * @cssprop [--vitrine-accent=#c2410c] - Global token: the saved heart and the focus ring.
 * @cssprop [--vitrine-text=inherit] - Global token: text colour.
 * @cssprop [--vitrine-font=inherit] - Global token: font family.
 * @cssprop [--vitrine-focus-ring=2px solid var(--vitrine-accent, #1d4ed8)] - Global token: the focus outline (width, style, colour).
 */
export class VitrineWishlistButton extends VitrineElement {
  static override styles = [visuallyHidden, wishlistButtonStyles];
  // Declared here rather than with decorators: no decorator helpers in the bundle.
  static override properties: PropertyDeclarations = {
    messages: { attribute: false },
    product: {},
    variant: {},
    productTitle: { attribute: 'product-title' },
    price: {},
    currency: {},
    image: {},
    announcement: { state: true },
  };

  /** Product id (SKU) to save; when absent, the `sku` of the page's JSON-LD `Product`. */
  product?: string;
  /** Variant such as a size (`M`, `38`); empty for none. */
  variant = '';
  /** The product's name, shown in the wishlist until the server answers with the catalog's. */
  productTitle?: string;
  /** Price of the product (or the selected variant) in major units, such as `129.00`; needs `currency`. */
  price?: string;
  /** ISO 4217 code of `price`, such as `EUR`. */
  currency?: string;
  /** Absolute http(s) URL of the product's (or the variant's) picture. */
  image?: string;

  private announcement = '';
  private readonly wishlist = new StoreController(this, $wishlist);
  /**
   * Your own wording, by language, over the built-in strings (other keys keep theirs); a language Vitrine does
   * not ship works too. Property only: `el.messages = { fr: { add: 'Mettre de côté' } }`. Wins over `Vitrine.setMessages()`.
   */
  messages?: ElementMessages<WishlistButtonMessages>;

  private readonly l10n = new LocalizeController(this, 'wishlist-button', wishlistButtonCatalog);

  override connectedCallback(): void {
    super.connectedCallback();
    startWishlist();
  }

  /** The product to save, resolved when `product` changes (the page's JSON-LD is read once). */
  private productId?: string;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('product') && this.hasUpdated) return;
    this.productId = this.product?.trim() || readPageProduct().id;
    if (!this.productId) warnOnce('wishlist-button:product', '<vitrine-wishlist-button> has no product: expected product="SKU" or a JSON-LD Product with a sku on the page.');
  }

  private toggle(productId: string): void {
    const saved = isInWishlist(productId, this.variant);
    if (saved) removeFromWishlist(productId, this.variant);
    else addToWishlist(productId, this.variant, 'button', describeProduct(this));
    this.announcement = this.l10n.t(saved ? 'removed' : 'added');
    this.dispatchEvent(new VitrineWishlistToggleEvent({ productId, variant: this.variant, added: !saved }));
  }

  override render() {
    const productId = this.productId;
    const state = this.wishlist.value;
    const item = state.items.find(entry => entry.productId === productId && entry.variant === this.variant);
    const loved = state.shareUrl && item?.votes?.up ? item.votes.up : 0;
    return html`<button
        part="button"
        type="button"
        aria-pressed=${item ? 'true' : 'false'}
        aria-label=${this.l10n.t('add')}
        ?disabled=${!productId}
        @click=${() => productId && this.toggle(productId)}
      >
        <svg part="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 20.5 4.2 12.8a4.9 4.9 0 0 1 7-7l.8.8.8-.8a4.9 4.9 0 0 1 7 7z"></path>
        </svg>
      </button>
      ${loved
        ? html`<span part="count"
            ><span aria-hidden="true">♥ ${formatNumber(this.l10n.locale, loved)}</span
            ><span class="sr-only">${plural(this.l10n.locale, loved, { one: this.l10n.t('lovedOne'), other: this.l10n.t('lovedOther') })}</span></span
          >`
        : nothing}
      <span class="sr-only" role="status">${this.announcement}</span>`;
  }
}
