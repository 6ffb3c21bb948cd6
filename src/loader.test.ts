import { expect } from '@open-wc/testing';
import { captureWarnings } from './test-support/console.js';

/** Loads the built script-tag bundle the way a merchant's page does (`npm run build` first). */
function addLoaderTag(dataset: Record<string, string>): Promise<void> {
  const script = document.createElement('script');
  script.src = '/dist/vitrine.js';
  Object.assign(script.dataset, dataset);
  const loaded = new Promise<void>((resolve, reject) => {
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('dist/vitrine.js did not load: run npm run build'));
  });
  document.head.append(script);
  return loaded;
}

const chunkRequests = () =>
  performance
    .getEntriesByType('resource')
    .map(entry => entry.name)
    .filter(name => name.includes('/dist/cdn/'));

describe('script-tag loader (dist/vitrine.js)', () => {
  it('exposes window.Vitrine, warns about a missing endpoint, and loads nothing until needed', async () => {
    const warnings = captureWarnings();
    await addLoaderTag({ locale: 'fr', consent: 'required' });
    warnings.restore();
    expect(window.Vitrine?.version).to.match(/^\d+\.\d+\.\d+/);
    expect(Object.keys(window.Vitrine!)).to.include.members(['init', 'configure', 'setLocale', 'setConsent', 'version']);
    expect(warnings.messages.filter(m => m.includes('data-endpoint'))).to.have.length(1);
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(chunkRequests()).to.deep.equal([]);
  });

  it('loads the runtime on the first API call and forwards configuration to it', async () => {
    const warnings = captureWarnings();
    await window.Vitrine!.configure({ endpoint: 'ftp://nope' });
    warnings.restore();
    expect(chunkRequests().some(url => url.endsWith('/dist/cdn/runtime.js'))).to.equal(true);
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.contain('endpoint');
  });

  it('loads the share-network registration only when a page calls it, and checks the description there', async () => {
    expect(chunkRequests().some(url => url.endsWith('/register-share-network.js'))).to.equal(false);
    const warnings = captureWarnings();
    await window.Vitrine!.registerShareNetwork({ id: 'mastodon', name: 'Mastodon', url: 'https://mastodon.social/share', params: { text: '{url}' }, icon: 'M2 2h20v20H2z' });
    await window.Vitrine!.registerShareNetwork({ id: 'evil', name: 'Evil', url: 'javascript:alert(1)', params: {}, icon: 'M0 0' });
    warnings.restore();
    expect(chunkRequests().filter(url => url.endsWith('/dist/cdn/register-share-network.js'))).to.have.length(1);
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.contain('registerShareNetwork("evil")');

    const share = document.createElement('vitrine-share');
    share.setAttribute('lang', 'en');
    share.setAttribute('no-native', '');
    share.setAttribute('networks', 'mastodon');
    document.body.append(share);
    await customElements.whenDefined('vitrine-share');
    await (share as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const labels = [...share.shadowRoot!.querySelectorAll('button')].map(button => button.getAttribute('aria-label'));
    share.remove();
    expect(labels).to.deep.equal(['Share on Mastodon']);
  });

  it('ignores a second <script> tag with one warning', async () => {
    const first = window.Vitrine;
    const warnings = captureWarnings();
    await addLoaderTag({ endpoint: '/v1/events' });
    warnings.restore();
    expect(window.Vitrine).to.equal(first);
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.contain('second <script> tag');
  });
});
