import { expect } from '@open-wc/testing';
import { $consent } from './consent.js';
import type { TcData, TcfApi } from './tcf.js';
import { watchTcf } from './tcf.js';

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

describe('IAB TCF v2.2 adapter', () => {
  afterEach(() => {
    delete (window as { __tcfapi?: TcfApi }).__tcfapi;
    $consent.set('unknown');
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
});
