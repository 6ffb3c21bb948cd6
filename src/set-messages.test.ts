import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { plural } from './core/format.js';
import { setLocale } from './core/locale.js';
import { feedMessages } from './components/feed/feed.i18n.js';
import { messages as loginMessages } from './components/login/login.i18n.js';
import { shareCatalog } from './components/share/share.i18n.js';
import type { VitrineShare } from './components/share/vitrine-share.js';
import './components/share/vitrine-share.js';
import { wishlistButtonCatalog } from './components/wishlist-button/wishlist-button.i18n.js';
import { wishlistCatalog } from './components/wishlist/wishlist.i18n.js';
import { setMessages } from './index.js';
import { captureWarnings } from './test-support/console.js';
import { cleanStores } from './test-support/stores.js';

/** What a shopper reads or hears on each button: its accessible name, else its text. */
const names = (element: Element) =>
  [...element.shadowRoot!.querySelectorAll('button')].map(button => button.getAttribute('aria-label') ?? button.textContent!.trim());
const listName = (element: Element) => element.shadowRoot!.querySelector('ul')!.getAttribute('aria-label');

const share = (lang: string, layout = 'labels') =>
  fixture<VitrineShare>(
    html`<vitrine-share lang=${lang} layout=${layout} no-native networks="whatsapp,email,copy" url="https://shop.example/produits/robe.html" title="Robe Camille"></vitrine-share>`,
  );

describe('copy overrides and shipped languages', () => {
  afterEach(() => {
    setLocale(undefined);
    cleanStores();
  });

  it('an override wins over the built-in string, and the other keys keep theirs', async () => {
    setMessages('fr', 'share', { copy: 'Copier le lien du look' });
    const element = await share('fr');
    expect(names(element)).to.deep.equal(['Partager sur WhatsApp', 'Partager par e-mail', 'Copier le lien du look']);
    expect(listName(element)).to.equal('Partager ce produit');
  });

  it('an override given while the widget is on screen shows at once', async () => {
    const element = await share('fr', 'menu');
    expect(names(element)[0]).to.equal('Partager');
    setMessages('fr', 'share', { share: 'Partager ce look' });
    await element.updateComplete;
    expect(names(element)[0]).to.equal('Partager ce look');
    // The English page is untouched.
    element.lang = 'en';
    await waitUntil(() => names(element)[0] === 'Share');
  });

  it('a message with arguments takes a string with {1} for its argument, or a function', async () => {
    setMessages('fr', 'share', { shareOn: 'Envoyer sur {1}', emailName: 'Envoyer par e-mail' });
    const element = await share('fr');
    expect(names(element).slice(0, 2)).to.deep.equal(['Envoyer sur WhatsApp', 'Envoyer par e-mail']);
    setMessages('fr', 'share', { shareOn: network => `${network} : partager` });
    await element.updateComplete;
    expect(names(element)[0]).to.equal('WhatsApp : partager');
  });

  it('a language Vitrine does not ship renders once given; missing keys fall back to English', async () => {
    setMessages('nl', 'share', { shareOn: 'Delen via {1}', emailName: 'Delen via e-mail', networks: 'Dit product delen' });
    const element = await share('nl');
    expect(names(element)).to.deep.equal(['Delen via WhatsApp', 'Delen via e-mail', 'Copy link']);
    expect(listName(element)).to.equal('Dit product delen');
    // setLocale() and <html lang> accept it too now.
    element.removeAttribute('lang');
    setLocale('nl-BE');
    await element.updateComplete;
    expect(listName(element)).to.equal('Dit product delen');
  });

  it('German, Spanish and Italian load on first use, and an override still wins over them', async () => {
    setMessages('it', 'share', { copy: 'Copia il link del look' });
    const [de, es, it] = await Promise.all([share('de'), share('es'), share('it')]);
    await waitUntil(() => listName(de) === 'Dieses Produkt teilen' && listName(es) === 'Compartir este producto' && listName(it) === 'Condividi questo prodotto');
    expect(names(de)).to.deep.equal(['Auf WhatsApp teilen', 'Per E-Mail teilen', 'Link kopieren']);
    expect(names(es)).to.deep.equal(['Compartir en WhatsApp', 'Compartir por correo electrónico', 'Copiar enlace']);
    expect(names(it)).to.deep.equal(['Condividi su WhatsApp', 'Condividi via e-mail', 'Copia il link del look']);
  });

  it("an element's messages property wins over setMessages(), per key and per language", async () => {
    setMessages('fr', 'share', { share: 'Partager (global)', networks: 'Partager cette pièce' });
    const element = await share('fr', 'menu');
    element.messages = { fr: { share: 'Partager ce look' }, en: { share: 'Share this look' } };
    await element.updateComplete;
    expect(names(element)[0]).to.equal('Partager ce look');
    expect(listName(element)).to.equal('Partager cette pièce');
    element.lang = 'en';
    await waitUntil(() => names(element)[0] === 'Share this look');
    expect(listName(element)).to.equal('Share this product');
  });

  it("an element's messages can bring a language of its own", async () => {
    const element = await share('fr', 'menu');
    element.messages = { pt: { share: 'Partilhar' } };
    element.lang = 'pt-PT';
    await waitUntil(() => names(element)[0] === 'Partilhar');
  });

  it('warns once per bad key or value, naming it and the expected form; the built-in wording stays', async () => {
    const warnings = captureWarnings();
    setMessages('fr', 'share', { shre: 'Partager ce look', copy: 42 } as never);
    (setMessages as (locale: string, widget: string, messages: object) => void)('fr', 'shar', { share: 'x' });
    setMessages('français', 'share', { share: 'x' });
    setMessages('fr', 'share', 'Partager' as never);
    const element = await share('fr', 'menu');
    element.messages = { fr: { sahre: 'Partager' } as never };
    // The check is a module of its own, fetched by pages that override wording.
    await waitUntil(() => warnings.messages.length >= 6).finally(() => warnings.restore());
    expect(names(element)[0]).to.equal('Partager');
    expect(names(element).at(-1)).to.equal('Copier le lien');
    const text = warnings.messages.join('\n');
    expect(warnings.messages, text).to.have.length(6);
    expect(text).to.contain('setMessages("fr", "shar"): unknown widget; expected one of share, feed, wishlist, wishlist-button, login');
    expect(text).to.contain('setMessages("français", "share"): the locale is not a language tag; expected a code such as de, nl or pt-BR');
    expect(text).to.contain('setMessages("fr", "share"): expected an object of strings by key');
    expect(text).to.contain('setMessages("fr", "share"): unknown key "shre"; expected one of share, shareNative, shareLook, shareOn');
    expect(text).to.contain('setMessages("fr", "share"): "copy" is 42; expected a string');
    expect(text).to.contain('<vitrine-share>.messages.fr: unknown key "sahre"');
  });

  it('every shipped language has every key of every widget', async () => {
    for (const catalog of [shareCatalog, feedMessages, loginMessages, wishlistCatalog, wishlistButtonCatalog]) {
      for (const load of [catalog.de, catalog.es, catalog.it]) {
        expect(Object.keys((await load()).default).sort()).to.deep.equal(Object.keys(catalog.en).sort());
      }
    }
  });

  it('plurals follow each language: one item, several items', async () => {
    const carousel = async (locale: 'de' | 'es' | 'it', n: number) => (await feedMessages[locale]()).default.carousel(n);
    expect(await carousel('de', 1)).to.equal('Karussell mit 1 Element');
    expect(await carousel('de', 4)).to.equal('Karussell mit 4 Elementen');
    expect(await carousel('es', 1)).to.equal('carrusel de 1 elemento');
    expect(await carousel('es', 10)).to.equal('carrusel de 10 elementos');
    expect(await carousel('it', 1)).to.equal('carosello di 1 elemento');
    expect(await carousel('it', 2)).to.equal('carosello di 2 elementi');
    const loved = async (locale: 'de' | 'es' | 'it', n: number) => {
      const { lovedOne: one, lovedOther: other } = (await wishlistButtonCatalog[locale]()).default;
      return plural(locale, n, { one, other });
    };
    expect(await loved('de', 1)).to.equal('1 Freund liebt es');
    expect(await loved('de', 1200)).to.equal('1.200 Freunde lieben es');
    expect(await loved('es', 1)).to.equal('Le encanta a 1 amigo');
    expect(await loved('es', 3)).to.equal('Les encanta a 3 amigos');
    expect(await loved('it', 0)).to.equal('Piace a 0 amici');
  });

  it('is typed per widget (checked by tsc, never run)', () => {
    const typed = () => {
      setMessages('fr', 'share', { share: 'Partager ce look' });
      setMessages('nl', 'wishlist', { love: 'Mooi!', tally: (up, down) => `${up} ♥ ${down} ✕` });
      // @ts-expect-error the share widget has no key "shre"
      setMessages('fr', 'share', { shre: 'Partager ce look' });
      // @ts-expect-error a string key takes a string
      setMessages('fr', 'share', { share: 42 });
      // @ts-expect-error no widget is called "shar"
      setMessages('fr', 'shar', { share: 'Partager' });
    };
    expect(typed).to.be.a('function');
  });
});
