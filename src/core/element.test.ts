import { expect } from '@open-wc/testing';
import { captureWarnings } from '../test-support/console.js';
import { VitrineElement } from './element.js';
import { cleanStores } from '../test-support/stores.js';

describe('VitrineElement.define', () => {
  afterEach(() => cleanStores());

  it('defines once and tolerates the same version again, silently', () => {
    class Probe extends VitrineElement {}
    const warnings = captureWarnings();
    Probe.define('vitrine-define-probe');
    Probe.define('vitrine-define-probe');
    class SameVersionCopy extends VitrineElement {}
    SameVersionCopy.define('vitrine-define-probe');
    warnings.restore();
    expect(customElements.get('vitrine-define-probe')).to.equal(Probe);
    expect(warnings.messages).to.deep.equal([]);
  });

  it('warns once when another version holds the tag, and keeps it', async () => {
    class OldCopy extends VitrineElement {
      static override readonly vitrineVersion = '0.0.1';
    }
    OldCopy.define('vitrine-clash-probe');
    class NewCopy extends VitrineElement {}
    const warnings = captureWarnings();
    NewCopy.define('vitrine-clash-probe');
    NewCopy.define('vitrine-clash-probe');
    // The wording arrives with its own module: once it has, both calls have been answered.
    await import('./define-clash.js');
    await Promise.resolve();
    warnings.restore();
    expect(customElements.get('vitrine-clash-probe')).to.equal(OldCopy);
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.contain('0.0.1');
  });
});
