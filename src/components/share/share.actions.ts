import type { LocalizeController } from '../../core/localize-controller.js';
import { track } from '../../core/track.js';
import { safeUrl } from '../../core/url.js';
import type { PageProduct } from '../../features/product/page-product.js';
import { readPageProduct } from '../../features/product/page-product.js';
import { intentUrl } from '../../features/share/share-intent.js';
import { attributedUrl, newShareId } from '../../features/share/share-link.js';
import type { ShareNetwork } from '../../features/share/share-registry.js';
import type { ShareMessages } from './share.i18n.js';
import { VitrineShareEvent } from './share.events.js';

// What <vitrine-share> does once clicked, in a chunk of its own: the buttons draw without it, and the element
// fetches it when the page is idle after its first render (or on the first click, if that comes sooner).

/** The pseudo-network that copies the link. */
const COPY_LINK = 'copy';
const TAG = 'vitrine-share';

/** What the actions read from the element, and how they change what it shows. */
export interface ShareHost {
  element: HTMLElement & { url: string; title: string; text: string; image: string; hashtags: string; via: string; placement: string; layout: string; updateComplete: Promise<boolean> };
  i18n: LocalizeController<ShareMessages>;
  /** Sets the element's state (it renders again). */
  set(state: Partial<{ menuOpen: boolean; nativeRefused: boolean; status: string; manualCopy: string }>): void;
  /** Shows `url` in the field for copying by hand, focused and selected. */
  copyByHand(url: string): Promise<void>;
}

/** How long "Link copied" stays on screen. */
const STATUS_MS = 4000;
/** Each element's "Link copied" timer, so a second copy restarts it. */
const statusTimers = new WeakMap<object, number>();

/** What a share sends, as the host page left it after the `vitrine-share` event. */
interface ShareRequest {
  url: string;
  title: string;
  text: string;
  /** Absolute http(s) URL of the product image, if any. */
  image?: string;
}

/**
 * Shares through `network`: builds what it shares, read fresh from the page
 * (the address may have changed since the last render), asks the host page
 * through the cancelable `vitrine-share` event, runs `send` with what the host
 * kept, and reports the share once `send` says it happened.
 */
async function share(
  { element, i18n }: ShareHost,
  network: string,
  send: (request: ShareRequest, product: PageProduct) => Promise<boolean | void> | boolean | void,
): Promise<void> {
  const product = readPageProduct();
  const shareId = newShareId();
  const title = element.title || product.name;
  const price = product.price && i18n.price(product.price.amount, product.price.currency);
  const detail = {
    network,
    url: attributedUrl(safeUrl(element.url) ?? product.url, network, shareId),
    title,
    text: element.text || (price ? `${title} – ${price}` : title),
  };
  const event = new VitrineShareEvent(detail);
  if (!element.dispatchEvent(event)) return;
  // A listener's URL passes the same check as ours; one that fails it is ignored.
  const request = { url: safeUrl(event.detail.url) ?? detail.url, title: String(event.detail.title), text: String(event.detail.text), image: safeUrl(element.image) ?? product.image };
  // A network's popup opens synchronously and is reported at once; copies and the share sheet once they settle.
  const sent = send(request, product);
  if ((sent instanceof Promise ? await sent : sent) === false) return;
  // The event taxonomy's share properties (schemas/events.schema.json); an empty placement is left out.
  const properties = { url: request.url, productId: product.id, placement: element.placement || undefined, shareId };
  if (network === COPY_LINK) track('share_copy_link', properties, TAG);
  else track('share', { network, ...properties }, TAG);
}

function openNetwork(host: ShareHost, network: ShareNetwork): Promise<void> {
  return share(host, network.id, (request, product) => {
    const address = intentUrl(network, {
      ...request,
      image: request.image ?? '',
      hashtags: host.element.hashtags.replace(/[#\s]/g, ''),
      via: host.element.via.replace(/[@\s]/g, ''),
      appId: product.facebookAppId ?? '',
    });
    // Popups get neither a handle on this page nor its address; mail opens the shopper's mail app in place.
    if (address.startsWith('mailto:')) window.open(address, '_self');
    else if (safeUrl(address)) window.open(address, '_blank', 'noopener,noreferrer,width=640,height=560');
    else return false;
  });
}

function copyLink(host: ShareHost): Promise<void> {
  return share(host, COPY_LINK, async ({ url }) => {
    try {
      await navigator.clipboard.writeText(url);
      host.set({ manualCopy: '', status: host.i18n.t('copied') });
      clearTimeout(statusTimers.get(host));
      statusTimers.set(host, window.setTimeout(() => host.set({ status: '' }), STATUS_MS));
    } catch {
      // No Clipboard API (insecure page) or refused (permissions policy, unfocused page): let the shopper copy by hand.
      await host.copyByHand(url);
    }
  });
}

/** A network button or the copy-link button. */
export const activate = (host: ShareHost, item: ShareNetwork | typeof COPY_LINK): Promise<void> => (item === COPY_LINK ? copyLink(host) : openNetwork(host, item));

/** Opens the system share sheet; with `look`, the product image goes as a file (the web's only way into Instagram and TikTok stories). */
export function shareNatively(host: ShareHost, kind: 'native' | 'look'): Promise<void> {
  return share(host, kind, async ({ url, title, text, image }) => {
    const data: ShareData = { title, text, url };
    try {
      if (kind === 'look') {
        const blob = await (await fetch(image!)).blob();
        // A missing image comes back as an HTML error page: treat it as a refusal, not as a file to share.
        if (!blob.type.startsWith('image/')) throw new TypeError(`${image} is not an image`);
        data.files = [new File([blob], new URL(image!).pathname.split('/').pop()!, { type: blob.type })];
      }
      await navigator.share(data);
    } catch (error) {
      // AbortError: the shopper closed the sheet. Refused (NotAllowedError, a type the platform rejects,
      // a failed image download): offer the networks instead. Neither is a share.
      if (!(error instanceof DOMException && error.name === 'AbortError')) {
        host.set({ nativeRefused: true, menuOpen: host.element.layout === 'menu' });
        await host.element.updateComplete;
        host.element.shadowRoot?.querySelector<HTMLElement>('[data-network]')?.focus();
      }
      return false;
    }
  });
}

/**
 * Opens the menu and focuses an item: from the trigger (none focused) ArrowDown and Home go to the first,
 * ArrowUp and End to the last; in the menu, the arrows wrap.
 */
export async function focusMenuItem(host: ShareHost, key: string): Promise<void> {
  const root = host.element.shadowRoot!;
  const current = [...root.querySelectorAll('[role="menuitem"]')].indexOf(root.activeElement!);
  const index = { ArrowDown: current + 1, ArrowUp: Math.max(current, 0) - 1, Home: 0, End: -1 }[key] ?? 0;
  host.set({ menuOpen: true });
  await host.element.updateComplete;
  const items = [...root.querySelectorAll<HTMLElement>('[role="menuitem"]')];
  items.at(index % items.length)?.focus();
}
