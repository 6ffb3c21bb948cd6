import { SHARE_ID_PARAM } from './share-registry.js';
import { track } from '../../core/track.js';

/**
 * When the page was reached through a shared link, reports `share_visit` with
 * that share's id, then takes the id out of the address bar (replaceState, no
 * reload) so a bookmark or a re-share of this page does not count again.
 * UTM parameters stay for the site's other analytics.
 */
export function recordShareVisit(): void {
  const address = new URL(location.href);
  const shareId = address.searchParams.get(SHARE_ID_PARAM);
  if (shareId === null) return;
  address.searchParams.delete(SHARE_ID_PARAM);
  history.replaceState(history.state, '', address.href);
  if (!/^[0-9A-Za-z]{8,32}$/.test(shareId)) return;
  const network = address.searchParams.get('utm_source') ?? '';
  track('share_visit', { shareId, network: /^[a-z0-9_-]{1,32}$/.test(network) ? network : undefined });
}
