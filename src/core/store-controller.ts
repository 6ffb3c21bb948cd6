import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';

/**
 * Subscribes an element to a nanostore while it is connected and re-renders it
 * on change. Read `controller.value` in `render()`, never `store.get()`.
 */
export class StoreController<T> implements ReactiveController {
  #unsubscribe?: () => void;
  readonly #host: ReactiveControllerHost;
  readonly #store: ReadableAtom<T>;

  constructor(host: ReactiveControllerHost, store: ReadableAtom<T>) {
    this.#host = host;
    this.#store = store;
    host.addController(this);
  }

  get value(): T {
    return this.#store.get();
  }

  hostConnected(): void {
    this.#unsubscribe = this.#store.listen(() => this.#host.requestUpdate());
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
