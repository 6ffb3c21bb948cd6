import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { registerShareNetwork } from '../../features/share/register-share-network.js';
import { $registeredShareNetworks } from '../../features/share/share-registry.js';
import type { AnalyticsEvent } from '../../core/track.js';
import { addSink } from '../../core/track.js';
import { captureWarnings } from '../../test-support/console.js';
import { buttonNames, stubWebShare } from '../../test-support/web-share.js';
import type { VitrineShare } from './vitrine-share.js';
import './vitrine-share.js';
import { cleanStores } from '../../test-support/stores.js';

/** The product page markup a storefront carries: canonical link, JSON-LD Product, Open Graph. */
const JSON_LD_PRODUCT = {
  '@context': 'https://schema.org',
  '@type': 'Product',
  name: 'Robe Camille en lin',
  sku: 'ML-ROBE-CAMILLE',
  image: 'https://shop.example/images/robe.jpg',
  offers: { '@type': 'Offer', price: '129.00', priceCurrency: 'EUR' },
};

function addToHead(...elements: HTMLElement[]): void {
  for (const element of elements) {
    element.dataset.shareFixture = '';
    document.head.append(element);
  }
}

function productPage({ jsonLd = true, canonical = true, openGraph = false, appId = false } = {}): void {
  if (canonical) addToHead(Object.assign(document.createElement('link'), { rel: 'canonical', href: 'https://shop.example/produits/robe-camille-lin.html' }));
  if (jsonLd) addToHead(Object.assign(document.createElement('script'), { type: 'application/ld+json', textContent: JSON.stringify(JSON_LD_PRODUCT) }));
  const meta = (property: string, content: string) => {
    const element = document.createElement('meta');
    element.setAttribute('property', property);
    element.content = content;
    addToHead(element);
  };
  if (openGraph) {
    meta('og:title', 'Trench classique');
    meta('og:url', 'https://shop.example/produits/trench.html');
    meta('og:image', 'https://shop.example/images/trench.jpg');
    meta('product:price:amount', '249.00');
    meta('product:price:currency', 'EUR');
    meta('product:retailer_item_id', 'ML-TRENCH');
  }
  if (appId) meta('fb:app_id', '1234567890');
}

/** Records window.open calls instead of opening popups: the one browser behaviour these tests stand in for. */
function interceptWindowOpen() {
  const original = window.open;
  const calls: Array<{ url: string; target: string; features: string }> = [];
  window.open = ((url?: string | URL, target = '', features = '') => {
    calls.push({ url: String(url), target, features });
    return null;
  }) as typeof window.open;
  return { calls, restore: () => (window.open = original) };
}

const button = (element: VitrineShare, name: string) => {
  const found = [...element.shadowRoot!.querySelectorAll('button')].find(candidate => candidate.getAttribute('aria-label') === name || candidate.textContent?.trim() === name);
  if (!found) throw new Error(`no button named "${name}"`);
  return found;
};
const focused = (element: VitrineShare) => element.shadowRoot!.activeElement as HTMLElement | null;
const shareIdOf = (url: string) => /vt_sid(?:=|%3D)([0-9A-Za-z]{8,})/.exec(url)?.[1] ?? '';

describe('<vitrine-share>', () => {
  let open: ReturnType<typeof interceptWindowOpen>;
  let events: AnalyticsEvent[];
  let removeSink: () => void;

  beforeEach(() => {
    open = interceptWindowOpen();
    events = [];
    removeSink = addSink(event => events.push(event));
    cleanStores();
  });
  afterEach(() => {
    fixtureCleanup();
    open.restore();
    removeSink();
    document.head.querySelectorAll('[data-share-fixture]').forEach(element => element.remove());
    $registeredShareNetworks.set({});
    cleanStores();
  });

  it('opens the exact intent URL of every network: encoded, with UTM parameters and a share id', async () => {
    productPage({ appId: true });
    const element = await fixture<VitrineShare>(html`
      <vitrine-share lang="en" no-native placement="product-page" hashtags="lin, #été" via="@maisonlumiere"
        networks="facebook,x,pinterest,whatsapp,linkedin,bluesky,threads,messenger,telegram,email"></vitrine-share>
    `);
    const page = 'https%3A%2F%2Fshop.example%2Fproduits%2Frobe-camille-lin.html';
    const shared = (network: string, id: string) => `${page}%3Futm_source%3D${network}%26utm_medium%3Dsocial%26utm_campaign%3Dvitrine_share%26vt_sid%3D${id}`;
    const text = 'Robe%20Camille%20en%20lin%20%E2%80%93%20%E2%82%AC129.00';
    const expected: Record<string, (id: string) => string> = {
      'Share on Facebook': id => `https://www.facebook.com/sharer/sharer.php?u=${shared('facebook', id)}`,
      'Share on X': id => `https://x.com/intent/tweet?url=${shared('x', id)}&text=${text}&hashtags=lin%2C%C3%A9t%C3%A9&via=maisonlumiere`,
      'Share on Pinterest': id =>
        `https://www.pinterest.com/pin/create/button/?url=${shared('pinterest', id)}&media=https%3A%2F%2Fshop.example%2Fimages%2Frobe.jpg&description=${text}`,
      'Share on WhatsApp': id => `https://api.whatsapp.com/send?text=${text}%20${shared('whatsapp', id)}`,
      'Share on LinkedIn': id => `https://www.linkedin.com/sharing/share-offsite/?url=${shared('linkedin', id)}`,
      'Share on Bluesky': id => `https://bsky.app/intent/compose?text=${text}%20${shared('bluesky', id)}`,
      'Share on Threads': id => `https://www.threads.com/intent/post?text=${text}&url=${shared('threads', id)}`,
      'Share on Messenger': id =>
        `https://www.facebook.com/dialog/send?app_id=1234567890&link=${shared('messenger', id)}&redirect_uri=${shared('messenger', id)}`,
      'Share on Telegram': id => `https://t.me/share/url?url=${shared('telegram', id)}&text=${text}`,
      'Share by email': id => `mailto:?subject=Robe%20Camille%20en%20lin&body=${text}%0A%0A${shared('email', id)}`,
    };
    expect(buttonNames(element)).to.deep.equal(Object.keys(expected));

    const ids = new Set<string>();
    for (const [name, url] of Object.entries(expected)) {
      button(element, name).click();
      const call = open.calls.at(-1)!;
      const id = shareIdOf(call.url);
      expect(id, name).to.have.length.of.at.least(8);
      ids.add(id);
      expect(call.url, name).to.equal(url(id));
      if (name === 'Share by email') expect(call.target).to.equal('_self');
      else expect([call.target, call.features]).to.deep.equal(['_blank', 'noopener,noreferrer,width=640,height=560']);
    }
    expect(ids.size, 'a fresh share id per share').to.equal(10);

    const pinterest = events.find(event => event.name === 'share' && event.properties.network === 'pinterest')!;
    expect(pinterest.context.widget).to.equal('vitrine-share');
    expect(pinterest.properties).to.deep.equal({
      network: 'pinterest',
      url: decodeURIComponent(shared('pinterest', shareIdOf(open.calls[2].url))),
      productId: 'ML-ROBE-CAMILLE',
      placement: 'product-page',
      shareId: shareIdOf(open.calls[2].url),
    });
  });

  it('leaves UTM parameters out when the utm option is off, and keeps the share id', async () => {
    const { configure } = await import('../../core/config.js');
    configure({ utm: false });
    const element = await fixture<VitrineShare>(html`<vitrine-share lang="en" no-native networks="facebook" url="https://shop.example/p?colour=red"></vitrine-share>`);
    button(element, 'Share on Facebook').click();
    const id = shareIdOf(open.calls[0].url);
    expect(open.calls[0].url).to.equal(`https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fshop.example%2Fp%3Fcolour%3Dred%26vt_sid%3D${id}`);
  });

  it('names every button for screen readers, in French and in English', async () => {
    const french = await fixture<VitrineShare>(html`<vitrine-share lang="fr" layout="labels" no-native networks="pinterest,email,copy"></vitrine-share>`);
    expect(buttonNames(french)).to.deep.equal(['Partager sur Pinterest', 'Partager par e-mail', 'Copier le lien']);
    expect([...french.shadowRoot!.querySelectorAll('button')].map(candidate => candidate.textContent?.trim())).to.deep.equal(['Pinterest', 'E-mail', 'Copier le lien']);
    await expect(french).to.be.accessible();
    const english = await fixture<VitrineShare>(html`<vitrine-share lang="en" no-native networks="pinterest,email,copy"></vitrine-share>`);
    expect(buttonNames(english)).to.deep.equal(['Share on Pinterest', 'Share by email', 'Copy link']);
    await expect(english).to.be.accessible();
  });

  it('works the menu layout fully from the keyboard', async () => {
    productPage();
    const element = await fixture<VitrineShare>(html`<vitrine-share lang="fr" layout="menu" no-native networks="pinterest,email,copy"></vitrine-share>`);
    const trigger = button(element, 'Partager');
    const menu = element.shadowRoot!.querySelector('[role="menu"]') as HTMLElement;
    expect(trigger.getAttribute('aria-haspopup')).to.equal('menu');
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
    expect(menu.hidden).to.equal(true);
    await expect(element).to.be.accessible();

    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(trigger.getAttribute('aria-expanded')).to.equal('true');
    expect(menu.hidden).to.equal(false);
    expect(focused(element)?.getAttribute('aria-label')).to.equal('Partager sur Pinterest');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(element)?.getAttribute('aria-label')).to.equal('Partager par e-mail');
    await sendKeys({ press: 'End' });
    expect(focused(element)?.getAttribute('aria-label')).to.equal('Copier le lien');
    await sendKeys({ press: 'ArrowDown' });
    expect(focused(element)?.getAttribute('aria-label'), 'wraps to the first').to.equal('Partager sur Pinterest');
    await sendKeys({ press: 'ArrowUp' });
    expect(focused(element)?.getAttribute('aria-label'), 'wraps to the last').to.equal('Copier le lien');
    await sendKeys({ press: 'Home' });
    expect(focused(element)?.getAttribute('aria-label')).to.equal('Partager sur Pinterest');

    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(menu.hidden).to.equal(true);
    expect(trigger.getAttribute('aria-expanded')).to.equal('false');
    expect(focused(element)).to.equal(trigger);

    await sendKeys({ press: 'ArrowUp' });
    await element.updateComplete;
    expect(focused(element)?.getAttribute('aria-label'), 'ArrowUp opens on the last item').to.equal('Copier le lien');
    await sendKeys({ press: 'Tab' });
    await element.updateComplete;
    expect(menu.hidden, 'Tab closes the menu').to.equal(true);
    expect(element.shadowRoot!.activeElement).to.equal(null);

    trigger.focus();
    await sendKeys({ press: 'ArrowDown' });
    await element.updateComplete;
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(open.calls).to.have.length(1);
    expect(open.calls[0].url).to.match(/^https:\/\/www\.pinterest\.com\/pin\/create\/button\/\?url=/);
    expect(menu.hidden).to.equal(true);
    expect(focused(element), 'focus back on the trigger').to.equal(trigger);
  });

  it('closes the menu when focus leaves it, as on a click elsewhere', async () => {
    const element = await fixture<VitrineShare>(html`<vitrine-share lang="en" layout="menu" no-native networks="x,copy"></vitrine-share>`);
    const outside = document.createElement('button');
    outside.textContent = 'elsewhere';
    document.body.append(outside);
    try {
      button(element, 'Share').click();
      await element.updateComplete;
      await element.updateComplete;
      expect(focused(element)?.getAttribute('aria-label')).to.equal('Share on X');
      outside.focus();
      await element.updateComplete;
      expect((element.shadowRoot!.querySelector('[role="menu"]') as HTMLElement).hidden).to.equal(true);
      expect(button(element, 'Share').getAttribute('aria-expanded')).to.equal('false');
    } finally {
      outside.remove();
    }
  });

  it('announces the copied link politely, visibly and to screen readers', async () => {
    const element = await fixture<VitrineShare>(html`<vitrine-share lang="fr" no-native networks="copy" url="https://shop.example/p"></vitrine-share>`);
    const status = element.shadowRoot!.querySelector('[role="status"]')!;
    expect(status.getAttribute('aria-live')).to.equal('polite');
    expect(status.textContent).to.equal('');
    button(element, 'Copier le lien').focus();
    await sendKeys({ press: 'Enter' });
    await new Promise(resolve => setTimeout(resolve, 0));
    await element.updateComplete;
    const copy = events.find(event => event.name === 'share_copy_link')!;
    expect(status.textContent).to.equal('Lien copié');
    expect(getComputedStyle(status).display).to.not.equal('none');
    expect(copy.properties.url).to.equal(`https://shop.example/p?utm_source=copy&utm_medium=social&utm_campaign=vitrine_share&vt_sid=${copy.properties.shareId}`);
    // Reading the clipboard needs a permission tests cannot grant: paste it instead, as a shopper would.
    const paste = document.createElement('textarea');
    document.body.append(paste);
    paste.focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'KeyV' });
    await sendKeys({ up: 'Control' });
    paste.remove();
    expect(paste.value, 'what the clipboard holds').to.equal(copy.properties.url);
  });

  it('shows the link in a selected read-only field when the clipboard is refused', async () => {
    // A frame whose permissions policy refuses clipboard-write: a real refusal, not a stub.
    const frame = document.createElement('iframe');
    frame.setAttribute('allow', "clipboard-write 'none'");
    frame.srcdoc = `<!doctype html><html lang="en"><script>window.process = { env: { NODE_ENV: 'development' } };</script>
      <script type="module" src="${new URL('./vitrine-share.ts', import.meta.url).pathname}"></script>
      <body><vitrine-share no-native networks="copy" url="https://shop.example/p"></vitrine-share></body></html>`;
    document.body.append(frame);
    try {
      await oneEvent(frame, 'load');
      const frameWindow = frame.contentWindow as Window & typeof globalThis;
      await frameWindow.customElements.whenDefined('vitrine-share');
      const element = frame.contentDocument!.querySelector('vitrine-share') as VitrineShare;
      await element.updateComplete;
      button(element, 'Copy link').click();
      await new Promise(resolve => setTimeout(resolve, 50));
      await element.updateComplete;
      const field = element.shadowRoot!.querySelector('input')!;
      expect(field.readOnly).to.equal(true);
      expect(field.value).to.match(/^https:\/\/shop\.example\/p\?utm_source=copy&utm_medium=social&utm_campaign=vitrine_share&vt_sid=[0-9A-Za-z]{10}$/);
      expect(element.shadowRoot!.activeElement).to.equal(field);
      expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, field.value.length]);
      expect(field.labels?.[0].textContent).to.contain('Ctrl+C');
    } finally {
      frame.remove();
    }
  });

  describe('native share', () => {
    let webShare: ReturnType<typeof stubWebShare> | undefined;
    afterEach(() => webShare?.restore());

    it('opens the system sheet with the title, text and attributed link, and reports the share', async () => {
      productPage();
      webShare = stubWebShare(async () => undefined);
      const element = await fixture<VitrineShare>(html`<vitrine-share lang="fr"></vitrine-share>`);
      expect(buttonNames(element)).to.deep.equal(['Partager…']);
      button(element, 'Partager…').click();
      await new Promise(resolve => setTimeout(resolve, 0));
      const [data] = webShare.shared;
      const id = shareIdOf(data.url!);
      expect(data).to.deep.equal({
        title: 'Robe Camille en lin',
        text: 'Robe Camille en lin – 129,00\u00a0€',
        url: `https://shop.example/produits/robe-camille-lin.html?utm_source=native&utm_medium=social&utm_campaign=vitrine_share&vt_sid=${id}`,
      });
      expect(events.map(event => [event.name, event.properties.network, event.properties.shareId])).to.deep.equal([['share', 'native', id]]);
    });

    it('treats AbortError as a cancel: no error, no share reported, nothing else changes', async () => {
      webShare = stubWebShare(() => Promise.reject(new DOMException('Share canceled', 'AbortError')));
      const warnings = captureWarnings();
      const element = await fixture<VitrineShare>(html`<vitrine-share lang="en"></vitrine-share>`);
      button(element, 'Share…').click();
      await new Promise(resolve => setTimeout(resolve, 0));
      await element.updateComplete;
      warnings.restore();
      expect(webShare.shared).to.have.length(1);
      expect(events).to.deep.equal([]);
      expect(warnings.messages).to.deep.equal([]);
      expect(buttonNames(element)).to.deep.equal(['Share…']);
    });

    it('falls back to the network list when the sheet is refused', async () => {
      webShare = stubWebShare(() => Promise.reject(new DOMException('Permission denied', 'NotAllowedError')));
      const element = await fixture<VitrineShare>(html`<vitrine-share lang="en" networks="whatsapp,copy"></vitrine-share>`);
      button(element, 'Share…').click();
      await new Promise(resolve => setTimeout(resolve, 0));
      await element.updateComplete;
      expect(buttonNames(element)).to.deep.equal(['Share on WhatsApp', 'Copy link']);
      expect(focused(element)?.getAttribute('aria-label')).to.equal('Share on WhatsApp');
      expect(events).to.deep.equal([]);
    });

    it('shows the network list where Web Share is missing (Firefox desktop)', async () => {
      Object.defineProperty(navigator, 'share', { configurable: true, value: undefined });
      webShare = { shared: [], restore: () => delete (navigator as unknown as Record<string, unknown>).share };
      const element = await fixture<VitrineShare>(html`<vitrine-share lang="en" networks="facebook,copy" layout="menu"></vitrine-share>`);
      expect(buttonNames(element)).to.deep.equal(['Share', 'Share on Facebook', 'Copy link']);
      expect(button(element, 'Share').getAttribute('aria-haspopup')).to.equal('menu');
    });

    it('shares the product image as a file ("Share the look") with the title and attributed link', async () => {
      const image = new URL('./fixtures/look.png', import.meta.url).href;
      webShare = stubWebShare(async () => undefined, data => !data.files || data.files.every(file => file.type === 'image/png'));
      const element = await fixture<VitrineShare>(html`<vitrine-share lang="fr" title="Robe Camille" image=${image} url="https://shop.example/p"></vitrine-share>`);
      expect(buttonNames(element)).to.deep.equal(['Partager…', 'Partager le look']);
      button(element, 'Partager le look').click();
      await new Promise<void>(resolve => {
        const remove = addSink(event => event.name === 'share' && (remove(), resolve()));
      });
      const [data] = webShare.shared;
      expect(data.title).to.equal('Robe Camille');
      expect(data.url).to.match(/^https:\/\/shop\.example\/p\?utm_source=look&utm_medium=social&utm_campaign=vitrine_share&vt_sid=/);
      const [file] = data.files!;
      expect([file.name, file.type]).to.deep.equal(['look.png', 'image/png']);
      expect(file.size).to.equal((await (await fetch(image)).blob()).size);
      expect(events.map(event => event.properties.network)).to.deep.equal(['look']);
    });

    it('falls back to the network list when the product image URL does not serve an image', async () => {
      webShare = stubWebShare(async () => undefined);
      const image = new URL('./share.i18n.ts', import.meta.url).href;
      const element = await fixture<VitrineShare>(html`<vitrine-share lang="en" networks="pinterest" image=${image} url="https://shop.example/p"></vitrine-share>`);
      button(element, 'Share the look').click();
      await waitUntil(() => buttonNames(element).includes('Share on Pinterest'));
      expect(webShare.shared).to.deep.equal([]);
      expect(events).to.deep.equal([]);
    });

    it('offers no "Share the look" for an image type the platform will not share (SVG)', async () => {
      webShare = stubWebShare(async () => undefined, data => !data.files || data.files.every(file => file.type === 'image/png'));
      const element = await fixture<VitrineShare>(html`<vitrine-share lang="en" image="/examples/storefront/images/robe-camille-lin.svg"></vitrine-share>`);
      expect(buttonNames(element)).to.deep.equal(['Share…']);
    });

    it('offers no "Share the look" for an image from another origin', async () => {
      webShare = stubWebShare(async () => undefined);
      const element = await fixture<VitrineShare>(html`<vitrine-share lang="en" image="https://cdn.example/robe.jpg"></vitrine-share>`);
      expect(buttonNames(element)).to.deep.equal(['Share…']);
    });
  });

  it('reads its defaults from the JSON-LD Product and the canonical link', async () => {
    productPage();
    const element = await fixture<VitrineShare>(html`<vitrine-share lang="fr" no-native networks="pinterest"></vitrine-share>`);
    button(element, 'Partager sur Pinterest').click();
    const url = new URL(open.calls[0].url);
    expect(url.searchParams.get('media')).to.equal('https://shop.example/images/robe.jpg');
    expect(url.searchParams.get('description')).to.equal('Robe Camille en lin – 129,00\u00a0€');
    expect(url.searchParams.get('url')).to.match(/^https:\/\/shop\.example\/produits\/robe-camille-lin\.html\?utm_source=pinterest&/);
    expect(events[0].properties.productId).to.equal('ML-ROBE-CAMILLE');
  });

  it('reads its defaults from Open Graph tags when the page has no JSON-LD or canonical link', async () => {
    productPage({ jsonLd: false, canonical: false, openGraph: true });
    const element = await fixture<VitrineShare>(html`<vitrine-share lang="en" no-native networks="pinterest"></vitrine-share>`);
    button(element, 'Share on Pinterest').click();
    const url = new URL(open.calls[0].url);
    expect(url.searchParams.get('media')).to.equal('https://shop.example/images/trench.jpg');
    expect(url.searchParams.get('description')).to.equal('Trench classique – €249.00');
    expect(url.searchParams.get('url')).to.match(/^https:\/\/shop\.example\/produits\/trench\.html\?utm_source=pinterest&/);
    expect(events[0].properties.productId).to.equal('ML-TRENCH');
  });

  it('re-reads the page when a single-page app navigates', async () => {
    productPage();
    const element = await fixture<VitrineShare>(html`<vitrine-share lang="en" no-native networks="facebook"></vitrine-share>`);
    const start = location.href;
    history.pushState(null, '', '?product=trench');
    document.head.querySelector<HTMLLinkElement>('link[rel="canonical"]')!.href = 'https://shop.example/produits/trench.html';
    try {
      button(element, 'Share on Facebook').click();
      expect(decodeURIComponent(open.calls[0].url)).to.contain('https://shop.example/produits/trench.html?utm_source=facebook');
    } finally {
      history.replaceState(null, '', start);
    }
  });

  it('gives a bad networks value one warning and keeps working with the valid ones', async () => {
    const warnings = captureWarnings();
    const element = await fixture<VitrineShare>(html`<vitrine-share lang="en" no-native networks="pinterest, instagram ,copy"></vitrine-share>`);
    element.requestUpdate();
    await element.updateComplete;
    warnings.restore();
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.contain('networks="pinterest, instagram ,copy"').and.contain('instagram').and.contain('facebook,x,pinterest');
    expect(buttonNames(element)).to.deep.equal(['Share on Pinterest', 'Copy link']);
  });

  it('falls back to the default networks when none is valid', async () => {
    const warnings = captureWarnings();
    const element = await fixture<VitrineShare>(html`<vitrine-share lang="en" no-native networks="instagram"></vitrine-share>`);
    warnings.restore();
    expect(warnings.messages, warnings.messages.join('\n')).to.have.length(1);
    expect(buttonNames(element)).to.deep.equal(['Share on Facebook', 'Share on Pinterest', 'Share on WhatsApp', 'Share on X', 'Share on Bluesky', 'Share by email', 'Copy link']);
  });

  it('gives a bad url one warning and shares the page address instead', async () => {
    productPage();
    const warnings = captureWarnings();
    const element = await fixture<VitrineShare>(html`<vitrine-share lang="en" no-native networks="facebook" url="javascript:alert(1)"></vitrine-share>`);
    element.requestUpdate();
    await element.updateComplete;
    button(element, 'Share on Facebook').click();
    warnings.restore();
    expect(warnings.messages, warnings.messages.join('\n')).to.have.length(1);
    expect(warnings.messages[0]).to.contain('url="javascript:alert(1)"').and.contain('http(s) URL');
    expect(decodeURIComponent(open.calls[0].url)).to.contain('u=https://shop.example/produits/robe-camille-lin.html?utm_source=facebook');
  });

  it('gives an unknown layout one warning and shows icon buttons, as the warning says', async () => {
    const warnings = captureWarnings();
    const element = await fixture<VitrineShare>(html`<vitrine-share lang="en" no-native networks="facebook,copy" layout="grid"></vitrine-share>`);
    warnings.restore();
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.contain('layout="grid"').and.contain('Using icons');
    expect(buttonNames(element)).to.deep.equal(['Share on Facebook', 'Copy link']);
    expect(element.shadowRoot!.querySelectorAll('button span')).to.have.length(0);
  });

  it('sends no request anywhere before a click', async () => {
    performance.clearResourceTimings();
    productPage({ appId: true });
    await fixture<VitrineShare>(html`<vitrine-share lang="en" no-native networks="facebook,x,pinterest,whatsapp,linkedin,bluesky,threads,messenger,telegram,email,copy"></vitrine-share>`);
    await fixture<VitrineShare>(html`<vitrine-share lang="en" layout="labels" no-native></vitrine-share>`);
    await fixture<VitrineShare>(html`<vitrine-share lang="en" layout="menu" no-native></vitrine-share>`);
    await new Promise(resolve => setTimeout(resolve, 200));
    // Vitrine's own click code (share.actions), fetched once the page is idle, is the one request allowed.
    expect(performance.getEntriesByType('resource').map(entry => entry.name).filter(name => !/\/share\.actions\./.test(name))).to.deep.equal([]);
    expect(open.calls).to.deep.equal([]);
  });

  it('lets the host veto a share or change the shared link through the cancelable vitrine-share event', async () => {
    const element = await fixture<VitrineShare>(html`<vitrine-share lang="en" no-native networks="facebook" url="https://shop.example/p"></vitrine-share>`);
    const veto = (event: Event) => event.preventDefault();
    document.addEventListener('vitrine-share', veto);
    button(element, 'Share on Facebook').click();
    document.removeEventListener('vitrine-share', veto);
    expect(open.calls).to.deep.equal([]);
    expect(events).to.deep.equal([]);

    const change = (event: GlobalEventHandlersEventMap['vitrine-share']) => {
      expect(event.detail).to.include({ network: 'facebook', title: document.title });
      expect(event.composed && event.bubbles && event.cancelable).to.equal(true);
      event.detail.url = 'https://shop.example/campaign';
    };
    document.addEventListener('vitrine-share', change);
    button(element, 'Share on Facebook').click();
    document.removeEventListener('vitrine-share', change);
    expect(open.calls[0].url).to.equal('https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fshop.example%2Fcampaign');
    expect(events[0].properties.url).to.equal('https://shop.example/campaign');
  });

  it('offers a network the merchant registered at run time', async () => {
    registerShareNetwork({ id: 'mastodon', name: 'Mastodon', url: 'https://mastodon.social/share', params: { text: '{url}' }, icon: 'M2 2h20v20H2z' });
    const element = await fixture<VitrineShare>(html`<vitrine-share lang="en" no-native networks="mastodon,copy" url="https://shop.example/p"></vitrine-share>`);
    button(element, 'Share on Mastodon').click();
    const id = shareIdOf(open.calls[0].url);
    expect(open.calls[0].url).to.equal(
      `https://mastodon.social/share?text=${encodeURIComponent(`https://shop.example/p?utm_source=mastodon&utm_medium=social&utm_campaign=vitrine_share&vt_sid=${id}`)}`,
    );

    const warnings = captureWarnings();
    registerShareNetwork({ id: 'evil', name: 'Evil', url: 'javascript:alert(1)', params: {}, icon: 'M0 0' });
    element.networks = 'mastodon,evil,copy';
    await element.updateComplete;
    element.requestUpdate();
    await element.updateComplete;
    warnings.restore();
    expect(warnings.messages).to.have.length(2);
    expect(warnings.messages[0]).to.contain('registerShareNetwork("evil")').and.contain('url: "https://…"');
    expect(warnings.messages[1]).to.contain('unknown evil');
    expect(buttonNames(element)).to.deep.equal(['Share on Mastodon', 'Copy link']);
  });
});
