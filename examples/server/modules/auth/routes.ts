import { readFileSync } from 'node:fs';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AUTH_RATE_LIMIT } from '../../limits.js';
import { ApiError } from '../../plugins/errors.js';
import { perWindow } from '../../plugins/rate-limit.js';
import { type FromShared, typed } from '../../plugins/type-provider.js';
import { type PageLocale, message, pageLocale, render } from '../../pages/render.js';
import { LoginError, endpointsOf, exchangeCode, pkceChallenge, randomToken, sha256, verifyIdToken } from './oidc-client.js';
import { PROVIDER_IDS, type ProviderId } from './providers.js';
import { AuthRepository, TRANSACTION_MINUTES, type Transaction } from './repository.js';
import { callbackFields, callbackSchema, logoutSchema, popupScriptSchema, sessionRouteSchema, startSchema } from './schemas.js';
import { currentCustomer, endSession, startSession } from './session.js';

const POPUP_SCRIPT = readFileSync(new URL('./popup.js', import.meta.url), 'utf8');
/** Binds a transaction to the browser that started it (login CSRF): only its hash is stored. */
const BINDING_COOKIE = 'vitrine_auth';

type CallbackParams = FromShared<typeof callbackFields>;
/** Where a sign-in goes back to: the storefront page or popup, in the shopper's language. */
type ReturnTo = Pick<Transaction, 'mode' | 'return_origin' | 'return_to' | 'locale'>;

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
export async function authRoutes(root: FastifyInstance): Promise<void> {
  const app = typed(root);
  const { auth, allowedOrigins, publicUrl } = app.serverConfig;
  const secure = publicUrl.startsWith('https:');
  const ownOrigin = new URL(publicUrl).origin;
  const transactions = new AuthRepository(app.db);

  // Apple answers with form_post.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  // Every route of this plugin, pages and JSON alike: the sign-in headers (no store, no Referer, the page CSP).
  app.addHook('onRoute', route => {
    route.config = { ...route.config, securityHeaders: 'signIn' };
  });

  const knownProvider = (id: string): ProviderId => {
    if (!(PROVIDER_IDS as readonly string[]).includes(id)) throw new ApiError(404, 'unknown_provider', `No sign-in provider "${id}"; known: ${PROVIDER_IDS.join(', ')}`);
    return id as ProviderId;
  };

  const page = (reply: FastifyReply, status: number, locale: PageLocale, kind: 'success' | 'error' | 'invalid', post?: { origin: string; provider: string; error?: string }) => {
    const data = post
      ? render('sign-in-data', { origin: post.origin, provider: post.provider, status: kind === 'success' ? 'success' : 'error' }) +
        (post.error ? render('sign-in-error', { error: post.error }) : '')
      : '';
    return reply
      .status(status)
      .type('text/html; charset=utf-8')
      .send(
        render('sign-in', {
          lang: locale,
          title: message(locale, `signIn.${kind}.title`),
          message: message(locale, `signIn.${kind}.message`),
          close: message(locale, 'signIn.close'),
          data,
        }),
      );
  };

  /** Ends a transaction that passed the state check: back to the storefront, in the popup or by redirect. */
  const conclude = (reply: FastifyReply, provider: ProviderId, transaction: ReturnTo, error?: string) => {
    if (transaction.mode === 'redirect' && transaction.return_to) {
      return reply.redirect(`${transaction.return_to}#vitrine-login=${provider}:${error ?? 'success'}`, 303);
    }
    return page(reply, error ? 400 : 200, transaction.locale, error ? 'error' : 'success', { origin: transaction.return_origin, provider, error });
  };

  app.get('/auth/popup.js', { schema: popupScriptSchema }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=300').send(POPUP_SCRIPT),
  );

  app.get(
    '/auth/:provider/start',
    {
      config: perWindow(AUTH_RATE_LIMIT),
      schema: startSchema,
    },
    async (request, reply) => {
      const id = knownProvider(request.params.provider);
      const { query } = request;
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
      const transaction: ReturnTo = { mode: query.mode, return_origin: returnOrigin, return_to: returnTo, locale: query.lang };
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
      await transactions.startTransaction(sha256(state), id, {
        binding_hash: sha256(binding),
        code_verifier: verifier,
        nonce,
        mode: query.mode,
        return_origin: returnOrigin,
        return_to: returnTo,
        locale: query.lang,
      });
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

  const callback = async (request: FastifyRequest, reply: FastifyReply, providerName: string, params: CallbackParams) => {
    const id = knownProvider(providerName);
    const provider = auth.providers[id];
    const locale = pageLocale(request.headers['accept-language']);
    if (!provider || !params.state) return page(reply, 400, locale, 'invalid');
    const transaction = await transactions.consumeTransaction(sha256(params.state), id);
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
        profile.firstName = await transactions.knownFirstName(id, subject);
      }
      const customer = await transactions.upsertCustomer(id, subject, profile);
      await startSession(reply, app.db, customer.id, secure);
      return conclude(reply, id, transaction);
    } catch (error) {
      if (!(error instanceof LoginError)) throw error;
      request.log.warn({ provider: id, code: error.code }, `sign-in failed: ${error.message}`);
      return conclude(reply, id, transaction, error.code);
    }
  };

  app.get(
    '/auth/:provider/callback',
    { config: perWindow(AUTH_RATE_LIMIT), schema: { ...callbackSchema, querystring: callbackFields } },
    (request, reply) => callback(request, reply, request.params.provider, request.query),
  );
  app.post(
    '/auth/:provider/callback',
    { config: perWindow(AUTH_RATE_LIMIT), schema: { ...callbackSchema, summary: `${callbackSchema.summary} (form_post, Apple)`, body: callbackFields } },
    (request, reply) => callback(request, reply, request.params.provider, request.body),
  );

  app.get('/v1/session', { schema: sessionRouteSchema }, async request => {
    const customer = await currentCustomer(request, app.db);
    if (!customer) return { status: 'anonymous' as const };
    return {
      status: 'signed-in' as const,
      user: { id: customer.id, firstName: customer.firstName, provider: customer.provider, ...(customer.avatarUrl ? { avatarUrl: customer.avatarUrl } : {}) },
    };
  });

  app.post('/v1/session/logout', { schema: logoutSchema }, async (request, reply) => {
    const origin = request.headers.origin;
    if (origin !== undefined && origin !== ownOrigin && !allowedOrigins.includes(origin)) {
      throw new ApiError(403, 'origin_not_allowed', 'Sign-out is only accepted from the storefront origins');
    }
    await endSession(request, reply, app.db);
    return { status: 'anonymous' as const };
  });
}
