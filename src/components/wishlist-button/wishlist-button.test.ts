import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { configure } from '../../core/config.js';
import { $wishlist, addToWishlist, shareWishlist, syncWishlist, voteOnSharedItem } from '../../features/wishlist/index.js';
import { captureWarnings, testApi } from '../../test-support/console.js';
import './vitrine-wishlist-button.js';
import type { VitrineWishlistButton } from './wishlist-button.element.js';
import { cleanStores } from '../../test-support/stores.js';

const button = (element: VitrineWishlistButton) => element.shadowRoot!.querySelector('button')!;
const synced = () => waitUntil(() => $wishlist.get().pending === 0 && $wishlist.get().id !== undefined, 'the wishlist synced', { timeout: 5000 });

/** What the server holds for the current owner, read with the stored owner token. */
async function serverItems(): Promise<string[]> {
  const owner = JSON.parse(localStorage.getItem('vitrine:wishlist:owner')!) as { id: string; token: string };
  const response = await fetch(`${testApi()}/v1/wishlists/${owner.id}`, { headers: { authorization: `Bearer ${owner.token}` } });
  const { wishlist } = (await response.json()) as { wishlist: { items: Array<{ productId: string; variant: string }> } };
  return wishlist.items.map(item => `${item.productId}/${item.variant}`);
}

describe('<vitrine-wishlist-button>', () => {
  beforeEach(() => configure({ api: testApi() }));
  afterEach(async () => {
    await syncWishlist();
    cleanStores();
    document.querySelectorAll('script[data-test-jsonld]').forEach(script => script.remove());
    Object.keys(localStorage).filter(key => key.startsWith('vitrine:')).forEach(key => localStorage.removeItem(key));
  });

  it('is a labelled toggle that saves at once and syncs to the server', async () => {
    const element = await fixture<VitrineWishlistButton>(html`<vitrine-wishlist-button product="ML-ROBE-CAMILLE" variant="M" lang="fr"></vitrine-wishlist-button>`);
    expect(button(element).getAttribute('aria-label')).to.equal("Ajouter à ma liste d'envies");
    expect(button(element).getAttribute('aria-pressed')).to.equal('false');
    let toggled: unknown;
    element.addEventListener('vitrine-wishlist-toggle', event => (toggled = event.detail));
    button(element).click();
    await element.updateComplete;
    expect(button(element).getAttribute('aria-pressed'), 'optimistic').to.equal('true');
    expect(toggled).to.deep.equal({ productId: 'ML-ROBE-CAMILLE', variant: 'M', added: true });
    expect(element.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal("Ajouté à votre liste d'envies");
    await synced();
    expect(await serverItems()).to.deep.equal(['ML-ROBE-CAMILLE/M']);

    button(element).click();
    await element.updateComplete;
    expect(button(element).getAttribute('aria-pressed')).to.equal('false');
    await waitUntil(() => $wishlist.get().pending === 0);
    expect(await serverItems()).to.deep.equal([]);
  });

  it('works from the keyboard and speaks English', async () => {
    const element = await fixture<VitrineWishlistButton>(html`<vitrine-wishlist-button product="ML-SAC-CABAS" lang="en"></vitrine-wishlist-button>`);
    expect(button(element).getAttribute('aria-label')).to.equal('Add to wishlist');
    button(element).focus();
    await sendKeys({ press: 'Space' });
    await element.updateComplete;
    expect(button(element).getAttribute('aria-pressed')).to.equal('true');
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(button(element).getAttribute('aria-pressed')).to.equal('false');
  });

  it('rolls back when the server refuses the product', async () => {
    const element = await fixture<VitrineWishlistButton>(html`<vitrine-wishlist-button product="NOT-IN-CATALOG"></vitrine-wishlist-button>`);
    button(element).click();
    await element.updateComplete;
    expect(button(element).getAttribute('aria-pressed')).to.equal('true');
    await waitUntil(() => $wishlist.get().pending === 0, 'the refusal came back', { timeout: 5000 });
    await element.updateComplete;
    expect(button(element).getAttribute('aria-pressed')).to.equal('false');
    expect($wishlist.get().error).to.equal('unknown_product');
  });

  it('keeps a change made while the server is unreachable and sends it once when it is back', async () => {
    configure({ api: 'http://127.0.0.1:9/' });
    const element = await fixture<VitrineWishlistButton>(html`<vitrine-wishlist-button product="ML-FOULARD-SOIE"></vitrine-wishlist-button>`);
    for (let click = 0; click < 3; click++) {
      button(element).click();
      await element.updateComplete;
    }
    await waitUntil(() => $wishlist.get().error === 'network', 'the first attempt failed', { timeout: 5000 });
    expect(button(element).getAttribute('aria-pressed')).to.equal('true');
    expect(JSON.parse(localStorage.getItem('vitrine:wishlist:outbox')!)).to.have.length(3, 'add, remove, add: kept across reloads');
    configure({ api: testApi() });
    await syncWishlist();
    await synced();
    expect(await serverItems()).to.deep.equal(['ML-FOULARD-SOIE/']);
    expect(button(element).getAttribute('aria-pressed')).to.equal('true');
  });

  it("reads the product from the page's JSON-LD when it has no attribute", async () => {
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.dataset.testJsonld = '';
    script.textContent = JSON.stringify({ '@context': 'https://schema.org', '@type': 'Product', name: 'Trench', sku: 'ML-TRENCH-CLASSIQUE' });
    document.head.append(script);
    const element = await fixture<VitrineWishlistButton>(html`<vitrine-wishlist-button></vitrine-wishlist-button>`);
    button(element).click();
    expect($wishlist.get().items.map(item => item.productId)).to.deep.equal(['ML-TRENCH-CLASSIQUE']);
  });

  it("shows the product's name, price and picture in the list at once, from its attributes", async () => {
    const element = await fixture<VitrineWishlistButton>(
      html`<vitrine-wishlist-button product="ML-ROBE-CAMILLE" variant="L" product-title="Robe Camille" price="139.00" currency="eur" image="/images/robe-camille-l.jpg"></vitrine-wishlist-button>`,
    );
    element.setAttribute('price', '149.5');
    button(element).click();
    const [item] = $wishlist.get().items;
    expect({ title: item.title, price: item.price, currency: item.currency, image: item.image, pending: item.pending }).to.deep.equal({
      title: 'Robe Camille',
      price: 149.5,
      currency: 'EUR',
      image: new URL('/images/robe-camille-l.jpg', location.href).href,
      pending: true,
    });
    await synced();
    expect($wishlist.get().items[0].title, "then the catalog's").to.equal('Robe Camille en lin');
  });

  it("takes the price and picture of the page's JSON-LD product", async () => {
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.dataset.testJsonld = '';
    script.textContent = JSON.stringify({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Trench classique',
      sku: 'ML-TRENCH-CLASSIQUE',
      image: 'https://cdn.example/trench.jpg',
      offers: { '@type': 'Offer', price: '249.00', priceCurrency: 'EUR' },
    });
    document.head.append(script);
    const element = await fixture<VitrineWishlistButton>(html`<vitrine-wishlist-button></vitrine-wishlist-button>`);
    button(element).click();
    const [item] = $wishlist.get().items;
    expect([item.title, item.price, item.currency, item.image]).to.deep.equal(['Trench classique', 249, 'EUR', 'https://cdn.example/trench.jpg']);
  });

  it('warns, naming the attribute and the form it expects, and still saves the product', async () => {
    const warnings = captureWarnings();
    const element = await fixture<VitrineWishlistButton>(
      html`<vitrine-wishlist-button product="ML-SAC-CABAS" price="129,00 €" currency="EUR" image="javascript:alert(1)"></vitrine-wishlist-button>`,
    );
    button(element).click();
    const noCurrency = await fixture<VitrineWishlistButton>(html`<vitrine-wishlist-button product="ML-FOULARD-SOIE" price="59"></vitrine-wishlist-button>`);
    button(noCurrency).click();
    warnings.restore();
    expect(warnings.messages.find(message => message.includes('price="129,00 €"'))).to.contain('price="129.00"');
    expect(warnings.messages.find(message => message.includes('image='))).to.contain('image="https://…"');
    expect(warnings.messages.find(message => message.includes('price="59"'))).to.contain('currency="EUR"');
    const items = $wishlist.get().items;
    expect(items.map(item => [item.productId, item.price, item.image])).to.deep.equal([
      ['ML-SAC-CABAS', undefined, undefined],
      ['ML-FOULARD-SOIE', undefined, undefined],
    ]);
  });

  it('warns once and stays disabled without a product', async () => {
    const warnings = captureWarnings();
    await fixture(html`<div><vitrine-wishlist-button></vitrine-wishlist-button><vitrine-wishlist-button></vitrine-wishlist-button></div>`);
    warnings.restore();
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.contain('product="SKU"');
    expect(button(document.querySelector('vitrine-wishlist-button')!).disabled).to.equal(true);
  });

  it("shows how many friends love the item once the list is shared", async () => {
    const element = await fixture<VitrineWishlistButton>(html`<vitrine-wishlist-button product="ML-JUPE-PLISSEE" lang="fr"></vitrine-wishlist-button>`);
    addToWishlist('ML-JUPE-PLISSEE');
    await synced();
    const shareToken = new URL(await shareWishlist('Camille')).pathname.split('/').pop()!;
    const item = $wishlist.get().items[0];
    await voteOnSharedItem(shareToken, { id: item.id!, productId: item.productId }, { value: 1 });
    await syncWishlist();
    await element.updateComplete;
    const count = element.shadowRoot!.querySelector('[part="count"]')!;
    expect(count.textContent).to.contain('♥ 1');
    expect(count.textContent).to.contain('1 ami adore');
  });

  it('saves what other widgets ask for with vitrine-wishlist-add-request, unless the page cancelled it', async () => {
    await fixture(html`<vitrine-wishlist-button product="ML-SAC-CABAS"></vitrine-wishlist-button>`);
    const ask = (productId: string) =>
      new CustomEvent('vitrine-wishlist-add-request', { detail: { productId, variant: 'S', source: 'feed' }, bubbles: true, cancelable: true });
    document.body.dispatchEvent(ask('ML-CHEMISE-OVERSIZE'));
    const vetoed = ask('ML-JUPE-PLISSEE');
    vetoed.preventDefault();
    document.body.dispatchEvent(vetoed);
    expect($wishlist.get().items.map(item => `${item.productId}/${item.variant}`)).to.deep.equal(['ML-CHEMISE-OVERSIZE/S']);
  });

  it('follows a change made in another tab', async () => {
    const element = await fixture<VitrineWishlistButton>(html`<vitrine-wishlist-button product="ML-ROBE-CAMILLE"></vitrine-wishlist-button>`);
    const otherTab = [{ kind: 'add', key: crypto.randomUUID(), productId: 'ML-ROBE-CAMILLE', variant: '', at: new Date().toISOString() }];
    localStorage.setItem('vitrine:wishlist:outbox', JSON.stringify(otherTab));
    window.dispatchEvent(new StorageEvent('storage', { key: 'vitrine:wishlist:outbox' }));
    await element.updateComplete;
    expect(button(element).getAttribute('aria-pressed')).to.equal('true');
    await synced();
    expect(await serverItems()).to.deep.equal(['ML-ROBE-CAMILLE/']);
  });
});
