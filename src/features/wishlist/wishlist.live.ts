import { refreshWishlist } from './wishlist.outbox.js';
import { $wishlist, list, ownerHeaders, publish, setServer, url } from './wishlist.store.js';
import type { WishlistVoteNotice } from './wishlist.types.js';

/**
 * A friend's vote carries the item's new tally: it changes in place, with no read. A vote with a comment or a
 * first name changes the comments too, which only a read brings.
 */
function applyTally(notice: WishlistVoteNotice): boolean {
  const { server } = list;
  const { votes } = notice;
  if (!server || !votes || notice.comment || notice.firstName || !server.items.some(item => item.id === notice.itemId)) return false;
  setServer({ ...server, items: server.items.map(item => (item.id === notice.itemId ? { ...item, votes } : item)) });
  publish();
  return true;
}

/** A change this page made itself (its answer was the list): the stream's news of it is not news. */
const isOwnChange = (key: unknown) => typeof key === 'string' && (list.confirmed.includes(key) || list.outbox.some(op => op.key === key));

/**
 * Keeps the list live for its owner while `<vitrine-wishlist>` is on the page: Server-Sent Events read with
 * fetch() (EventSource cannot send the owner token as a header), falling back to If-None-Match polling
 * whenever the stream is unavailable. Returns the stop function.
 */
export function watchWishlist(onVote: (notice: WishlistVoteNotice) => void, pollMs = 15_000): () => void {
  const controller = new AbortController();
  // Sleeps `ms`, or until the list gets its server id (first add), or until stopped.
  const wait = (ms: number) =>
    new Promise<void>(resolve => {
      const done = () => {
        clearTimeout(timer);
        unlisten();
        controller.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      const unlisten = list.owner ? () => undefined : $wishlist.listen(state => void (state.id && done()));
      controller.signal.addEventListener('abort', done);
    });
  // Bursts of events make one request at a time (plus one more if something arrived meanwhile).
  let pulling: Promise<void> | undefined;
  let again = false;
  const pull = (): void => {
    if (pulling) {
      again = true;
      return;
    }
    pulling = refreshWishlist()
      .catch(() => undefined)
      .finally(() => {
        pulling = undefined;
        if (!again) return;
        again = false;
        pull();
      });
  };
  void (async () => {
    while (!controller.signal.aborted) {
      if (list.owner) {
        try {
          const response = await fetch(url(`v1/wishlists/${list.owner.id}/events`), {
            headers: { ...ownerHeaders(), accept: 'text/event-stream' },
            signal: controller.signal,
          });
          if (response.ok && response.body) {
            await refreshWishlist();
            const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
            let buffer = '';
            for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
              buffer += chunk.value;
              for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
                const block = buffer.slice(0, end);
                buffer = buffer.slice(end + 2);
                const event = /^event: (\w+)/m.exec(block)?.[1];
                if (!event) continue;
                const data = JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? '{}') as Record<string, unknown>;
                if (event === 'vote') {
                  // A read already on its way may have left before this vote: read again after it.
                  if (!applyTally(data as unknown as WishlistVoteNotice) || pulling) pull();
                  onVote(data as unknown as WishlistVoteNotice);
                } else if (!isOwnChange(data.key)) pull();
              }
            }
          }
        } catch {
          // Stream refused, cut or unsupported: poll below, then try streaming again.
        }
        if (controller.signal.aborted) return;
        await refreshWishlist().catch(() => undefined);
      }
      await wait(pollMs);
    }
  })();
  return () => controller.abort();
}
