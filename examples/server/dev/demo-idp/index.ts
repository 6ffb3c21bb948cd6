import { randomBytes } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type OidcContext } from 'oidc-provider';

/** The demo shopper: one click signs in, no password. */
export const DEMO_ACCOUNT = { sub: 'demo-camille', given_name: 'Camille', family_name: 'Martin', name: 'Camille Martin' } as const;

export interface DemoIdp {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export interface DemoIdpOptions {
  /** The exact redirect URIs registered for the client (the server's `/auth/demo/callback`). */
  redirectUris: string[];
  host?: string;
  /** 0: an ephemeral port. */
  port?: number;
}

const text = {
  fr: {
    title: 'Vitrine Démo ID',
    intro: 'Compte de démonstration : aucun mot de passe, aucune donnée réelle.',
    asks: (client: string) => `${client} souhaite connaître votre prénom.`,
    continue: 'Continuer en tant que Camille',
    cancel: 'Refuser',
  },
  en: {
    title: 'Vitrine Demo ID',
    intro: 'Demo account: no password, no real data.',
    asks: (client: string) => `${client} would like to know your first name.`,
    continue: 'Continue as Camille',
    cancel: 'Cancel',
  },
};

const PAGE_STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;margin:0;display:grid;place-items:center;min-height:100vh;background:#f6f3ee;color:#1f1f1f}' +
  'main{background:#fff;padding:2rem;border-radius:12px;max-width:22rem;box-shadow:0 2px 12px #0002}h1{font-size:1.25rem;margin:0 0 .5rem}' +
  'form{margin-top:1rem}button{font:inherit;width:100%;padding:.7rem 1rem;border-radius:8px;border:1px solid #1f1f1f;cursor:pointer}' +
  '.primary{background:#1f1f1f;color:#fff}.secondary{background:#fff;color:#1f1f1f}';

/**
 * A real OpenID Connect provider (panva's `oidc-provider`, certified) on 127.0.0.1, so the demo and the
 * tests run the whole sign-in flow with no external account: code flow only, PKCE S256 required,
 * exact redirect URIs, a fresh RS256 key per run, and a one-click "Continue as Camille" page.
 */
export async function startDemoIdp({ redirectUris, host = '127.0.0.1', port = 0 }: DemoIdpOptions): Promise<DemoIdp> {
  const clientId = 'vitrine-demo';
  const clientSecret = randomBytes(32).toString('base64url');
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };

  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>(resolve => server.listen(port, host, resolve));
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        client_name: 'Maison Lumière',
        redirect_uris: redirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], profile: ['name', 'given_name', 'family_name'] },
    // Profile claims in the ID token itself: the server never calls userinfo.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    findAccount: async (_ctx: unknown, sub: string) =>
      sub === DEMO_ACCOUNT.sub ? { accountId: sub, claims: async () => ({ ...DEMO_ACCOUNT }) } : undefined,
    // A first-party demo client: the shopper's click is the consent, no second screen.
    loadExistingGrant: async (ctx: OidcContext) => {
      const { client, session, result, provider: op } = ctx.oidc;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return op.Grant.find(grantId);
      if (!session.accountId) return undefined;
      const grant = new op.Grant({ accountId: session.accountId, clientId: client.clientId });
      grant.addOIDCScope('openid profile');
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
  });
  const oidc = provider.callback();

  const interaction = async (req: IncomingMessage, res: ServerResponse, uid: string, action: string | undefined) => {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    if (req.method === 'POST' && action === 'login') {
      return provider.interactionFinished(req, res, { login: { accountId: DEMO_ACCOUNT.sub } }, { mergeWithLastSubmission: false });
    }
    if (req.method === 'POST' && action === 'abort') {
      return provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'The shopper declined' }, { mergeWithLastSubmission: false });
    }
    const locale = String(details.params.ui_locales ?? '').startsWith('en') ? 'en' : 'fr';
    const t = text[locale];
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'",
    });
    res.end(
      `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
        `<title>${t.title}</title><style>${PAGE_STYLE}</style></head><body><main><h1>${t.title}</h1><p>${t.intro}</p><p>${t.asks('Maison Lumière')}</p>` +
        `<form method="post" action="/interaction/${uid}/login"><button class="primary" type="submit">${t.continue}</button></form>` +
        `<form method="post" action="/interaction/${uid}/abort"><button class="secondary" type="submit">${t.cancel}</button></form></main></body></html>`,
    );
  };

  handler = (req, res) => {
    const match = /^\/interaction\/([\w-]+)(?:\/(login|abort))?$/.exec(new URL(req.url ?? '/', issuer).pathname);
    if (!match) return oidc(req, res);
    interaction(req, res, match[1], match[2]).catch(() => {
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('This sign-in has expired. Close this window and try again.');
    });
  };

  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
