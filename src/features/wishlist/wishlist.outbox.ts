import { inBrowser } from '../../core/environment.js';
import { HttpError, request } from '../../core/http.js';
import { list, ownerHeaders, publish, setOwner, setServer, url, write } from './wishlist.store.js';
import type { Op, Owner, ServerList } from './wishlist.types.js';

let draining: Promise<void> | undefined;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let attempt = 0;
/** Confirmed keys remembered: more than the changes a stream's messages can lag behind. */
const CONFIRMED_KEPT = 20;

/** Sends one change; answers the server's list (and a new owner when the list was created or merged). */
async function send(op: Op): Promise<{ wishlist: ServerList; owner?: Owner } | undefined> {
  if (op.kind === 'merge') {
    const answer = await request<{ wishlist: ServerList; ownerToken: string }>(url('v1/wishlists/merge'), {
      method: 'POST',
      headers: ownerHeaders(op.key),
      credentials: 'include',
    });
    return { wishlist: answer.wishlist, owner: { id: answer.wishlist.id, token: answer.ownerToken, customer: op.customer } };
  }
  const item = { productId: op.productId, ...(op.variant ? { variant: op.variant } : {}) };
  const { owner } = list;
  if (!owner) {
    if (op.kind === 'remove') return undefined;
    const answer = await request<{ wishlist: ServerList; ownerToken: string }>(url('v1/wishlists'), {
      json: { items: [item] },
      headers: ownerHeaders(op.key),
    });
    return { wishlist: answer.wishlist, owner: { id: answer.wishlist.id, token: answer.ownerToken } };
  }
  const path = `v1/wishlists/${owner.id}/items`;
  return request<{ wishlist: ServerList }>(
    op.kind === 'add' ? url(path) : url(`${path}/${encodeURIComponent(op.productId)}${op.variant ? `?variant=${encodeURIComponent(op.variant)}` : ''}`),
    op.kind === 'add' ? { json: item, headers: ownerHeaders(op.key) } : { method: 'DELETE', headers: ownerHeaders(op.key) },
  );
}

async function drain(): Promise<void> {
  clearTimeout(retryTimer);
  const run = list.generation;
  // The answer to a change is the whole list: after one, reading it again would bring nothing new.
  let answered = false;
  while (list.outbox.length) {
    const op = list.outbox[0];
    try {
      const answer = await send(op);
      if (run !== list.generation) return;
      if (answer?.owner) setOwner(answer.owner);
      if (answer) setServer(answer.wishlist);
      answered ||= answer !== undefined;
      list.confirmed = [...list.confirmed.slice(-(CONFIRMED_KEPT - 1)), op.key];
      list.error = undefined;
    } catch (failure) {
      if (run !== list.generation) return;
      const code = failure instanceof HttpError ? failure.code : 'network';
      list.error = code;
      if (failure instanceof HttpError && (failure.status === 401 || failure.status === 403) && op.kind !== 'merge') {
        // The list is gone or no longer ours: the next attempt starts a new one with this change.
        setOwner(undefined);
        continue;
      }
      if (!(failure instanceof HttpError) || failure.retryable || failure.status === 409) {
        publish();
        const delay = failure instanceof HttpError && failure.retryAfter !== undefined ? failure.retryAfter * 1000 : Math.min(60_000, 1000 * 2 ** attempt);
        attempt++;
        retryTimer = setTimeout(() => void syncWishlist(), delay * (0.75 + Math.random() / 4));
        return;
      }
      // Refused for good (unknown product…): roll the change back and tell the shopper.
    }
    list.outbox = list.outbox.filter(entry => entry.key !== op.key);
    write('outbox', list.outbox);
    publish();
  }
  attempt = 0;
  if (list.owner && !answered) await refreshWishlist().catch(() => undefined);
  publish();
}

/** Sends the outbox now (also on `online`, on load, and with backoff after a failure). */
export function syncWishlist(): Promise<void> {
  if (!inBrowser()) return Promise.resolve();
  return (draining ??= drain().finally(() => (draining = undefined)));
}

/** Keeps a change in the outbox, shows it at once, and sends it. */
export function enqueue(op: Op): void {
  list.outbox.push(op);
  write('outbox', list.outbox);
  list.error = undefined;
  publish();
  void syncWishlist();
}

/** Re-reads the list from the server (with If-None-Match: an unchanged list costs a 304). */
export async function refreshWishlist(): Promise<void> {
  const { owner } = list;
  if (!owner) return;
  const run = list.generation;
  const response = await fetch(url(`v1/wishlists/${owner.id}`), { headers: { ...ownerHeaders(), 'if-none-match': list.etag, accept: 'application/json' } });
  if (response.status === 304 || run !== list.generation) return;
  if (!response.ok) throw new HttpError(response.status, `http_${response.status}`, response.statusText);
  list.etag = response.headers.get('etag') ?? '';
  const { wishlist } = (await response.json()) as { wishlist: ServerList };
  if (run !== list.generation) return;
  setServer(wishlist);
  if (!draining) publish();
}

/** For the tests' store cleaner only: no retry left pending. */
export function stopRetrying(): void {
  clearTimeout(retryTimer);
  attempt = 0;
}
