import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse } from '@web/test-runner-commands';
import { configure } from '../../core/config.js';
import type { WishlistState } from '../../features/wishlist/index.js';
import { $wishlist, addToWishlist, fetchSharedWishlist, revokeWishlistShare, shareWishlist, syncWishlist, voteOnSharedItem } from '../../features/wishlist/index.js';
import { testApi } from '../../test-support/console.js';
import './vitrine-wishlist.js';
import type { VitrineWishlist } from './wishlist.element.js';
import { cleanStores } from '../../test-support/stores.js';

const root = (element: VitrineWishlist) => element.shadowRoot!;
const texts = (element: VitrineWishlist, selector: string) => [...root(element).querySelectorAll(selector)].map(node => node.textContent!.replace(/\s+/g, ' ').trim());
const buttonNamed = (element: VitrineWishlist, name: string) =>
  [...root(element).querySelectorAll('button')].find(button => button.textContent!.includes(name))!;

/** A shared list on the test server: three items, the share token. */
async function sharedList(): Promise<string> {
  for (const id of ['ML-ROBE-CAMILLE', 'ML-SAC-CABAS']) addToWishlist(id);
  await waitUntil(() => $wishlist.get().pending === 0 && $wishlist.get().items.every(item => item.id), 'synced', { timeout: 5000 });
  return new URL(await shareWishlist('Camille')).pathname.split('/').pop()!;
}

describe('<vitrine-wishlist>', () => {
  beforeEach(() => configure({ api: testApi() }));
  afterEach(async () => {
    await syncWishlist();
    cleanStores();
    Object.keys(localStorage).filter(key => key.startsWith('vitrine:')).forEach(key => localStorage.removeItem(key));
  });

  it("a friend's quick first votes on several items wait for the first voter token: one voter holds them all", async () => {
    const shareToken = await sharedList();
    const { items } = await fetchSharedWishlist(shareToken);
    await Promise.all(items.map(item => voteOnSharedItem(shareToken, item, { value: 1 })));
    const view = await fetchSharedWishlist(shareToken);
    expect(view.items.map(item => [item.votes.up, item.myVote?.value])).to.deep.equal(items.map(() => [1, 1]));
  });

  it('shows the owner a suspicious burst of new voters, and removes its votes', async () => {
    const shareToken = await sharedList();
    const { items } = await fetchSharedWishlist(shareToken);
    // Five first votes from one address (this browser), with no voter token: five new voters.
    for (let n = 0; n < 5; n++) {
      const response = await fetch(`${testApi()}/v1/shared/${shareToken}/items/${items[0].id}/vote`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: '{"value":1}',
      });
      expect(response.status).to.equal(200);
    }
    const element = await fixture<VitrineWishlist>(html`<vitrine-wishlist lang="fr"></vitrine-wishlist>`);
    await waitUntil(() => root(element).querySelector('[part="burst"]'), 'the burst notice', { timeout: 5000 });
    const notice = root(element).querySelector<HTMLElement>('[part="burst"]')!;
    expect(notice.getAttribute('role')).to.equal('group');
    const label = root(element).getElementById(notice.getAttribute('aria-labelledby')!)!;
    expect(label.textContent).to.equal('Votes suspects : 5 nouveaux votants depuis une même connexion dans la journée (5 votes).');
    buttonNamed(element, 'Retirer ces votes').click();
    await waitUntil(() => texts(element, '[part="status"]')[0] === '5 votes retirés.', 'removed', { timeout: 5000 });
    expect(root(element).querySelector('[part="burst"]')).to.equal(null);
    expect($wishlist.get().items.map(item => item.votes?.up)).to.deep.equal([0, 0]);
    await expect(element).to.be.accessible();
  });

  it("lists the owner's items with localized prices and removes one", async () => {
    const element = await fixture<VitrineWishlist>(html`<vitrine-wishlist lang="fr"></vitrine-wishlist>`);
    expect(texts(element, '[part="empty"]')[0]).to.contain('vide');
    addToWishlist('ML-ROBE-CAMILLE', 'M');
    addToWishlist('ML-FOULARD-SOIE');
    await waitUntil(() => texts(element, '[part="price"]').length === 2, 'the catalog data arrived', { timeout: 5000 });
    expect(texts(element, '.title')).to.deep.equal(['Foulard en soie imprimé', 'Robe Camille en lin']);
    expect(texts(element, '[part="price"]')).to.deep.equal(['59,00 €', '129,00 €']);
    expect(texts(element, '.meta .muted')).to.include('Taille : M');
    buttonNamed(element, 'Retirer Foulard').click();
    await element.updateComplete;
    expect(texts(element, '.title')).to.deep.equal(['Robe Camille en lin']);
  });

  it('sorts by votes or by date', async () => {
    const data: WishlistState = {
      ownerName: '',
      shareUrl: null,
      pending: 0,
      items: [
        { productId: 'A', title: 'Ancienne', variant: '', addedAt: '2026-01-01T00:00:00Z', votes: { up: 3, down: 0 } },
        { productId: 'B', title: 'Récente', variant: '', addedAt: '2026-02-01T00:00:00Z', votes: { up: 0, down: 1 } },
      ],
    };
    const element = await fixture<VitrineWishlist>(html`<vitrine-wishlist lang="en" .data=${data}></vitrine-wishlist>`);
    expect(texts(element, '.title')).to.deep.equal(['Récente', 'Ancienne']);
    const select = root(element).querySelector('select')!;
    select.value = 'votes';
    select.dispatchEvent(new Event('change'));
    await element.updateComplete;
    expect(texts(element, '.title')).to.deep.equal(['Ancienne', 'Récente']);
    expect(texts(element, '[part="votes"] .sr-only')).to.deep.equal(['3 love it, 0 not for me', '0 love it, 1 not for me']);
  });

  it('shares: a cancelable event, then the link goes to the slotted share element', async () => {
    const element = await fixture<VitrineWishlist>(html`<vitrine-wishlist lang="fr"><div slot="share" id="share"></div></vitrine-wishlist>`);
    await sharedList();
    await element.updateComplete;
    setTimeout(() => buttonNamed(element, "Demander l'avis de mes amis").click());
    const event = await oneEvent(element, 'vitrine-wishlist-share');
    expect(new URL(event.detail.url).pathname).to.match(/^\/w\/[A-Za-z0-9_-]{43}$/);
    expect(event.detail.title).to.equal('Aidez Camille à choisir');
    await element.updateComplete;
    const slotted = element.querySelector('#share')!;
    expect(slotted.getAttribute('url')).to.equal(event.detail.url);
    expect(slotted.getAttribute('title')).to.equal('Aidez Camille à choisir');

    buttonNamed(element, 'Désactiver le lien').click();
    await waitUntil(() => $wishlist.get().shareUrl === null, 'revoked', { timeout: 5000 });
    element.addEventListener('vitrine-wishlist-share', sharing => sharing.preventDefault(), { once: true });
    buttonNamed(element, "Demander l'avis de mes amis").click();
    await waitUntil(() => $wishlist.get().shareUrl !== null, 'shared again', { timeout: 5000 });
    await element.updateComplete;
    expect(root(element).querySelector('[part="share"]'), 'the page shares it itself').to.equal(null);
  });

  it("shows friends' votes live, without reloading, and fires vitrine-wishlist-vote", async () => {
    const element = await fixture<VitrineWishlist>(html`<vitrine-wishlist lang="fr"></vitrine-wishlist>`);
    const shareToken = await sharedList();
    const robe = $wishlist.get().items.find(item => item.productId === 'ML-ROBE-CAMILLE')!;
    const heard: unknown[] = [];
    element.addEventListener('vitrine-wishlist-vote', event => heard.push(event.detail));
    // The friend votes (changing their single vote back and forth if needed) until the owner's live stream reports it.
    const item = { id: robe.id!, productId: robe.productId };
    let attempts = 0;
    await waitUntil(
      async () => {
        if (heard.length) return true;
        if (attempts++) await voteOnSharedItem(shareToken, item, { value: -1 });
        await voteOnSharedItem(shareToken, item, { value: 1, comment: 'Sublime', firstName: 'Léa' });
        return heard.length > 0;
      },
      'the vote arrived live',
      { timeout: 5000, interval: 250 },
    );
    expect(heard[0]).to.include({ productId: 'ML-ROBE-CAMILLE' });
    await waitUntil(() => texts(element, '.comments li').length === 1, 'the comment arrived', { timeout: 5000 });
    expect(texts(element, '.comments li')[0]).to.equal("♥J'adore Léa « Sublime »");
    await waitUntil(() => texts(element, '[part="votes"] .sr-only').includes("1 J'adore, 0 Pas pour moi"), 'the tally arrived', { timeout: 5000 });
  });

  it("takes a friend's tally from the live stream and its own change from the answer: the list is not read again", async () => {
    const element = await fixture<VitrineWishlist>(html`<vitrine-wishlist lang="fr"></vitrine-wishlist>`);
    const shareToken = await sharedList();
    const robe = $wishlist.get().items.find(item => item.productId === 'ML-ROBE-CAMILLE')!;
    const item = { id: robe.id!, productId: robe.productId };
    let heard = 0;
    element.addEventListener('vitrine-wishlist-vote', () => heard++);
    // Once a vote is heard, the owner's stream is open.
    let value: 1 | -1 = 1;
    await waitUntil(
      async () => {
        if (heard) return true;
        value = value === 1 ? -1 : 1;
        await voteOnSharedItem(shareToken, item, { value });
        return heard > 0;
      },
      'the stream is open',
      { timeout: 5000, interval: 250 },
    );
    const tallyOf = (productId: string) => $wishlist.get().items.find(entry => entry.productId === productId)?.votes;
    const owners: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
      // The burst review (GET …/bursts) is its own small read, once per run of votes: not a read of the list.
      if (path.startsWith('/v1/wishlists') && !path.endsWith('/bursts')) owners.push(`${init?.method ?? 'GET'} ${path.replace(/[0-9a-f-]{36}/, ':id')}`);
      return realFetch(input, init);
    };
    try {
      const changed = value === 1 ? -1 : 1;
      const voted = await voteOnSharedItem(shareToken, item, { value: changed });
      await waitUntil(() => JSON.stringify(tallyOf('ML-ROBE-CAMILLE')) === JSON.stringify(voted.votes), 'the new tally arrived', { timeout: 5000 });
      addToWishlist('ML-FOULARD-SOIE');
      await waitUntil(() => $wishlist.get().pending === 0, 'the change is confirmed', { timeout: 5000 });
      // A vote after the change: once its tally is shown, the stream's news of the change has been read too.
      const last = await voteOnSharedItem(shareToken, item, { value: changed === 1 ? -1 : 1 });
      await waitUntil(() => JSON.stringify(tallyOf('ML-ROBE-CAMILLE')) === JSON.stringify(last.votes), 'the last tally arrived', { timeout: 5000 });
    } finally {
      window.fetch = realFetch;
    }
    expect(owners).to.deep.equal(['POST /v1/wishlists/:id/items']);
    expect(texts(element, '.title')).to.include('Foulard en soie imprimé');
  });

  it("is the friend's voting page: J'adore with a comment and a first name, no account", async () => {
    const shareToken = await sharedList();
    // The friend is another shopper: none of the owner's state.
    cleanStores();
    configure({ api: testApi() });
    const element = await fixture<VitrineWishlist>(html`<vitrine-wishlist mode="shared" layout="list" share-token=${shareToken} lang="fr"></vitrine-wishlist>`);
    await waitUntil(() => root(element).querySelectorAll('[part="item"]').length === 2, 'the shared list loaded', { timeout: 5000 });
    const name = root(element).querySelector<HTMLInputElement>('input[autocomplete="given-name"]')!;
    name.value = 'Léa';
    name.dispatchEvent(new Event('input'));
    const comment = root(element).querySelector('textarea')!;
    comment.value = 'Parfaite pour le mariage';
    comment.dispatchEvent(new Event('input'));
    const love = root(element).querySelector<HTMLButtonElement>('[part="vote"]')!;
    love.click();
    await element.updateComplete;
    expect(love.getAttribute('aria-pressed')).to.equal('true');
    await waitUntil(() => texts(element, '[part="status"]')[0] === 'Vote enregistré', 'saved', { timeout: 5000 });
    const again = await fetch(`${testApi()}/v1/shared/${shareToken}`, {
      headers: { authorization: `Bearer ${JSON.parse(localStorage.getItem(`vitrine:wishlist:voter:${shareToken.slice(0, 16)}`)!)}` },
    });
    const { items } = (await again.json()) as { items: Array<{ myVote?: unknown; votes: unknown }> };
    expect(items[0].myVote).to.deep.equal({ value: 1, comment: 'Parfaite pour le mariage', firstName: 'Léa' });
    expect(items[0].votes).to.deep.equal({ up: 1, down: 0 });
  });

  it('says so when the link was turned off or never existed', async () => {
    const shareToken = await sharedList();
    await revokeWishlistShare();
    const gone = await fixture<VitrineWishlist>(html`<vitrine-wishlist mode="shared" share-token=${shareToken} lang="fr"></vitrine-wishlist>`);
    await waitUntil(() => root(gone).querySelector('[role="alert"]'), 'the error shows', { timeout: 5000 });
    expect(texts(gone, '[role="alert"]')[0]).to.contain('désactivé');
    const unknown = await fixture<VitrineWishlist>(html`<vitrine-wishlist mode="shared" share-token=${'x'.repeat(43)} lang="fr"></vitrine-wishlist>`);
    await waitUntil(() => root(unknown).querySelector('[role="alert"]'), 'the error shows', { timeout: 5000 });
    expect(texts(unknown, '[role="alert"]')[0]).to.contain('aucune liste');
  });

  it('swipe deck: one item at a time, with the arrow keys or a swipe', async () => {
    const shareToken = await sharedList();
    // The friend is another shopper: none of the owner's state.
    cleanStores();
    configure({ api: testApi() });
    const element = await fixture<VitrineWishlist>(html`<vitrine-wishlist mode="shared" layout="deck" share-token=${shareToken} lang="fr"></vitrine-wishlist>`);
    await waitUntil(() => root(element).querySelector('[part="card"]'), 'the deck shows', { timeout: 5000 });
    expect(root(element).querySelectorAll('[part="card"]')).to.have.length(1);
    expect(texts(element, '[aria-live]')[0]).to.equal('Article 1 sur 2');
    const votes: number[] = [];
    element.addEventListener('vitrine-wishlist-vote', event => votes.push(event.detail.value));
    root(element).querySelector<HTMLElement>('[part="card"]')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await element.updateComplete;
    expect(texts(element, '[aria-live]')[0]).to.equal('Article 2 sur 2');

    const card = root(element).querySelector<HTMLElement>('[part="card"]')!;
    card.scrollIntoView({ block: 'center' });
    const box = card.querySelector('.meta')!.getBoundingClientRect();
    const y = Math.round(box.top + 5);
    const x = Math.round(box.left + box.width / 2);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x - 60, y] });
    await sendMouse({ type: 'move', position: [x - 150, y] });
    await sendMouse({ type: 'up' });
    await element.updateComplete;
    expect(votes).to.deep.equal([1, -1]);
    expect(texts(element, '[part="deck"] p')[0]).to.equal('Merci ! Camille verra vos votes.');
  });

  it('previews a shared list from data, without a server (stories)', async () => {
    const data = {
      ownerName: 'Camille',
      items: [{ id: 'a', productId: 'A', variant: '', title: 'Robe', votes: { up: 0, down: 0 } }],
    };
    const element = await fixture<VitrineWishlist>(html`<vitrine-wishlist mode="shared" layout="list" lang="en" .data=${data}></vitrine-wishlist>`);
    await waitUntil(() => buttonNamed(element, 'Love it'), 'the friend view loaded (on demand)');
    const love = buttonNamed(element, 'Love it');
    love.click();
    await element.updateComplete;
    expect(love.getAttribute('aria-pressed')).to.equal('true');
    expect(texts(element, '[part="votes"] .sr-only')).to.deep.equal(['1 love it, 0 not for me']);
  });
});
