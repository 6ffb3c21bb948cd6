import { expect } from '@open-wc/testing';
import { cleanStores } from '../test-support/stores.js';
import { configure } from './config.js';
import { $adConsent, $consent } from './consent.js';
import { forwardConsentMode } from './consent-mode.js';
import type { TcData, TcfApi } from './tcf.js';
import { readTcString, watchTcf } from './tcf.js';

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const encode = (bits: string) => (bits.padEnd(Math.ceil(bits.length / 6) * 6, '0').match(/.{6}/g) ?? []).map(six => BASE64URL[parseInt(six, 2)]).join('');
const field = (value: number, length: number) => value.toString(2).padStart(length, '0');
/** A TC string's core segment, as far as the adapter reads it: version 2, and the policy version at bit 132. */
const core = (policyVersion: number) => encode(field(2, 6) + '0'.repeat(126) + field(policyVersion, 6) + '0'.repeat(30));
/** A disclosedVendors segment (type 1), as a bit field or as ranges. */
const disclosedBits = (vendors: number[]) => {
  const max = Math.max(...vendors);
  return encode(field(1, 3) + field(max, 16) + '0' + Array.from({ length: max }, (_, i) => (vendors.includes(i + 1) ? '1' : '0')).join(''));
};
const disclosedRanges = (ranges: Array<[number, number]>) =>
  encode(
    field(1, 3) + field(Math.max(...ranges.map(([, last]) => last)), 16) + '1' + field(ranges.length, 12) +
      ranges.map(([first, last]) => (first === last ? '0' + field(first, 16) : '1' + field(first, 16) + field(last, 16))).join(''),
  );

/** A stand-in for a CMP's `__tcfapi` (Didomi, Axeptio, OneTrust): it replays `TCData` to its listeners. */
function installCmp() {
  const listeners = new Map<number, (data: TcData, success: boolean) => void>();
  const removed: number[] = [];
  const api: TcfApi = (command, _version, callback, parameter) => {
    if (command === 'addEventListener') {
      const listenerId = listeners.size + 1;
      listeners.set(listenerId, callback);
      callback({ listenerId, eventStatus: 'cmpuishown', gdprApplies: true, purpose: { consents: {} } }, true);
    } else if (command === 'removeEventListener') {
      removed.push(parameter as number);
      listeners.delete(parameter as number);
    }
  };
  (window as { __tcfapi?: TcfApi }).__tcfapi = api;
  return {
    removed,
    answer: (data: TcData) => listeners.forEach((listener, listenerId) => listener({ listenerId, ...data }, true)),
  };
}

describe('IAB TCF v2.2 / v2.3 adapter', () => {
  afterEach(() => {
    delete (window as { __tcfapi?: TcfApi }).__tcfapi;
    cleanStores();
  });

  it('waits while the banner is up, then follows the answer for purposes 1 and 8', () => {
    const cmp = installCmp();
    const stop = watchTcf();
    expect($consent.get()).to.equal('unknown');
    cmp.answer({ eventStatus: 'useractioncomplete', gdprApplies: true, purpose: { consents: { 1: true, 8: true } } });
    expect($consent.get()).to.equal('granted');
    cmp.answer({ eventStatus: 'useractioncomplete', gdprApplies: true, purpose: { consents: { 1: true, 7: true } } });
    expect($consent.get()).to.equal('denied');
    stop();
    expect(cmp.removed).to.deep.equal([1]);
  });

  it('reads a stored choice on load, and grants when GDPR does not apply', () => {
    const cmp = installCmp();
    const stop = watchTcf();
    cmp.answer({ eventStatus: 'tcloaded', gdprApplies: true, purpose: { consents: { 8: true } } });
    expect($consent.get()).to.equal('denied');
    cmp.answer({ eventStatus: 'tcloaded', gdprApplies: false });
    expect($consent.get()).to.equal('granted');
    stop();
  });

  it('finds a CMP that loads after Vitrine', async () => {
    const stop = watchTcf();
    await new Promise(resolve => setTimeout(resolve, 100));
    const cmp = installCmp();
    await new Promise(resolve => setTimeout(resolve, 600));
    cmp.answer({ eventStatus: 'useractioncomplete', gdprApplies: true, purpose: { consents: { 1: true, 8: true } } });
    expect($consent.get()).to.equal('granted');
    stop();
  });

  it('reads the policy version and the disclosedVendors segment of a TC string, as a bit field or as ranges', () => {
    expect(readTcString(core(4))).to.deep.equal({ policyVersion: 4 });
    expect(readTcString(`${core(5)}.${disclosedBits([3, 755])}`).disclosed).to.deep.equal(new Set([3, 755]));
    expect([...readTcString(`${core(5)}.${disclosedRanges([[2, 4], [755, 755]])}`).disclosed!]).to.deep.equal([2, 3, 4, 755]);
  });

  it("TCF v2.3: with a vendor id configured, grants only when that vendor is disclosed and consented; v2.2 strings keep working", () => {
    configure({ tcfVendorId: 755 });
    const cmp = installCmp();
    const stop = watchTcf();
    const purposes = { consents: { 1: true, 8: true } };
    const answer = (tcString: string, vendorConsent = true) =>
      cmp.answer({ eventStatus: 'useractioncomplete', gdprApplies: true, tcString, purpose: purposes, vendor: { consents: { 755: vendorConsent } } });
    answer(`${core(5)}.${disclosedBits([3, 755])}`);
    expect($consent.get()).to.equal('granted');
    answer(`${core(5)}.${disclosedBits([3, 12])}`);
    expect($consent.get(), 'not disclosed to the shopper').to.equal('denied');
    answer(`${core(5)}.${disclosedBits([755])}`, false);
    expect($consent.get(), 'disclosed, not consented').to.equal('denied');
    answer(core(5));
    expect($consent.get(), 'a v2.3 string without disclosedVendors is invalid').to.equal('denied');
    answer(core(4));
    expect($consent.get(), 'a v2.2 string: purposes and vendor consent').to.equal('granted');
    stop();
  });

  it('Google Consent Mode v2: each decided state is pushed to the dataLayer as a consent update, ad signals from the TCF purposes', () => {
    const layer: unknown[] = [];
    forwardConsentMode(() => layer);
    const cmp = installCmp();
    const stop = watchTcf();
    cmp.answer({ eventStatus: 'useractioncomplete', gdprApplies: true, purpose: { consents: { 1: true, 7: true, 8: true } } });
    cmp.answer({ eventStatus: 'useractioncomplete', gdprApplies: true, purpose: { consents: { 1: true, 3: true, 4: true } } });
    stop();
    const pushed = layer.map(entry => Array.from(entry as IArguments));
    expect(layer.every(entry => Object.prototype.toString.call(entry) === '[object Arguments]'), 'gtag-style arguments').to.equal(true);
    expect(pushed).to.deep.equal([
      ['consent', 'update', { analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'denied' }],
      ['consent', 'update', { analytics_storage: 'denied', ad_storage: 'granted', ad_user_data: 'denied', ad_personalization: 'granted' }],
    ]);
    $adConsent.set(undefined);
    $consent.set('granted');
    expect(Array.from(layer.at(-1) as IArguments)).to.deep.equal([
      'consent',
      'update',
      { analytics_storage: 'granted', ad_storage: 'granted', ad_user_data: 'granted', ad_personalization: 'granted' },
    ]);
  });
});
