-- Items added in the same millisecond (PGlite's clock) tied on added_at and came back in random id order.
-- A per-row sequence number keeps the order they were added in.
ALTER TABLE wishlist_items ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
