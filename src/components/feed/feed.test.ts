import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { type AnalyticsEvent, addSink } from '../../core/track.js';
import { captureWarnings, testApi } from '../../test-support/console.js';
import type { VitrineFeed } from './feed.element.js';
import type { WishlistAddRequestEvent } from '../../features/wishlist/wishlist.events.js';
import type { FeedData } from './feed.types.js';
import './vitrine-feed.js';
import { cleanStores } from '../../test-support/stores.js';

/** The recorded feed (from the example server's pipeline against the fake Instagram), pictures pointing at the test server's storefront images. */
const recorded: Promise<FeedData> = fetch(new URL('../../../stories/fixtures/feed.json', import.meta.url)).then(response => response.json());

const shadow = (element: VitrineFeed) => element.shadowRoot!;
const active = (element: VitrineFeed) => shadow(element).activeElement as HTMLElement | null;

async function feedWith(template = html`<vitrine-feed lang="en"></vitrine-feed>`): Promise<VitrineFeed> {
  const element = await fixture<VitrineFeed>(template);
  element.api = testApi();
  element.data = structuredClone(await recorded);
  await element.updateComplete;
  return element;
}

async function openWithKeyboard(element: VitrineFeed, index: number): Promise<HTMLDialogElement> {
  shadow(element).querySelector<HTMLElement>(`.tile[data-index="${index}"]`)!.focus();
  await sendKeys({ press: 'Enter' });
  const dialog = shadow(element).querySelector('dialog')!;
  await waitUntil(() => dialog.open, 'the dialog did not open');
  return dialog;
}

describe('<vitrine-feed>', () => {
  let events: AnalyticsEvent[];
  let removeSink: () => void;
  beforeEach(() => {
    events = [];
    removeSink = addSink(event => events.push(event));
  });
  afterEach(() => {
    removeSink();
    cleanStores();
    document.querySelectorAll('script[data-test-ld]').forEach(script => script.remove());
  });

  it('renders a grid of posts as labelled buttons with responsive, lazy pictures', async () => {
    const element = await feedWith();
    const tiles = shadow(element).querySelectorAll<HTMLButtonElement>('.tile');
    expect(tiles).to.have.length(6);
    expect(tiles[0].getAttribute('aria-label')).to.match(/^La Robe Camille, en lin lavé terracotta/);
    expect(tiles[1].getAttribute('aria-label')).to.contain('carousel of 3 items');
    expect(tiles[3].getAttribute('aria-label')).to.contain('video');
    const img = tiles[0].querySelector('img')!;
    expect(img.getAttribute('loading')).to.equal('lazy');
    expect(img.getAttribute('srcset')).to.match(/ 320w, .* 640w, .* 1080w$/);
    expect(img.getAttribute('sizes')).to.contain('vw');
    expect(tiles[0].querySelector('source')!.getAttribute('type')).to.equal('image/webp');
    await expect(element).to.be.accessible();
  });

  it('reserves the grid height from columns and rows before any post arrives', async () => {
    const element = await fixture<VitrineFeed>(html`<vitrine-feed feed="maison-lumiere" api=${testApi()} lang="en"></vitrine-feed>`);
    // Loading: placeholders fill the same box the posts will.
    expect(shadow(element).querySelectorAll('.tile')).to.have.length(6);
    const box = shadow(element).querySelector('.grid')!.getBoundingClientRect();
    expect(box.height).to.be.closeTo((box.width * 2) / 3, 1);
  });

  it('dialog keyboard flow: Enter opens, arrows move between posts, Esc closes and returns focus', async () => {
    const element = await feedWith();
    const dialog = await openWithKeyboard(element, 0);
    expect(shadow(element).querySelector('#counter')!.textContent).to.equal('1 of 6');
    expect(dialog.contains(active(element)) || active(element) === dialog).to.equal(true);

    await sendKeys({ press: 'ArrowRight' });
    await element.updateComplete;
    expect(shadow(element).querySelector('#counter')!.textContent).to.equal('2 of 6');
    // Every slide of the carousel is there.
    expect(dialog.querySelectorAll('.slides > li')).to.have.length(3);
    expect(dialog.querySelector('.slides > li')!.getAttribute('aria-label')).to.equal('Item 1 of 3');
    expect(dialog.getAttribute('aria-label')).to.equal('Instagram post 2 of 6');
    const slides = dialog.querySelector<HTMLElement>('.slides')!;
    dialog.querySelector<HTMLButtonElement>('button[aria-label="Next item"]')!.click();
    await waitUntil(() => slides.scrollLeft > 0, 'the next-item button did not scroll the slides');

    await sendKeys({ press: 'ArrowLeft' });
    await element.updateComplete;
    await sendKeys({ press: 'ArrowLeft' }); // already first: stays
    await element.updateComplete;
    expect(shadow(element).querySelector('#counter')!.textContent).to.equal('1 of 6');
    await sendKeys({ press: 'ArrowRight' });
    await element.updateComplete;

    // Focus never leaves the dialog while it is open.
    for (let i = 0; i < 8; i++) {
      await sendKeys({ press: 'Tab' });
      const focused = active(element);
      expect(focused && dialog.contains(focused), `tab ${i} left the dialog`).to.equal(true);
    }

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog.open);
    await element.updateComplete;
    expect(active(element)?.dataset.index).to.equal('1');
    expect(events.filter(event => event.name === 'feed_post_open').map(event => event.properties.postId)).to.deep.equal([
      '17900000000000001',
      '17900000000000002',
      '17900000000000001',
      '17900000000000002',
    ]);
  });

  it('hotspots are real buttons placed by x/y, usable by keyboard, leading to the product', async () => {
    const element = await feedWith();
    const dialog = await openWithKeyboard(element, 1);
    const hotspots = [...dialog.querySelectorAll<HTMLButtonElement>('button.hotspot')];
    expect(hotspots.map(button => button.getAttribute('aria-label'))).to.deep.equal([
      '1. Chemise oversize en coton, €79.00',
      '1. Chemise oversize en coton, €79.00',
      '2. Jupe plissée en satin, €99.00',
    ]);
    expect(hotspots[2].style.getPropertyValue('--x')).to.equal('0.52');
    expect(hotspots[2].style.getPropertyValue('--y')).to.equal('0.72');
    expect(hotspots[2].getAttribute('style')).to.not.contain('left');
    const frame = hotspots[2].parentElement!.getBoundingClientRect();
    const spot = hotspots[2].getBoundingClientRect();
    expect(spot.left + spot.width / 2 - frame.left).to.be.closeTo(frame.width * 0.52, 1.5);
    expect(spot.top + spot.height / 2 - frame.top).to.be.closeTo(frame.height * 0.72, 1.5);

    for (let i = 0; i < 10 && active(element) !== hotspots[2]; i++) await sendKeys({ press: 'Tab' });
    expect(active(element)).to.equal(hotspots[2]);
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    await waitUntil(() => active(element)?.localName === 'a');
    expect(hotspots[2].getAttribute('aria-pressed')).to.equal('true');
    expect(active(element)!.textContent).to.contain('Jupe plissée en satin');
    expect(active(element)!.closest('li')!.textContent).to.contain('In stock');
    const opened = events.find(event => event.name === 'hotspot_open')!;
    expect(opened.properties).to.deep.equal({ feedId: 'maison-lumiere', postId: '17900000000000002', productId: 'ML-JUPE-PLISSEE' });
    expect(opened.context.widget).to.equal('vitrine-feed');
  });

  it('"Shop the look": localized prices, product links tracked, add-to-wishlist as a DOM event', async () => {
    const element = await feedWith(html`<vitrine-feed lang="fr"></vitrine-feed>`);
    const dialog = await openWithKeyboard(element, 1);
    expect(dialog.querySelector('h2')!.textContent).to.equal('Shopper le look');
    const items = [...dialog.querySelectorAll('[part="products"] > li')];
    expect(items.map(item => item.querySelector('a')!.textContent)).to.deep.equal(['1. Chemise oversize en coton', '2. Jupe plissée en satin']);
    expect(items[1].textContent).to.match(/99,00\s€ · En stock/);
    expect(items[1].querySelector('a')!.href).to.equal(new URL('produits/jupe-plissee-satin.html', testApi()).href);

    const link = items[1].querySelector('a')!;
    link.addEventListener('click', event => event.preventDefault(), { once: true });
    link.click();
    expect(events.find(event => event.name === 'product_click')!.properties).to.deep.equal({
      productId: 'ML-JUPE-PLISSEE',
      feedId: 'maison-lumiere',
      postId: '17900000000000002',
      url: new URL('produits/jupe-plissee-satin.html', testApi()).href,
    });

    const heard = oneEvent(document, 'vitrine-wishlist-add-request') as Promise<WishlistAddRequestEvent>;
    items[0].querySelector<HTMLButtonElement>('[part="wishlist-button"]')!.click();
    const request = await heard;
    expect(request.detail).to.deep.equal({ productId: 'ML-CHEMISE-OVERSIZE', source: 'feed' });
    expect(request.composed && request.bubbles && request.cancelable).to.equal(true);
  });

  it('captions with markup render as text', async () => {
    const element = await feedWith();
    const dialog = await openWithKeyboard(element, 2);
    const caption = dialog.querySelector('[part="caption"]')!;
    expect(caption.textContent).to.contain('<img src=x onerror="alert(\'xss\')"> <b>Soldes</b>');
    expect(caption.children).to.have.length(0);
    expect(dialog.querySelector('b, [onerror]')).to.equal(null);
  });

  it('videos never autoplay: poster, controls, nothing preloaded', async () => {
    const element = await feedWith();
    const dialog = await openWithKeyboard(element, 3);
    const video = dialog.querySelector('video')!;
    expect(video.autoplay).to.equal(false);
    expect(video.controls).to.equal(true);
    expect(video.preload).to.equal('none');
    expect(video.poster).to.match(/^http/);
    expect(video.paused).to.equal(true);
  });

  it('a feed that fails to load shows the slotted fallback', async () => {
    const element = await fixture<VitrineFeed>(html`<vitrine-feed feed="no-such-feed" api=${testApi()}><p slot="fallback">Suivez-nous sur Instagram</p></vitrine-feed>`);
    await waitUntil(() => shadow(element).querySelector('slot[name="fallback"]'), 'no fallback slot');
    expect(element.hidden).to.equal(false);
    expect(shadow(element).querySelector('.tile')).to.equal(null);
  });

  it('a feed that fails to load without a fallback collapses', async () => {
    const element = await fixture<VitrineFeed>(html`<vitrine-feed feed="no-such-feed" api=${testApi()}></vitrine-feed>`);
    await waitUntil(() => element.hidden, 'the element did not collapse');
    expect(element.getBoundingClientRect().height).to.equal(0);
  });

  it('the look layout shows the posts that tag the page product (JSON-LD sku)', async () => {
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.dataset.testLd = '';
    script.textContent = JSON.stringify({ '@context': 'https://schema.org', '@type': 'Product', name: 'Robe', sku: 'ML-ROBE-CAMILLE' });
    document.head.append(script);
    const element = await feedWith(html`<vitrine-feed layout="look" lang="en"></vitrine-feed>`);
    const ids = [...shadow(element).querySelectorAll('.tile')].map(tile => tile.querySelector('img')!.closest('li'));
    expect(ids).to.have.length(2);
    element.product = 'ML-SAC-CABAS';
    await element.updateComplete;
    expect(shadow(element).querySelectorAll('.tile')).to.have.length(1);
    element.product = 'ML-TRENCH-CLASSIQUE';
    await element.updateComplete;
    expect(element.hidden).to.equal(true);
  });

  it('the carousel layout scrolls with snap points and has previous/next buttons', async () => {
    const element = await feedWith(html`<vitrine-feed layout="carousel" limit="9" lang="en"></vitrine-feed>`);
    const track = shadow(element).querySelector<HTMLElement>('.track')!;
    expect(getComputedStyle(track).scrollSnapType).to.contain('x');
    expect(track.querySelectorAll('li')).to.have.length(9);
    const [previous, next] = shadow(element).querySelectorAll<HTMLButtonElement>('[part="page-button"]');
    expect(previous.getAttribute('aria-label')).to.equal('Previous posts');
    next.click();
    await waitUntil(() => track.scrollLeft > 0, 'did not scroll');
  });

  it('feed_view is tracked once when half visible', async () => {
    const element = await feedWith();
    await waitUntil(() => events.some(event => event.name === 'feed_view'), 'no feed_view');
    expect(events.find(event => event.name === 'feed_view')!.properties).to.deep.equal({ feedId: 'maison-lumiere', layout: 'grid', postCount: 6 });
    element.limit = 3;
    await element.updateComplete;
    expect(events.filter(event => event.name === 'feed_view')).to.have.length(1);
  });

  it('warns once on a bad attribute and falls back to a safe value', async () => {
    const warnings = captureWarnings();
    const element = await feedWith(html`<vitrine-feed layout="mosaic" columns="12"></vitrine-feed>`);
    warnings.restore();
    expect(shadow(element).querySelector('.grid')).to.not.equal(null);
    expect(warnings.messages).to.have.length(2);
    expect(warnings.messages[0]).to.contain('layout="mosaic"').and.contain('grid, carousel, look');
    expect(warnings.messages[1]).to.contain('columns="12"').and.contain('from 1 to 6');
  });
});
