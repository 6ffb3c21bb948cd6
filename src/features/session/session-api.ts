import { $config } from '../../core/config.js';
import { apiUrl, request } from '../../core/http.js';
import { $session, type Session } from './session.js';

// Kept apart from the $session store: the event pipeline reads the store on every page, and must not carry the HTTP client.
/** An API URL for `path`, with the configured base resolved against the page (it may be relative, like `/`). */
const sessionUrl = (path: string): string => apiUrl(new URL($config.get().api, location.href).href, path);

let inFlight: Promise<Session> | undefined;

/**
 * Asks the API who is signed in (`GET /v1/session`, with the HttpOnly session cookie) and sets `$session`.
 * Concurrent calls share one request. On failure it rejects with the `HttpError`; an `unknown`
 * session becomes `anonymous` so widgets stop waiting, a known one is kept.
 */
export function fetchSession(): Promise<Session> {
  inFlight ??= request<Session>(sessionUrl('v1/session'), { credentials: 'include' })
    .then(
      body => {
        const session: Session =
          body?.status === 'signed-in' && typeof body.user?.id === 'string' && typeof body.user.firstName === 'string' ? body : { status: 'anonymous' };
        $session.set(session);
        return session;
      },
      error => {
        if ($session.get().status === 'unknown') $session.set({ status: 'anonymous' });
        throw error;
      },
    )
    .finally(() => (inFlight = undefined));
  return inFlight;
}

/** Signs out on the server (`POST /v1/session/logout`), then sets `$session` to anonymous. Rejects with an `HttpError`. */
export async function signOut(): Promise<void> {
  await request(sessionUrl('v1/session/logout'), { json: {}, credentials: 'include' });
  $session.set({ status: 'anonymous' });
}
