/**
 * A UUID in its 36-character form, what PostgreSQL's `uuid` type reads. ajv-formats' `uuid` also takes a
 * `urn:uuid:` prefix, which PostgreSQL refuses: every `format: "uuid"` on this server (route schemas and the
 * event taxonomy) means this form.
 */
export const PLAIN_UUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
