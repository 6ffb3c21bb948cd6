import { $consent } from './consent.js';
import { warnOnce } from './warn.js';

/** The part of an IAB TCF v2.2 `TCData` the adapter reads. */
export interface TcData {
  gdprApplies?: boolean;
  eventStatus?: 'tcloaded' | 'cmpuishown' | 'useractioncomplete';
  listenerId?: number;
  purpose?: { consents?: Record<string, boolean> };
}
export type TcfApi = (command: string, version: 2, callback: (data: TcData, success: boolean) => void, parameter?: unknown) => void;

/**
 * IAB TCF v2.2 purposes Vitrine needs: 1 (store and/or access information on
 * a device: the queue and the anonymous id) and 8 (measure content performance).
 */
export const TCF_PURPOSES = [1, 8];

/**
 * Follows the page's consent platform through `window.__tcfapi` (Didomi,
 * Axeptio, OneTrust and other TCF CMPs expose it) and mirrors its answer into
 * `$consent`: granted when both purposes are consented or GDPR does not apply,
 * denied otherwise. The CMP may load after Vitrine, so the API is looked for
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
      const consents = data.purpose?.consents ?? {};
      $consent.set(data.gdprApplies === false || TCF_PURPOSES.every(purpose => consents[purpose]) ? 'granted' : 'denied');
    });
  };
  attach();
  return () => {
    clearTimeout(timer);
    if (listenerId !== undefined) api?.('removeEventListener', 2, () => {}, listenerId);
  };
}
