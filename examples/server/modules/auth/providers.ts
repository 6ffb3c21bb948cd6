import { SignJWT, importPKCS8 } from 'jose';

/** The sign-in providers the server knows; each is enabled by its environment variables. */
export const PROVIDER_IDS = ['google', 'facebook', 'apple', 'demo'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

export interface ProviderEndpoints {
  authorization: string;
  token: string;
  jwks: string;
}

/** One OpenID Connect provider, as the server talks to it (authorization code + PKCE, confidential client). */
export interface AuthProvider {
  id: ProviderId;
  /** The `iss` values its ID tokens may carry (Google uses two spellings). */
  issuers: string[];
  clientId: string;
  scope: string;
  /** Fixed endpoints, or undefined to read them from `<issuer>/.well-known/openid-configuration`. */
  endpoints?: ProviderEndpoints;
  /** Apple posts the response back (`form_post`) when the name scope is requested. */
  responseMode?: 'form_post';
  /** Send `ui_locales` so the provider's pages follow the shopper's language (demo provider). */
  uiLocales?: boolean;
  /** The redirect URI registered with the provider: a constant, `<PUBLIC_URL>/auth/<id>/callback`. */
  redirectUri: string;
  /** The client secret; Apple's is a short-lived ES256 JWT signed with the team's key. */
  clientSecret(): Promise<string>;
}

export interface AuthConfig {
  providers: Partial<Record<ProviderId, AuthProvider>>;
  /** Exact-match list of the redirect URIs registered with the providers (AUTH_REDIRECT_URIS). */
  redirectUris: string[];
}

const staticSecret = (secret: string) => async () => secret;

/**
 * Apple's client secret: a JWT (ES256, `kid` = key id) from the team to Apple, valid at most six months.
 * https://developer.apple.com/documentation/accountorganizationaldatasharing/creating-a-client-secret
 */
function appleClientSecret(teamId: string, keyId: string, clientId: string, privateKeyPem: string): () => Promise<string> {
  let cached: { value: string; expires: number } | undefined;
  return async () => {
    const now = Math.floor(Date.now() / 1000);
    if (cached && cached.expires - 300 > now) return cached.value;
    const key = await importPKCS8(privateKeyPem.replace(/\\n/g, '\n'), 'ES256');
    const value = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: keyId })
      .setIssuer(teamId)
      .setSubject(clientId)
      .setAudience('https://appleid.apple.com')
      .setIssuedAt(now)
      .setExpirationTime(now + 3600)
      .sign(key);
    cached = { value, expires: now + 3600 };
    return value;
  };
}

/**
 * Reads the providers from the environment. A provider is enabled when its client id and secret are set;
 * the demo provider when DEMO_IDP_ISSUER is (start.ts runs the local one when no real provider is configured).
 */
export function loadAuthConfig(env: NodeJS.ProcessEnv, publicUrl: string): AuthConfig {
  const redirectUri = (id: ProviderId) => `${publicUrl}/auth/${id}/callback`;
  const providers: AuthConfig['providers'] = {};
  if (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) {
    providers.google = {
      id: 'google',
      issuers: ['https://accounts.google.com', 'accounts.google.com'],
      clientId: env.GOOGLE_CLIENT_ID,
      scope: 'openid profile',
      endpoints: {
        authorization: 'https://accounts.google.com/o/oauth2/v2/auth',
        token: 'https://oauth2.googleapis.com/token',
        jwks: 'https://www.googleapis.com/oauth2/v3/certs',
      },
      redirectUri: redirectUri('google'),
      clientSecret: staticSecret(env.GOOGLE_CLIENT_SECRET),
    };
  }
  if (env.FACEBOOK_CLIENT_ID && env.FACEBOOK_CLIENT_SECRET) {
    const version = env.FACEBOOK_GRAPH_VERSION ?? 'v21.0';
    providers.facebook = {
      id: 'facebook',
      issuers: ['https://www.facebook.com'],
      clientId: env.FACEBOOK_CLIENT_ID,
      scope: 'openid public_profile',
      endpoints: {
        authorization: `https://www.facebook.com/${version}/dialog/oauth`,
        token: `https://graph.facebook.com/${version}/oauth/access_token`,
        jwks: 'https://www.facebook.com/.well-known/oauth/openid/jwks/',
      },
      redirectUri: redirectUri('facebook'),
      clientSecret: staticSecret(env.FACEBOOK_CLIENT_SECRET),
    };
  }
  if (env.APPLE_CLIENT_ID && env.APPLE_TEAM_ID && env.APPLE_KEY_ID && env.APPLE_PRIVATE_KEY) {
    providers.apple = {
      id: 'apple',
      issuers: ['https://appleid.apple.com'],
      clientId: env.APPLE_CLIENT_ID,
      scope: 'openid name',
      endpoints: {
        authorization: 'https://appleid.apple.com/auth/authorize',
        token: 'https://appleid.apple.com/auth/token',
        jwks: 'https://appleid.apple.com/auth/keys',
      },
      responseMode: 'form_post',
      redirectUri: redirectUri('apple'),
      clientSecret: appleClientSecret(env.APPLE_TEAM_ID, env.APPLE_KEY_ID, env.APPLE_CLIENT_ID, env.APPLE_PRIVATE_KEY),
    };
  }
  if (env.DEMO_IDP_ISSUER && env.DEMO_IDP_CLIENT_ID && env.DEMO_IDP_CLIENT_SECRET) {
    providers.demo = {
      id: 'demo',
      issuers: [env.DEMO_IDP_ISSUER],
      clientId: env.DEMO_IDP_CLIENT_ID,
      scope: 'openid profile',
      uiLocales: true,
      redirectUri: redirectUri('demo'),
      clientSecret: staticSecret(env.DEMO_IDP_CLIENT_SECRET),
    };
  }
  const configured = Object.values(providers).map(provider => provider.redirectUri);
  const redirectUris = env.AUTH_REDIRECT_URIS
    ? env.AUTH_REDIRECT_URIS.split(',').map(uri => uri.trim()).filter(Boolean)
    : configured;
  for (const uri of configured) {
    if (!redirectUris.includes(uri)) {
      throw new Error(`AUTH_REDIRECT_URIS does not list ${uri}: register it with the provider and add it, or fix PUBLIC_URL`);
    }
  }
  return { providers, redirectUris };
}

/** True when a real provider (not the local demo) is configured. */
export function hasRealProvider(env: NodeJS.ProcessEnv): boolean {
  return Boolean(
    (env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) ||
      (env.FACEBOOK_CLIENT_ID && env.FACEBOOK_CLIENT_SECRET) ||
      (env.APPLE_CLIENT_ID && env.APPLE_TEAM_ID && env.APPLE_KEY_ID && env.APPLE_PRIVATE_KEY),
  );
}
