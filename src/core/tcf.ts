import { $config } from './config.js';
import { $adConsent, $consent } from './consent.js';
import { warnOnce } from './warn.js';

/** The part of an IAB TCF v2.2 / v2.3 `TCData` the adapter reads. */
export interface TcData {
  tcString?: string;
  gdprApplies?: boolean;
  eventStatus?: 'tcloaded' | 'cmpuishown' | 'useractioncomplete';
  listenerId?: number;
  purpose?: { consents?: Record<string, boolean> };
  vendor?: { consents?: Record<string, boolean> };
}
export type TcfApi = (command: string, version: 2, callback: (data: TcData, success: boolean) => void, parameter?: unknown) => void;

/**
 * IAB TCF purposes Vitrine needs: 1 (store and/or access information on
 * a device: the queue and the anonymous id) and 8 (measure content performance).
 */
export const TCF_PURPOSES = [1, 8];

/** Bits of a base64url TC string segment, most significant first. */
function bits(segment: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return [...segment].map(char => alphabet.indexOf(char).toString(2).padStart(6, '0')).join('');
}
const int = (from: string, start: number, length: number) => parseInt(from.slice(start, start + length), 2);

/**
 * What a TC string says about disclosure: its policy version (4 for TCF v2.2, 5 for v2.3), and the vendors
 * of its `disclosedVendors` segment (undefined when it has none, as a v2.2 string).
 */
export function readTcString(tcString: string): { policyVersion: number; disclosed?: Set<number> } {
  const [core, ...segments] = tcString.split('.');
  const policyVersion = int(bits(core), 132, 6);
  for (const segment of segments) {
    const b = bits(segment);
    // Segment type 1: the vendors the CMP disclosed to the shopper (TCF v2.3).
    if (int(b, 0, 3) !== 1) continue;
    const disclosed = new Set<number>();
    const max = int(b, 3, 16);
    if (b[19] === '0') {
      for (let id = 1; id <= max; id++) if (b[19 + id] === '1') disclosed.add(id);
    } else {
      for (let entry = 0, at = 32, count = int(b, 20, 12); entry < count; entry++) {
        const range = b[at] === '1';
        const first = int(b, at + 1, 16);
        const last = range ? int(b, at + 17, 16) : first;
        at += range ? 33 : 17;
        for (let id = first; id <= last; id++) disclosed.add(id);
      }
    }
    return { policyVersion, disclosed };
  }
  return { policyVersion };
}

/**
 * Whether the TC data allows Vitrine: purposes 1 and 8; with a `tcfVendorId` configured, that vendor's
 * consent too, and on a TCF v2.3 string that it was disclosed. A string of policy 5 or later (v2.3) without
 * its disclosedVendors segment is invalid and allows nothing; v2.2 strings (policy 4) are read as before.
 */
export function allows(data: TcData): boolean {
  if (data.gdprApplies === false) return true;
  const consents = data.purpose?.consents ?? {};
  if (!TCF_PURPOSES.every(purpose => consents[purpose])) return false;
  const { tcfVendorId } = $config.get();
  const string = data.tcString ? readTcString(data.tcString) : undefined;
  if (string && string.policyVersion >= 5 && !string.disclosed) {
    warnOnce('tcf:v2.3', 'consent="tcf": a TCF v2.3 string without its disclosedVendors segment is invalid; analytics stay off');
    return false;
  }
  if (!tcfVendorId) return true;
  return !!data.vendor?.consents?.[tcfVendorId] && (!string?.disclosed || string.disclosed.has(tcfVendorId));
}

/** Google Consent Mode v2's advertising signals from the TCF purposes, as Google maps them. */
const adSignals = (data: TcData) => {
  const consents = data.gdprApplies === false ? undefined : (data.purpose?.consents ?? {});
  const yes = (...purposes: number[]) => (!consents || purposes.every(purpose => consents[purpose]) ? 'granted' : 'denied');
  return { ad_storage: yes(1), ad_user_data: yes(1, 7), ad_personalization: yes(3, 4) } as const;
};

/**
 * Follows the page's consent platform through `window.__tcfapi` (Didomi,
 * Axeptio, OneTrust and other TCF CMPs expose it) and mirrors its answer into
 * `$consent` (see `allows`), and its advertising purposes into `$adConsent` for
 * Google Consent Mode. The CMP may load after Vitrine, so the API is looked for
 * for 10 s. Returns a function that stops listening. The runtime imports this
 * module only with `consent: 'tcf'`, so other pages do not download it.
 */
export function watchTcf(): () => void {
  let api: TcfApi | undefined;
  let listenerId: number | undefined;
  let tries = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const attach = () => {
    api = (window as { __tcfapi?: TcfApi }).__tcfapi;
    if (!api) {
      if (++tries < 20) timer = setTimeout(attach, 500);
      else warnOnce('tcf', 'consent="tcf": no __tcfapi on the page after 10 s');
      return;
    }
    api('addEventListener', 2, (data, success) => {
      if (!success) return;
      listenerId = data.listenerId;
      // `cmpuishown`: the banner is up and the shopper has not answered yet.
      if (data.eventStatus !== 'tcloaded' && data.eventStatus !== 'useractioncomplete') return;
      $adConsent.set(adSignals(data));
      $consent.set(allows(data) ? 'granted' : 'denied');
    });
  };
  attach();
  return () => {
    clearTimeout(timer);
    if (listenerId !== undefined) api?.('removeEventListener', 2, () => {}, listenerId);
  };
}
