import { request } from '../../core/http.js';
import type { FeedData } from './feed.types.js';

/** One request per feed URL and page, shared by every element showing it; a failure is forgotten so a later element retries. */
const requests = new Map<string, Promise<FeedData>>();

export function loadFeed(url: string): Promise<FeedData> {
  let pending = requests.get(url);
  if (!pending) {
    pending = request<FeedData>(url, { credentials: 'omit' });
    pending.catch(() => requests.delete(url));
    requests.set(url, pending);
  }
  return pending;
}
