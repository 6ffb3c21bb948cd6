-- Analytics events from the widgets. message_id is the primary key: the client sets it once per event
-- and keeps it across retries, so a resent event hits the unique constraint and is counted as a duplicate.
CREATE TABLE events (
  message_id uuid PRIMARY KEY,
  name text NOT NULL,
  properties jsonb NOT NULL DEFAULT '{}',
  context jsonb NOT NULL,
  occurred_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);

-- The summary counts by the day events happened; the admin listing shows the newest received first.
CREATE INDEX events_occurred_idx ON events (occurred_at);

CREATE INDEX events_name_received_idx ON events (name, received_at DESC);
