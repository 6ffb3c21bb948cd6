import { atom } from 'nanostores';

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

/** Networks a merchant registered at run time (checked by `registerShareNetwork`), by id. */
// An atom, not nanostores' map: the map module would weigh on every share page for a store that changes once or twice.
export const $registeredShareNetworks = atom<Record<string, ShareNetwork>>({});

/** The query parameter carrying a share's id in the links Vitrine shares. */
export const SHARE_ID_PARAM = 'vt_sid';
