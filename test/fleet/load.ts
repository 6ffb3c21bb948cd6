// The fleet tests' load: batches of uniquely identified events, sent as a server-to-server sender would.
import { randomUUID } from 'node:crypto';

/** The load shows the collector key (no Origin). */
export const COLLECTOR_KEY = 'fleet-test-collector-key';

export interface SharedEvent {
  messageId: string;
  name: 'share';
  properties: { network: 'facebook'; productId: string };
  timestamp: string;
  context: { page: { url: string; referrer: string }; locale: string; library: { name: string; version: string } };
}

export const shareEvent = (): SharedEvent => ({
  messageId: randomUUID(),
  name: 'share',
  properties: { network: 'facebook', productId: 'robe-camille-lin' },
  timestamp: new Date().toISOString(),
  context: { page: { url: 'http://127.0.0.1/produits/robe-camille-lin.html', referrer: '' }, locale: 'fr', library: { name: 'vitrine', version: '0.1.0' } },
});

export interface CollectorAnswer {
  accepted: string[];
  duplicates: string[];
  rejected: Array<{ messageId: string; reason: string }>;
}

/**
 * One POST /v1/events. `refused`: no connection was made (nothing was sent). `reset`: the request was sent and
 * its connection failed before an answer (reset, closed, timed out), which a drain must never do.
 */
export type Delivery = { answer: CollectorAnswer } | { status: number } | { failure: 'refused' | 'reset'; code: string };

export async function postEvents(url: string, batch: SharedEvent[]): Promise<Delivery> {
  try {
    const response = await fetch(`${url}/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${COLLECTOR_KEY}` },
      body: JSON.stringify({ batch }),
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status !== 200) {
      await response.body?.cancel();
      return { status: response.status };
    }
    return { answer: (await response.json()) as CollectorAnswer };
  } catch (error) {
    const code = String((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name);
    return { failure: code === 'ECONNREFUSED' ? 'refused' : 'reset', code };
  }
}
