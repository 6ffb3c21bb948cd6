import { expect } from '@open-wc/testing';
import { captureWarnings } from '../test-support/console.js';
import type { ConfigAttributes, ConfigInput } from './config.js';
import { $config, DEFAULT_CONFIG, configure } from './config.js';
import { cleanStores } from '../test-support/stores.js';

describe('configure', () => {
  let warnings: ReturnType<typeof captureWarnings>;
  beforeEach(() => {
    cleanStores();
    warnings = captureWarnings();
  });
  afterEach(() => {
    warnings.restore();
    cleanStores();
  });

  it('accepts valid values and resolves relative URLs against the page', () => {
    // The script tag's data-* strings, parsed.
    configure({ endpoint: '/v1/events', locale: 'fr-FR', consent: 'granted', vitalsSampleRate: '0.5', utm: 'false' } as ConfigAttributes as ConfigInput);
    const config = $config.get();
    expect(config.endpoint).to.equal(new URL('/v1/events', location.href).href);
    expect(config.locale).to.equal('fr');
    expect(config.consent).to.equal('granted');
    expect(config.vitalsSampleRate).to.equal(0.5);
    expect(config.utm).to.equal(false);
    expect(warnings.messages).to.deep.equal([]);
  });

  it('warns once naming the key and expected form, and keeps the safe value', () => {
    configure({ endpoint: 'javascript:alert(1)' });
    configure({ endpoint: 'javascript:alert(1)' });
    expect($config.get().endpoint).to.equal(DEFAULT_CONFIG.endpoint);
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.contain('endpoint').and.contain('http(s) URL');
  });

  it('warns on an unknown locale and on unknown keys', () => {
    configure({ locale: 'nl' } as ConfigAttributes as ConfigInput);
    configure({ colour: 'red' } as never);
    expect($config.get().locale).to.equal(DEFAULT_CONFIG.locale);
    expect(warnings.messages).to.have.length(2);
    expect(warnings.messages[0]).to.contain('locale').and.contain('fr, en');
    expect(warnings.messages[1]).to.contain('colour');
  });

  it("takes a key named like an object's own method (toString) for an unknown key, without throwing", () => {
    configure({ toString: 'x' } as never);
    expect(warnings.messages).to.have.length(1);
    expect(warnings.messages[0]).to.contain('Unknown configuration key "toString"');
  });

  it('rejects out-of-range numbers', () => {
    configure({ vitalsSampleRate: 2 });
    expect($config.get().vitalsSampleRate).to.equal(DEFAULT_CONFIG.vitalsSampleRate);
    expect(warnings.messages[0]).to.contain('from 0 to 1');
  });

  it('takes a beforeSend function or null, and warns on anything else', () => {
    const hook = <T>(event: T) => event;
    configure({ beforeSend: hook });
    expect($config.get().beforeSend).to.equal(hook);
    configure({ beforeSend: 'drop-all' as never });
    expect($config.get().beforeSend).to.equal(hook);
    expect(warnings.messages[0]).to.contain('beforeSend').and.contain('a function or null');
    configure({ beforeSend: null });
    expect($config.get().beforeSend).to.equal(null);
  });
});
