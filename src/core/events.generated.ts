// Generated from schemas/events.schema.json by `npm run events`: do not edit. `npm test` fails when it is out of date.

/** `share`: A shopper shared a page or product through a network. */
export interface ShareProperties {
  /** facebook, x, pinterest, whatsapp, email, native, instagram… */
  network: string;
  url?: string;
  productId?: string;
  /** Where on the page the widget sits, as the merchant names it (product, card, header…). */
  placement?: string;
  shareId?: string;
}

/** `share_copy_link`: A shopper copied the share link. */
export interface ShareCopyLinkProperties {
  url?: string;
  productId?: string;
  /** Where on the page the widget sits, as the merchant names it (product, card, header…). */
  placement?: string;
  shareId?: string;
}

/** `share_visit`: A visit arrived through a shared link (attributed to the original share). */
export interface ShareVisitProperties {
  shareId: string;
  /** facebook, x, pinterest, whatsapp, email, native, instagram… */
  network?: string;
  productId?: string;
}

/** `feed_view`: At least half of a feed became visible. */
export interface FeedViewProperties {
  feedId?: string;
  layout?: string;
  postCount?: number;
}

/** `feed_post_open`: A shopper opened a post of a feed. */
export interface FeedPostOpenProperties {
  feedId?: string;
  postId: string;
  position?: number;
  layout?: string;
}

/** `hotspot_open`: A shopper opened a product hotspot on a post. */
export interface HotspotOpenProperties {
  feedId?: string;
  postId?: string;
  productId: string;
}

/** `product_click`: A shopper followed a link to a product page from a widget. */
export interface ProductClickProperties {
  productId: string;
  feedId?: string;
  postId?: string;
  /** Where on the page the widget sits, as the merchant names it (product, card, header…). */
  placement?: string;
  url?: string;
}

/** `wishlist_add`: A product was added to the shopper's wishlist. */
export interface WishlistAddProperties {
  productId: string;
  variant?: string;
  wishlistId?: string;
  /** Where on the page the widget sits, as the merchant names it (product, card, header…). */
  placement?: string;
  /** Price of the product in major units (129.00), when the page gave it; always with currency. */
  price?: number;
  /** ISO 4217 code of price. */
  currency?: string;
}

/** `wishlist_remove`: A product was removed from the shopper's wishlist. */
export interface WishlistRemoveProperties {
  productId: string;
  variant?: string;
  wishlistId?: string;
  /** Where on the page the widget sits, as the merchant names it (product, card, header…). */
  placement?: string;
}

/** `wishlist_share`: The owner shared their wishlist to ask friends for votes. */
export interface WishlistShareProperties {
  wishlistId?: string;
  itemCount?: number;
  /** facebook, x, pinterest, whatsapp, email, native, instagram… */
  network?: string;
}

/** `wishlist_vote`: A friend voted on an item of a shared wishlist (no names, no comment text). */
export interface WishlistVoteProperties {
  wishlistId?: string;
  productId: string;
  vote?: string | number;
  hasComment?: boolean;
}

/** `login_start`: A shopper started signing in. */
export interface LoginStartProperties {
  /** google, apple, facebook… */
  provider: string;
  mode?: "popup" | "redirect" | "fedcm";
}

/** `login_success`: A shopper signed in; from here on events carry their customer id as userId. */
export interface LoginSuccessProperties {
  /** google, apple, facebook… */
  provider: string;
  mode?: "popup" | "redirect" | "fedcm";
  newCustomer?: boolean;
}

/** `login_error`: Signing in failed or was cancelled. */
export interface LoginErrorProperties {
  /** google, apple, facebook… */
  provider?: string;
  mode?: "popup" | "redirect" | "fedcm";
  errorCode: string;
}

/** `web_vitals`: A Core Web Vital of the host page, reported by a sampled share of page views. */
export interface WebVitalsProperties {
  metric: "LCP" | "INP" | "CLS";
  value: number;
  rating?: "good" | "needs-improvement" | "poor";
  navigationType?: string;
}

/** Each event name, and the properties it carries. */
export interface EventPropertiesByName {
  share: ShareProperties;
  share_copy_link: ShareCopyLinkProperties;
  share_visit: ShareVisitProperties;
  feed_view: FeedViewProperties;
  feed_post_open: FeedPostOpenProperties;
  hotspot_open: HotspotOpenProperties;
  product_click: ProductClickProperties;
  wishlist_add: WishlistAddProperties;
  wishlist_remove: WishlistRemoveProperties;
  wishlist_share: WishlistShareProperties;
  wishlist_vote: WishlistVoteProperties;
  login_start: LoginStartProperties;
  login_success: LoginSuccessProperties;
  login_error: LoginErrorProperties;
  web_vitals: WebVitalsProperties;
}

/**
 * What the client checks before sending: each event's own property names, a required one
 * prefixed with `!` (one string per event keeps the reporter small).
 */
export const EVENT_PROPERTIES: Record<keyof EventPropertiesByName, string> = {
  share: '!network url productId placement shareId',
  share_copy_link: 'url productId placement shareId',
  share_visit: '!shareId network productId',
  feed_view: 'feedId layout postCount',
  feed_post_open: 'feedId !postId position layout',
  hotspot_open: 'feedId postId !productId',
  product_click: '!productId feedId postId placement url',
  wishlist_add: '!productId variant wishlistId placement price currency',
  wishlist_remove: '!productId variant wishlistId placement',
  wishlist_share: 'wishlistId itemCount network',
  wishlist_vote: 'wishlistId !productId vote hasComment',
  login_start: '!provider mode',
  login_success: '!provider mode newCustomer',
  login_error: 'provider mode !errorCode',
  web_vitals: '!metric !value rating navigationType',
};
