import { type TemplateResult, html, nothing } from 'lit';
import { formatDate } from '../../core/format.js';
import type { LocalizeController } from '../../core/localize-controller.js';
import { safeUrl } from '../../core/url.js';
import type { FeedMessages } from './feed.i18n.js';
import type { FeedPost, FeedProduct, FeedSlide } from './feed.types.js';

/* The post dialog's body of `<vitrine-feed>`: the slides with their hotspots, the caption and "Shop the look".
   Templates only: the element owns the state and passes what the controls do. */

export interface PostView {
  l10n: LocalizeController<FeedMessages>;
  /** A URL from the feed, checked (http/https) and resolved against the API; undefined when refused. */
  url(value: string): string | undefined;
  catalog: Map<string, FeedProduct>;
  /** The open post's index among the `count` shown. */
  position: number;
  count: number;
  /** The product a hotspot points at, highlighted in the list. */
  active: string;
  close(): void;
  go(delta: number): void;
  slide(direction: number): void;
  hotspot(post: FeedPost, productId: string): void;
  productClick(post: FeedPost, product: FeedProduct): void;
  addToWishlist(product: FeedProduct): void;
}

/** A slide's picture: WebP and JPEG renditions by width, with its intrinsic size so nothing shifts. */
export function picture(slide: FeedSlide, sizes: string, alt: string, lazy: boolean, url: (value: string) => string | undefined): TemplateResult {
  const set = (format: 'webp' | 'jpeg') =>
    slide.renditions
      .map(rendition => [url(rendition[format]), rendition.width] as const)
      .filter(([url]) => url)
      .map(([url, width]) => `${url} ${width}w`)
      .join(', ');
  const fallback = slide.renditions[Math.min(1, slide.renditions.length - 1)];
  return html`<picture>
    <source type="image/webp" srcset=${set('webp')} sizes=${sizes} />
    <img src=${(fallback && url(fallback.jpeg)) ?? nothing} srcset=${set('jpeg')} sizes=${sizes} alt=${alt} width=${slide.width} height=${slide.height} loading=${lazy ? 'lazy' : 'eager'} decoding="async" />
  </picture>`;
}

export function postDialogBody(post: FeedPost, view: PostView): TemplateResult {
  const { l10n: t, catalog, url } = view;
  const ids = [...new Set(post.slides.flatMap(slide => slide.hotspots.map(hotspot => hotspot.productId)))].filter(id => catalog.has(id));
  const products = ids.map(id => catalog.get(id)!);
  const permalink = safeUrl(post.permalink);
  return html`<div class="bar">
      <button part="close" aria-label=${t.t('close')} @click=${view.close}>✕</button>
      <span class="counter" id="counter">${t.t('counter', view.position + 1, view.count)}</span>
      <button part="dialog-button" aria-label=${t.t('previousPost')} ?disabled=${view.position === 0} @click=${() => view.go(-1)}>←</button>
      <button part="dialog-button" aria-label=${t.t('nextPost')} ?disabled=${view.position === view.count - 1} @click=${() => view.go(1)}>→</button>
    </div>
    <div class="body" tabindex="-1">
      <div>
        <ul class="slides">
          ${post.slides.map(
            (slide, index) => html`<li class="frame" data-ratio=${slide.width / slide.height} aria-label=${t.t('slide', index + 1, post.slides.length)}>
              ${slide.type === 'video' && slide.video && url(slide.video)
                ? html`<video src=${url(slide.video)!} poster=${url(slide.renditions[slide.renditions.length - 1].jpeg) ?? nothing} controls playsinline preload="none" width=${slide.width} height=${slide.height}></video>`
                : picture(slide, '(min-width: 48rem) 36rem, 100vw', post.alt, index > 0, url)}
              ${slide.hotspots
                .filter(hotspot => catalog.has(hotspot.productId))
                .map(hotspot => {
                  const product = catalog.get(hotspot.productId)!;
                  return html`<button
                    class="hotspot"
                    part="hotspot"
                    data-x=${hotspot.x}
                    data-y=${hotspot.y}
                    aria-pressed=${view.active === product.id}
                    aria-label=${t.t('hotspot', ids.indexOf(product.id) + 1, product.title, t.price(product.price, product.currency))}
                    @click=${() => view.hotspot(post, product.id)}
                  >
                    ${ids.indexOf(product.id) + 1}
                  </button>`;
                })}
            </li>`,
          )}
        </ul>
        ${post.slides.length > 1
          ? html`<p class="slide-nav">
              <button part="dialog-button" aria-label=${t.t('previousSlide')} @click=${() => view.slide(-1)}>‹</button>
              <button part="dialog-button" aria-label=${t.t('nextSlide')} @click=${() => view.slide(1)}>›</button>
            </p>`
          : nothing}
      </div>
      <div>
        <p class="caption" part="caption">${post.caption}</p>
        <p>
          ${permalink ? html`<a class="permalink" href=${permalink} target="_blank" rel="noopener">${t.t('viewOnInstagram')}</a> · ` : nothing}<time datetime=${post.timestamp}
            >${formatDate(t.locale, post.timestamp, 'long')}</time
          >
        </p>
        ${products.length
          ? html`<h2 id="look">${t.t('shopTheLook')}</h2>
              <ul part="products" aria-labelledby="look">
                ${products.map(
                  (product, index) => html`<li class=${product.id === view.active ? 'product active' : 'product'}>
                    <img src=${url(product.image) ?? nothing} alt="" width="64" height="80" loading="lazy" />
                    <a part="product-link" id=${`product-${index}`} href=${url(product.link) ?? nothing} @click=${() => view.productClick(post, product)}
                      >${index + 1}. ${product.title}</a
                    >
                    <span>${t.price(product.price, product.currency)} · ${t.t(product.availability)}</span>
                    <button class="wish" part="wishlist-button" aria-label=${t.t('addToWishlist', product.title)} @click=${() => view.addToWishlist(product)}>♡</button>
                  </li>`,
                )}
              </ul>`
          : nothing}
      </div>
    </div>`;
}
