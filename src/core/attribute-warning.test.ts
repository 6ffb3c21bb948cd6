import { expect } from '@open-wc/testing';
import { captureWarnings } from '../test-support/console.js';
import { oneOf, warnAttribute } from './attribute-warning.js';
import { cleanStores } from '../test-support/stores.js';

describe('attribute warnings', () => {
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(() => (warnings = captureWarnings()));
  afterEach(() => {
    warnings.restore();
    cleanStores();
  });

  it('oneOf keeps an allowed value silently, and answers the default with one warning for another', () => {
    const sizes = ['md', 'sm', 'lg'] as const;
    expect(oneOf('vitrine-probe', 'size', 'sm', sizes)).to.equal('sm');
    expect(warnings.messages).to.deep.equal([]);
    expect(oneOf('vitrine-probe', 'size', 'huge', sizes)).to.equal('md');
    expect(oneOf('vitrine-probe', 'size', 'huge', sizes)).to.equal('md');
    expect(warnings.messages).to.deep.equal(['[vitrine] <vitrine-probe size="huge">: expected md, sm, lg. Using md.']);
  });

  it('names the element, the attribute, its value and what it expects, once per distinct value', () => {
    warnAttribute('vitrine-probe', 'url', 'javascript:alert(1)', 'an http(s) URL');
    warnAttribute('vitrine-probe', 'url', 'javascript:alert(1)', 'an http(s) URL');
    warnAttribute('vitrine-probe', 'url', 'ftp://x', 'an http(s) URL');
    expect(warnings.messages).to.deep.equal([
      '[vitrine] <vitrine-probe url="javascript:alert(1)">: expected an http(s) URL.',
      '[vitrine] <vitrine-probe url="ftp://x">: expected an http(s) URL.',
    ]);
  });
});
