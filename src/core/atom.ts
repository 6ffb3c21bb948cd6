import type { WritableAtom } from 'nanostores';

/** Listener calls waiting while others run: a `set` inside a listener is notified after the current ones, in order. */
let queue: Array<() => void> | undefined;

/**
 * nanostores' `atom` as Vitrine's code uses it: `get`, `set` (no notification when the value is the same),
 * `listen`, `subscribe` and `value`, with listeners called in order, a `set` from a listener queued after the
 * calls in progress, and a throwing listener not stopping the others. The script-tag build bundles this instead
 * of nanostores (rollup.config.mjs): its stores are private to the page's Vitrine, and its batching and
 * lifecycle hooks (`batch`, `onMount`, `computed`) have no reader there. The npm build keeps nanostores, whose
 * stores apps subscribe to with their own nanostores tools.
 */
export const atom = <T>(value: T): WritableAtom<T> => {
  let listeners: Array<(value: T, oldValue: T) => void> = [];
  const store = {
    value,
    get: () => store.value,
    set(next: T) {
      const old = store.value;
      if (Object.is(old, next)) return;
      store.value = next;
      const calls = listeners.map(listener => () => listeners.includes(listener) && listener(store.value, old));
      if (queue) return void queue.push(...calls);
      queue = calls;
      let failure: unknown[] = [];
      for (const call of queue)
        try {
          call();
        } catch (error) {
          failure = [error];
        }
      queue = undefined;
      if (failure.length) throw failure[0];
    },
    listen(listener: (value: T, oldValue: T) => void) {
      listeners = [...listeners, listener];
      return () => void (listeners = listeners.filter(other => other !== listener));
    },
    subscribe(listener: (value: T, oldValue?: T) => void) {
      const unbind = store.listen(listener);
      listener(store.value);
      return unbind;
    },
  };
  return store as unknown as WritableAtom<T>;
};
