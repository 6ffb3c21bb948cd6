import { createHash, randomBytes } from 'node:crypto';
import { type JWTPayload, createRemoteJWKSet, jwtVerify } from 'jose';
import type { AuthProvider, ProviderEndpoints } from './providers.js';

/** A sign-in failure with the code the widget shows (never a token or the code in the message). */
export class LoginError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** 256 bits from the CSPRNG, base64url: 43 characters of `[A-Za-z0-9_-]`, valid as a PKCE verifier (RFC 7636 §4.1). */
export const randomToken = (): string => randomBytes(32).toString('base64url');

/** PKCE S256: BASE64URL(SHA-256(verifier)), no padding. `plain` is never used. */
export const pkceChallenge = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

/** What is stored instead of a secret that only needs comparing (state, binding cookie). */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('base64url');

const discovered = new Map<string, Promise<ProviderEndpoints>>();
const jwksSets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** The provider's endpoints: fixed, or from its discovery document (whose `issuer` must match exactly). */
export function endpointsOf(provider: AuthProvider): Promise<ProviderEndpoints> {
  if (provider.endpoints) return Promise.resolve(provider.endpoints);
  const issuer = provider.issuers[0];
  let pending = discovered.get(issuer);
  if (!pending) {
    pending = (async () => {
      let response: Response;
      try {
        response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(10_000) });
      } catch {
        throw new LoginError('provider_unreachable', 'the discovery document did not load');
      }
      if (!response.ok) throw new LoginError('provider_unreachable', `discovery answered ${response.status}`);
      const metadata = (await response.json().catch(() => ({}))) as Record<string, unknown>;
      if (metadata.issuer !== issuer) throw new LoginError('provider_error', `discovery issuer ${String(metadata.issuer)} is not ${issuer}`);
      const { authorization_endpoint: authorization, token_endpoint: token, jwks_uri: jwks } = metadata;
      if (typeof authorization !== 'string' || typeof token !== 'string' || typeof jwks !== 'string') {
        throw new LoginError('provider_error', 'discovery document lacks endpoints');
      }
      return { authorization, token, jwks };
    })();
    discovered.set(issuer, pending);
    pending.catch(() => discovered.delete(issuer));
  }
  return pending;
}

/** Exchanges the code at the token endpoint with the client secret and the PKCE verifier; returns the ID token. */
export async function exchangeCode(provider: AuthProvider, code: string, verifier: string): Promise<string> {
  const { token } = await endpointsOf(provider);
  let secret: string;
  try {
    secret = await provider.clientSecret();
  } catch {
    throw new LoginError('provider_error', 'the client secret could not be made (check APPLE_PRIVATE_KEY)');
  }
  let response: Response;
  try {
    response = await fetch(token, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: provider.redirectUri,
        code_verifier: verifier,
        client_id: provider.clientId,
        client_secret: secret,
      }),
      signal: AbortSignal.timeout(10_000),
    });
  } catch {
    throw new LoginError('provider_unreachable', 'the token endpoint did not answer');
  }
  const body = (await response.json().catch(() => ({}))) as { id_token?: unknown; error?: unknown };
  if (!response.ok) {
    throw new LoginError('code_rejected', `the token endpoint refused the code (${typeof body.error === 'string' ? body.error : response.status})`);
  }
  if (typeof body.id_token !== 'string') throw new LoginError('invalid_token', 'the token response has no id_token');
  return body.id_token;
}

/**
 * Validates the ID token before anything reads it: signature against the provider's JWKS (RS256/ES256 only,
 * so `none` and HS* fail), `iss`, `aud` (+ `azp` when several audiences), `exp`/`iat` with 60 s of skew,
 * and `nonce` equal to this transaction's.
 */
export async function verifyIdToken(provider: AuthProvider, idToken: string, nonce: string): Promise<JWTPayload> {
  const { jwks } = await endpointsOf(provider);
  let keySet = jwksSets.get(jwks);
  if (!keySet) jwksSets.set(jwks, (keySet = createRemoteJWKSet(new URL(jwks))));
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, keySet, {
      issuer: provider.issuers,
      audience: provider.clientId,
      algorithms: ['RS256', 'ES256'],
      clockTolerance: 60,
      requiredClaims: ['sub', 'exp', 'iat', 'nonce'],
    }));
  } catch (error) {
    throw new LoginError('invalid_token', `ID token rejected: ${error instanceof Error ? error.message : 'invalid'}`);
  }
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== provider.clientId) {
    throw new LoginError('invalid_token', 'ID token has several audiences and azp is not this client');
  }
  if (payload.nonce !== nonce) throw new LoginError('invalid_token', 'ID token nonce does not match this sign-in');
  return payload;
}
