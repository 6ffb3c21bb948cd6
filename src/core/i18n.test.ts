import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { captureWarnings } from '../test-support/console.js';
import { configure } from './config.js';
import { formatDate, plural } from './format.js';
import { formatPrice, resolveLocale } from './i18n.js';
import { setLocale } from './locale.js';
import { LocalizeController } from './localize-controller.js';
import { cleanStores } from '../test-support/stores.js';

type ProbeMessages = { hello: string; votes: (n: number) => string };
const shipped = (messages: ProbeMessages) => () => Promise.resolve({ default: messages });
const catalog = {
  en: { hello: 'Hello', votes: (n: number) => (n === 1 ? '1 vote' : `${n} votes`) },
  fr: { hello: 'Bonjour', votes: (n: number) => (n <= 1 ? `${n} vote` : `${n} votes`) },
  de: shipped({ hello: 'Hallo', votes: n => (n === 1 ? '1 Stimme' : `${n} Stimmen`) }),
  es: shipped({ hello: 'Hola', votes: n => (n === 1 ? '1 voto' : `${n} votos`) }),
  it: shipped({ hello: 'Ciao', votes: n => (n === 1 ? '1 voto' : `${n} voti`) }),
};

class LocalizedProbe extends LitElement {
  readonly l10n = new LocalizeController(this, 'probe', catalog);
  override render() {
    return this.l10n.t('hello');
  }
}
customElements.define('vitrine-localized-probe', LocalizedProbe);

describe('i18n', () => {
  const root = document.documentElement;
  afterEach(() => {
    root.lang = 'en';
    setLocale(undefined);
    cleanStores();
  });

  it('resolves element lang, then setLocale, then <html lang>, then the configured default', () => {
    const host = document.createElement('div');
    document.body.append(host);
    root.lang = 'fr-FR';
    expect(resolveLocale(host)).to.equal('fr');
    setLocale('en');
    expect(resolveLocale(host)).to.equal('en');
    host.lang = 'fr';
    expect(resolveLocale(host)).to.equal('fr');
    host.remove();
    setLocale(undefined);
    root.removeAttribute('lang');
    configure({ locale: 'fr' });
    expect(resolveLocale(host)).to.equal('fr');
  });

  it('falls back with one warning on an unsupported language', () => {
    const warnings = captureWarnings();
    root.lang = 'nl';
    expect(resolveLocale(document.body)).to.equal('en');
    expect(resolveLocale(document.body)).to.equal('en');
    warnings.restore();
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.contain('lang="nl"').and.contain('fr, en, de, es, it');
  });

  it('formats prices, dates and plurals through Intl', () => {
    expect(formatPrice('fr', 129, 'EUR')).to.match(/^129,00\s€$/);
    expect(formatPrice('en', 129, 'EUR')).to.equal('€129.00');
    expect(formatPrice('en', 10, 'NOPE')).to.equal('10 NOPE');
    expect(formatDate('fr', '2026-11-27T12:00:00Z', 'long')).to.equal('27 novembre 2026');
    expect(plural('fr', 0, { one: '# vote', other: '# votes' })).to.equal('0 vote');
    expect(plural('en', 0, { one: '# vote', other: '# votes' })).to.equal('0 votes');
  });

  it('re-renders an element when <html lang> or setLocale changes', async () => {
    root.lang = 'en';
    const element = await fixture<LocalizedProbe>(html`<vitrine-localized-probe></vitrine-localized-probe>`);
    expect(element.shadowRoot!.textContent).to.equal('Hello');
    root.lang = 'fr';
    await new Promise(resolve => setTimeout(resolve));
    await element.updateComplete;
    expect(element.shadowRoot!.textContent).to.equal('Bonjour');
    setLocale('en');
    await element.updateComplete;
    expect(element.shadowRoot!.textContent).to.equal('Hello');
    expect(element.l10n.t('votes', 3)).to.equal('3 votes');
  });
});
