import { PAGE_LOCALES } from '../../pages/render.js';

export const callbackProperties = {
  state: { type: 'string', maxLength: 200 },
  code: { type: 'string', maxLength: 2000 },
  error: { type: 'string', maxLength: 200 },
  error_description: { type: 'string', maxLength: 2000 },
  error_reason: { type: 'string', maxLength: 200 },
  error_code: { type: 'string', maxLength: 50 },
  error_uri: { type: 'string', maxLength: 2000 },
  error_message: { type: 'string', maxLength: 2000 },
  id_token: { type: 'string', maxLength: 8000, description: 'Ignored: the ID token is only taken from the token endpoint.' },
  iss: { type: 'string', maxLength: 500, description: 'RFC 9207 issuer identification; must be the provider.' },
  scope: { type: 'string', maxLength: 2000 },
  authuser: { type: 'string', maxLength: 20 },
  prompt: { type: 'string', maxLength: 100 },
  hd: { type: 'string', maxLength: 300 },
  session_state: { type: 'string', maxLength: 500 },
  user: { type: 'string', maxLength: 2000, description: 'Apple: the name, sent on the first authorization only.' },
} as const;

const providerParams = {
  type: 'object',
  required: ['provider'],
  additionalProperties: false,
  properties: { provider: { type: 'string', pattern: '^[a-z]{2,20}$' } },
} as const;

export const sessionSchema = {
  type: 'object',
  required: ['status'],
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: ['anonymous', 'signed-in'] },
    user: {
      type: 'object',
      required: ['id', 'firstName', 'provider'],
      additionalProperties: false,
      properties: {
        id: { type: 'string' },
        firstName: { type: 'string' },
        avatarUrl: { type: 'string' },
        provider: { type: 'string' },
      },
    },
  },
} as const;

export const popupScriptSchema = {
  summary: "The sign-in popup's script: posts the result to the storefront origin named in its tag, then closes",
  tags: ['sign-in'],
  querystring: { type: 'object', additionalProperties: false, properties: {} },
} as const;

export const startSchema = {
  summary: 'Starts a sign-in: redirects to the provider (authorization code + PKCE S256 + state + nonce)',
  description:
    'Opened by <vitrine-login> in a popup (`mode=popup&origin=<storefront origin>`) or as a full-page redirect (`mode=redirect&return_to=<storefront page>`). ' +
    'The origin must be on ALLOWED_ORIGINS exactly; it is where the result is posted or redirected, and nowhere else.',
  tags: ['sign-in'],
  params: providerParams,
  querystring: {
    type: 'object',
    required: ['mode'],
    additionalProperties: false,
    properties: {
      mode: { type: 'string', enum: ['popup', 'redirect'] },
      origin: { type: 'string', maxLength: 300, description: 'popup mode: the storefront origin, matched exactly.' },
      return_to: { type: 'string', maxLength: 2000, description: 'redirect mode: the storefront page to come back to; its origin is matched exactly.' },
      lang: { type: 'string', enum: [...PAGE_LOCALES], default: PAGE_LOCALES[0] },
    },
  },
  response: { 303: { type: 'null' }, 400: { $ref: 'Error#' }, 404: { $ref: 'Error#' }, 429: { $ref: 'Error#' } },
} as const;

export const sessionRouteSchema = {
  summary: 'Who is signed in: `{status: "anonymous"}` or `{status: "signed-in", user}` (never a provider token)',
  tags: ['sign-in'],
  response: { 200: sessionSchema },
} as const;

export const logoutSchema = {
  summary: 'Signs out: deletes the session and its cookie',
  tags: ['sign-in'],
  body: { type: 'object', additionalProperties: false, properties: {} },
  response: { 200: sessionSchema, 403: { $ref: 'Error#' } },
} as const;

/** The callback's parameters, as a query (GET) or a form body (POST, Apple's form_post). */
export const callbackFields = { type: 'object', additionalProperties: false, properties: callbackProperties } as const;

export const callbackSchema = {
  summary: "The provider's redirect back: checks state, exchanges the code, validates the ID token, starts the session",
  description:
    'Answers the popup with a page that posts `{type: "vitrine-login", provider, status, error?}` to the storefront origin of the transaction, ' +
    'or redirects back to the storefront page with `#vitrine-login=<provider>:<success|error code>`. Unknown, reused, expired or unbound state: 400, no session.',
  tags: ['sign-in'],
  params: providerParams,
} as const;
