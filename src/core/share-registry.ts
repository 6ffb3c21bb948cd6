import { map } from 'nanostores';
import { safeUrl } from './url.js';
import { warnOnce } from './warn.js';

/** The fields a network's parameter templates may use, each as `{field}`. */
export interface ShareFields {
  /** The shared address, with its attribution parameters. */
  url: string;
  title: string;
  text: string;
  /** Absolute URL of the product image (Pinterest's `media`). */
  image: string;
  /** Hashtags without `#`, comma-separated. */
  hashtags: string;
  /** An account to credit, without `@` (X's `via`). */
  via: string;
  /** The page's Facebook app id (Messenger's send dialog). */
  appId: string;
}

/**
 * One share target described as data: the intent address and how the shared
 * fields fill its query string. Adding a network needs no code and no release.
 */
export interface ShareNetwork {
  /** Short id: the value in `networks="…"` and the shared link's `utm_source`. */
  id: string;
  /** Brand name, shown in labels ("Share on {name}"). */
  name: string;
  /** The intent address before the query string: `https://…`, or `mailto:` for email. */
  url: string;
  /** Query parameter → template such as `"{text} {url}"`; a parameter whose template fills to nothing is left out. */
  params: Record<string, string>;
  /** SVG path data drawn on a 24×24 grid with `currentColor`. */
  icon: string;
  /** Fields that must be filled for the network to be offered (Messenger needs `appId`). */
  requires?: Array<keyof ShareFields>;
}

/** Networks a merchant registered at run time, by id. */
export const $registeredShareNetworks = map<Record<string, ShareNetwork>>({});

const FIELDS = ['url', 'title', 'text', 'image', 'hashtags', 'via', 'appId'];

function invalid(network: Partial<ShareNetwork>): string | undefined {
  if (typeof network.id !== 'string' || !/^[a-z][a-z0-9_-]{0,31}$/.test(network.id)) return 'id: lowercase letters, digits, - or _';
  if (typeof network.name !== 'string' || !network.name.trim()) return 'name: the brand name';
  if (!safeUrl(network.url) || !/^https?:\/\//i.test(network.url ?? '')) return 'url: an absolute http(s) address';
  if (!network.params || Object.values(network.params).some(value => typeof value !== 'string')) return 'params: { parameter: "template with {url} {title} {text}…" }';
  if (typeof network.icon !== 'string' || !/^[MmZzLlHhVvCcSsQqTtAa0-9.,\s-]+$/.test(network.icon)) return 'icon: SVG path data on a 24×24 grid';
  if (network.requires?.some(field => !FIELDS.includes(field))) return `requires: some of ${FIELDS.join(', ')}`;
  return undefined;
}

/**
 * Adds a share network (or replaces one registered earlier) without a release:
 * `Vitrine.registerShareNetwork({ id: 'mastodon', name: 'Mastodon', url: 'https://mastodon.social/share', params: { text: '{text} {url}' }, icon: 'M…' })`.
 * Then list its id in `networks="…"`. A malformed description gets one warning and is ignored.
 */
export function registerShareNetwork(network: ShareNetwork): void {
  const problem = invalid(network ?? {});
  if (problem) {
    warnOnce(`share-network:${String(network?.id)}`, `registerShareNetwork(): invalid network description, expected ${problem}. Ignored.`);
    return;
  }
  const { id, name, url, params, icon, requires } = network;
  $registeredShareNetworks.setKey(id, { id, name, url, params: { ...params }, icon, requires: requires && [...requires] });
}
