import { expect, fixture, html } from '@open-wc/testing';
import { buttonNames, stubWebShare } from '../../test-support/web-share.js';
import type { VitrineShare } from './vitrine-share.js';
import './vitrine-share.js';

// Its own file, so its own page: the network list module is not yet loaded when these tests start.

/** Whether the page has requested the network list module. */
const networkListRequested = () => performance.getEntriesByType('resource').some(entry => /\/features\/share\/share-networks\.ts/.test(entry.name));

describe('<vitrine-share> network list, loaded on demand', () => {
  let webShare: ReturnType<typeof stubWebShare> | undefined;
  afterEach(() => webShare?.restore());

  it('is not downloaded while the system share sheet stands in for it, and is when the sheet refuses', async () => {
    // The system sheet is the one test double allowed: here it refuses, as a platform may.
    webShare = stubWebShare(() => Promise.reject(new DOMException('Permission denied', 'NotAllowedError')));
    const element = await fixture<VitrineShare>(html`<vitrine-share lang="fr" networks="pinterest,copy" url="https://shop.example/p"></vitrine-share>`);
    expect(buttonNames(element)).to.deep.equal(['Partager…']);
    expect(networkListRequested()).to.equal(false);

    element.shadowRoot!.querySelector('button')!.click();
    await new Promise(resolve => setTimeout(resolve, 0));
    await element.updateComplete;
    // The list arrives with the update that shows it: never an empty list on screen, focus on its first network.
    expect(buttonNames(element)).to.deep.equal(['Partager sur Pinterest', 'Copier le lien']);
    expect(element.shadowRoot!.activeElement?.getAttribute('aria-label')).to.equal('Partager sur Pinterest');
    expect(networkListRequested()).to.equal(true);
  });
});
