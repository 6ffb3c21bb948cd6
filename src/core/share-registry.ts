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
  /** SVG path data drawn on a 24×24 grid with `currentColor` and the even-odd fill rule (inner subpaths cut holes). */
  icon: string;
  /** Fields that must be filled for the network to be offered (Messenger needs `appId`). */
  requires?: Array<keyof ShareFields>;
}

/** Networks a merchant registered at run time, by id. */
export const $registeredShareNetworks = map<Record<string, ShareNetwork>>({});

const FIELDS = ['url', 'title', 'text', 'image', 'hashtags', 'via', 'appId'];

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
 */
export function registerShareNetwork(network: ShareNetwork): void {
  if (!isValid(network ?? {})) {
    warnOnce(
      `share-network:${network?.id}`,
      `registerShareNetwork(${JSON.stringify(network?.id)}): expected { id: "a-z0-9_-", name, url: "https://…", params: { name: "{url}" }, icon: "SVG path" }. Ignored.`,
    );
    return;
  }
  const { id, name, url, params, icon, requires } = network;
  $registeredShareNetworks.setKey(id, { id, name, url, params: { ...params }, icon, requires: requires && [...requires] });
}
