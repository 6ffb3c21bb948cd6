import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROVIDER_IDS, type ProviderId } from '../lib/auth-providers.js';
import { ApiError } from '../lib/errors.js';
import { LoginError, endpointsOf, exchangeCode, pkceChallenge, randomToken, sha256, verifyIdToken } from '../lib/oidc-client.js';
import { currentCustomer, endSession, startSession, upsertCustomer } from '../lib/session.js';

const POPUP_SCRIPT = readFileSync(new URL('../lib/auth-popup.js', import.meta.url), 'utf8');
/** Binds a transaction to the browser that started it (login CSRF): only its hash is stored. */
const BINDING_COOKIE = 'vitrine_auth';
const TRANSACTION_MINUTES = 10;

/** Headers of every /auth page: nothing third-party, nothing cached, no Referer carrying the code. */
const AUTH_PAGE_CSP = "default-src 'none'; script-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

type Locale = 'fr' | 'en';
const pageText = {
  fr: {
    success: ['Connexion réussie', 'Vous êtes connecté·e. Cette fenêtre va se fermer.'],
    error: ['Connexion interrompue', "La connexion n'a pas abouti. Vous pouvez fermer cette fenêtre et réessayer."],
    invalid: ['Lien expiré', 'Ce lien de connexion a expiré ou a déjà servi. Fermez cette fenêtre et réessayez depuis la boutique.'],
    close: 'Fermer la fenêtre',
  },
  en: {
    success: ['Signed in', "You're signed in. This window will close."],
    error: ['Sign-in interrupted', "Sign-in didn't complete. You can close this window and try again."],
    invalid: ['Link expired', 'This sign-in link has expired or was already used. Close this window and try again from the shop.'],
    close: 'Close this window',
  },
} as const;

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, char => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);

interface Transaction {
  binding_hash: string;
  code_verifier: string;
  nonce: string;
  mode: 'popup' | 'redirect';
  return_origin: string;
  return_to: string | null;
  locale: Locale;
  fresh: boolean;
}

interface CallbackParams {
  state?: string;
  code?: string;
  error?: string;
  iss?: string;
  user?: string;
}

const callbackProperties = {
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

const sessionSchema = {
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

/** `given_name`, else the first word of `name`; Apple sends the name once, in the `user` form field. */
function profileOf(claims: Record<string, unknown>, appleUser?: string): { firstName: string; avatarUrl: string | null } {
  let firstName = typeof claims.given_name === 'string' ? claims.given_name : typeof claims.name === 'string' ? claims.name.split(' ')[0] : '';
  if (!firstName && appleUser) {
    try {
      const parsed = JSON.parse(appleUser) as { name?: { firstName?: unknown } };
      if (typeof parsed.name?.firstName === 'string') firstName = parsed.name.firstName;
    } catch {
      // not JSON: no name
    }
  }
  let avatarUrl: string | null = null;
  if (typeof claims.picture === 'string' && claims.picture.length <= 2000) {
    try {
      const url = new URL(claims.picture);
      if (url.protocol === 'https:' || url.protocol === 'http:') avatarUrl = url.href;
    } catch {
      // not a URL: no avatar
    }
  }
  return { firstName: firstName.trim().slice(0, 100), avatarUrl };
}

/**
 * Sign-in, backend-for-frontend: the server runs the OAuth 2.0 authorization code flow with PKCE (S256),
 * `state` and the OpenID Connect `nonce`, validates the ID token, and keeps the session; the page only
 * ever sees `{status, user}`. See docs/login.md.
 */
export async function authRoutes(app: FastifyInstance): Promise<void> {
  const { auth, allowedOrigins, publicUrl } = app.serverConfig;
  const secure = publicUrl.startsWith('https:');
  const ownOrigin = new URL(publicUrl).origin;

  // Apple answers with form_post.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/auth/') || request.url.startsWith('/v1/session')) {
      reply.header('cache-control', 'no-store');
      reply.header('referrer-policy', 'no-referrer');
      if (String(reply.getHeader('content-type') ?? '').startsWith('text/html')) reply.header('content-security-policy', AUTH_PAGE_CSP);
    }
    return payload;
  });

  const knownProvider = (id: string): ProviderId => {
    if (!(PROVIDER_IDS as readonly string[]).includes(id)) throw new ApiError(404, 'unknown_provider', `No sign-in provider "${id}"; known: ${PROVIDER_IDS.join(', ')}`);
    return id as ProviderId;
  };

  const page = (reply: FastifyReply, status: number, locale: Locale, kind: 'success' | 'error' | 'invalid', post?: { origin: string; provider: string; error?: string }) => {
    const text = pageText[locale];
    const [title, message] = text[kind];
    const data = post
      ? ` data-origin="${escapeHtml(post.origin)}" data-provider="${escapeHtml(post.provider)}" data-status="${kind === 'success' ? 'success' : 'error'}"` +
        (post.error ? ` data-error="${escapeHtml(post.error)}"` : '')
      : '';
    return reply
      .status(status)
      .type('text/html; charset=utf-8')
      .send(
        `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
          `<title>${escapeHtml(title)}</title><script src="/auth/popup.js"${data} defer></script></head>` +
          `<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p><button type="button" id="close" hidden>${escapeHtml(text.close)}</button></body></html>`,
      );
  };

  /** Ends a transaction that passed the state check: back to the storefront, in the popup or by redirect. */
  const conclude = (reply: FastifyReply, provider: ProviderId, transaction: Transaction, error?: string) => {
    if (transaction.mode === 'redirect' && transaction.return_to) {
      return reply.redirect(`${transaction.return_to}#vitrine-login=${provider}:${error ?? 'success'}`, 303);
    }
    return page(reply, error ? 400 : 200, transaction.locale, error ? 'error' : 'success', { origin: transaction.return_origin, provider, error });
  };

  app.get(
    '/auth/popup.js',
    {
      schema: {
        summary: "The sign-in popup's script: posts the result to the storefront origin named in its tag, then closes",
        tags: ['sign-in'],
        querystring: { type: 'object', additionalProperties: false, properties: {} },
      },
    },
    async (_request, reply) =>
      reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(POPUP_SCRIPT),
  );

  app.get(
    '/auth/:provider/start',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
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
            lang: { type: 'string', enum: ['fr', 'en'], default: 'fr' },
          },
        },
        response: { 303: { type: 'null' }, 400: { $ref: 'Error#' }, 404: { $ref: 'Error#' }, 429: { $ref: 'Error#' } },
      },
    },
    async (request, reply) => {
      const id = knownProvider((request.params as { provider: string }).provider);
      const query = request.query as { mode: 'popup' | 'redirect'; origin?: string; return_to?: string; lang: Locale };
      let returnOrigin: string;
      let returnTo: string | null = null;
      if (query.mode === 'popup') {
        if (!query.origin || !allowedOrigins.includes(query.origin)) {
          throw new ApiError(400, 'origin_not_allowed', 'origin must be one of the storefront origins on ALLOWED_ORIGINS, exactly');
        }
        returnOrigin = query.origin;
      } else {
        let url: URL | undefined;
        try {
          url = query.return_to ? new URL(query.return_to) : undefined;
        } catch {
          url = undefined;
        }
        if (!url || !allowedOrigins.includes(url.origin) || !query.return_to?.startsWith(`${url.origin}/`)) {
          throw new ApiError(400, 'redirect_not_allowed', 'return_to must be a page of a storefront origin on ALLOWED_ORIGINS');
        }
        url.hash = '';
        returnOrigin = url.origin;
        returnTo = url.href;
      }
      const provider = auth.providers[id];
      const transaction = { mode: query.mode, return_origin: returnOrigin, return_to: returnTo, locale: query.lang } as Transaction;
      if (!provider) return conclude(reply, id, transaction, 'provider_unavailable');

      let authorization: string;
      try {
        ({ authorization } = await endpointsOf(provider));
      } catch {
        return conclude(reply, id, transaction, 'provider_unreachable');
      }
      const state = randomToken();
      const verifier = randomToken();
      const nonce = randomToken();
      const binding = randomToken();
      await app.db.query(`DELETE FROM auth_transactions WHERE created_at < now() - interval '1 day'`);
      await app.db.query(
        `INSERT INTO auth_transactions (state_hash, provider, binding_hash, code_verifier, nonce, mode, return_origin, return_to, locale)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [sha256(state), id, sha256(binding), verifier, nonce, query.mode, returnOrigin, returnTo, query.lang],
      );
      // form_post comes back as a cross-site POST, which only carries a SameSite=None (so Secure) cookie.
      reply.setCookie(BINDING_COOKIE, binding, {
        path: '/auth/',
        httpOnly: true,
        secure: secure || provider.responseMode === 'form_post',
        sameSite: provider.responseMode === 'form_post' ? 'none' : 'lax',
        maxAge: TRANSACTION_MINUTES * 60,
      });
      const url = new URL(authorization);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: provider.clientId,
        redirect_uri: provider.redirectUri,
        scope: provider.scope,
        state,
        nonce,
        code_challenge: pkceChallenge(verifier),
        code_challenge_method: 'S256',
        ...(provider.responseMode ? { response_mode: provider.responseMode } : {}),
        ...(provider.uiLocales ? { ui_locales: query.lang } : {}),
      }).toString();
      return reply.redirect(url.href, 303);
    },
  );

  const callback = async (request: FastifyRequest, reply: FastifyReply, params: CallbackParams) => {
    const id = knownProvider((request.params as { provider: string }).provider);
    const provider = auth.providers[id];
    const locale: Locale = request.headers['accept-language']?.toLowerCase().startsWith('en') ? 'en' : 'fr';
    if (!provider || !params.state) return page(reply, 400, locale, 'invalid');
    // Single use: the first callback with this state consumes it, whatever happens next.
    const { rows } = await app.db.query<Transaction>(
      `UPDATE auth_transactions SET used_at = now() WHERE state_hash = $1 AND provider = $2 AND used_at IS NULL
       RETURNING binding_hash, code_verifier, nonce, mode, return_origin, return_to, locale,
         created_at > now() - interval '${TRANSACTION_MINUTES} minutes' AS fresh`,
      [sha256(params.state), id],
    );
    const transaction = rows[0];
    const binding = request.cookies?.[BINDING_COOKIE];
    if (!transaction || !transaction.fresh || !binding || sha256(binding) !== transaction.binding_hash) {
      request.log.warn({ provider: id, known: Boolean(transaction) }, 'sign-in callback refused: unknown, used, expired or unbound state');
      return page(reply, 400, transaction?.locale ?? locale, 'invalid');
    }
    reply.clearCookie(BINDING_COOKIE, { path: '/auth/' });
    if (params.error) return conclude(reply, id, transaction, params.error === 'access_denied' ? 'access_denied' : 'provider_error');
    // RFC 9207: when the provider names itself, it must be the one this transaction went to (mix-up defence).
    if (params.iss !== undefined && !provider.issuers.includes(params.iss)) return conclude(reply, id, transaction, 'invalid_issuer');
    if (!params.code) return conclude(reply, id, transaction, 'provider_error');
    try {
      const idToken = await exchangeCode(provider, params.code, transaction.code_verifier);
      const claims = await verifyIdToken(provider, idToken, transaction.nonce);
      const subject = String(claims.sub);
      const profile = profileOf(claims, params.user);
      if (!profile.firstName) {
        const known = await app.db.query<{ first_name: string }>('SELECT first_name FROM customers WHERE provider = $1 AND subject = $2', [id, subject]);
        profile.firstName = known.rows[0]?.first_name ?? '';
      }
      const customer = await upsertCustomer(app.db, id, subject, profile);
      await startSession(reply, app.db, customer.id, secure);
      return conclude(reply, id, transaction);
    } catch (error) {
      if (!(error instanceof LoginError)) throw error;
      request.log.warn({ provider: id, code: error.code }, `sign-in failed: ${error.message}`);
      return conclude(reply, id, transaction, error.code);
    }
  };

  const callbackSchema = {
    summary: "The provider's redirect back: checks state, exchanges the code, validates the ID token, starts the session",
    description:
      'Answers the popup with a page that posts `{type: "vitrine-login", provider, status, error?}` to the storefront origin of the transaction, ' +
      'or redirects back to the storefront page with `#vitrine-login=<provider>:<success|error code>`. Unknown, reused, expired or unbound state: 400, no session.',
    tags: ['sign-in'],
    params: providerParams,
  };
  app.get(
    '/auth/:provider/callback',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { ...callbackSchema, querystring: { type: 'object', additionalProperties: false, properties: callbackProperties } },
    },
    (request, reply) => callback(request, reply, request.query as CallbackParams),
  );
  app.post(
    '/auth/:provider/callback',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { ...callbackSchema, summary: `${callbackSchema.summary} (form_post, Apple)`, body: { type: 'object', additionalProperties: false, properties: callbackProperties } },
    },
    (request, reply) => callback(request, reply, request.body as CallbackParams),
  );

  app.get(
    '/v1/session',
    {
      schema: {
        summary: 'Who is signed in: `{status: "anonymous"}` or `{status: "signed-in", user}` (never a provider token)',
        tags: ['sign-in'],
        response: { 200: sessionSchema },
      },
    },
    async request => {
      const customer = await currentCustomer(request, app.db);
      if (!customer) return { status: 'anonymous' as const };
      return {
        status: 'signed-in' as const,
        user: { id: customer.id, firstName: customer.firstName, provider: customer.provider, ...(customer.avatarUrl ? { avatarUrl: customer.avatarUrl } : {}) },
      };
    },
  );

  app.post(
    '/v1/session/logout',
    {
      schema: {
        summary: 'Signs out: deletes the session and its cookie',
        tags: ['sign-in'],
        body: { type: 'object', additionalProperties: false, properties: {} },
        response: { 200: sessionSchema, 403: { $ref: 'Error#' } },
      },
    },
    async (request, reply) => {
      const origin = request.headers.origin;
      if (origin !== undefined && origin !== ownOrigin && !allowedOrigins.includes(origin)) {
        throw new ApiError(403, 'origin_not_allowed', 'Sign-out is only accepted from the storefront origins');
      }
      await endSession(request, reply, app.db);
      return { status: 'anonymous' as const };
    },
  );
}
