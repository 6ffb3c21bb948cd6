import { request } from '../../core/http.js';
import { uuid } from '../../core/track.js';
import { list, ownerHeaders, publish, setServer, url } from './wishlist.store.js';
import type { ServerList, VoteBurst } from './wishlist.types.js';

/** The owner's list's suspicious bursts of new voters (none before the list exists on the server). */
export async function fetchVoteBursts(): Promise<VoteBurst[]> {
  if (!list.owner) return [];
  return (await request<{ bursts: VoteBurst[] }>(url(`v1/wishlists/${list.owner.id}/bursts`), { headers: ownerHeaders() })).bursts;
}

/** Removes a burst's votes; the list shows the new tallies. Answers how many votes were removed. */
export async function removeVoteBurst(burstId: string): Promise<number> {
  if (!list.owner) return 0;
  const answer = await request<{ wishlist: ServerList; removedVotes: number }>(url(`v1/wishlists/${list.owner.id}/bursts/${encodeURIComponent(burstId)}`), {
    method: 'DELETE',
    headers: ownerHeaders(uuid()),
  });
  setServer(answer.wishlist);
  publish();
  return answer.removedVotes;
}
