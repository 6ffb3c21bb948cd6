import type { ShareFields, ShareNetwork } from './share-registry.js';
import { $registeredShareNetworks } from './share-registry.js';
import { safeUrl } from '../../core/url.js';
import { warnOnce } from '../../core/warn.js';

const FIELDS: ReadonlyArray<keyof ShareFields> = ['url', 'title', 'text', 'image', 'hashtags', 'via', 'appId'];

const isValid = ({ id, name, url, params, icon, requires }: Partial<ShareNetwork>) =>
  /^[a-z][a-z0-9_-]{0,31}$/.test(String(id)) &&
  typeof name === 'string' &&
  /^https?:\/\//i.test(String(url)) &&
  !!safeUrl(url) &&
  typeof params === 'object' &&
  Object.values(params).every(value => typeof value === 'string') &&
  /^[MmZzLlHhVvCcSsQqTtAa0-9.,\s-]+$/.test(String(icon)) &&
  (requires ?? []).every(field => FIELDS.includes(field));

/**
 * Adds a share network (or replaces one registered earlier) without a release:
 * `Vitrine.registerShareNetwork({ id: 'mastodon', name: 'Mastodon', url: 'https://mastodon.social/share', params: { text: '{text} {url}' }, icon: 'M…' })`.
 * Then list its id in `networks="…"`. A malformed description gets one warning and is ignored.
 * Its own module: the script tag loads it only when a page calls it.
 */
export function registerShareNetwork(network: ShareNetwork): void {
  if (isValid(network ?? {})) {
    $registeredShareNetworks.set({ ...$registeredShareNetworks.get(), [network.id]: network });
    return;
  }
  warnOnce(
    `share-network:${network?.id}`,
    `registerShareNetwork(${JSON.stringify(network?.id)}): expected { id: "a-z0-9_-", name, url: "https://…", params: { name: "{url}" }, icon: "SVG path" }. Ignored.`,
  );
}
