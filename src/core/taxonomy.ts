/**
 * The event taxonomy as the client checks it: the event names, and every
 * property name any event may carry. A compact copy of `events.schema.json`
 * (a test keeps them equal); the collector checks each event's own properties,
 * types and limits against the full schema, and rejects with a reason.
 */
export const EVENT_NAMES = [
  'share',
  'share_copy_link',
  'share_visit',
  'feed_view',
  'feed_post_open',
  'hotspot_open',
  'product_click',
  'wishlist_add',
  'wishlist_remove',
  'wishlist_share',
  'wishlist_vote',
  'login_start',
  'login_success',
  'login_error',
  'web_vitals',
] as const;

export const EVENT_PROPERTIES =
  'network url productId placement shareId feedId layout postCount postId position variant wishlistId itemCount vote hasComment provider mode newCustomer errorCode metric value rating navigationType'.split(
    ' ',
  );
