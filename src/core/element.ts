import { LitElement, nothing } from 'lit';
import { inBrowser } from './environment.js';
import { VERSION } from './version.js';

/**
 * Base class of every Vitrine element. Adds safe registration: a storefront can
 * end up with two copies of Vitrine (the script tag plus an app bundle), and
 * defining a tag twice would throw and break the page.
 */
export class VitrineElement extends LitElement {
  /** The Vitrine version that defined this class, compared on a second registration. */
  static readonly vitrineVersion: string = VERSION;

  constructor() {
    super();
    // Server-side rendering (Lit SSR, Astro, Eleventy): the host and an empty shadow root. What a widget shows
    // depends on the page (JSON-LD, storage, the API, the shopper's locale), so it renders once it upgrades.
    if (!inBrowser()) {
      this.willUpdate = () => {};
      this.render = () => nothing;
    }
  }

  /**
   * Defines `tag` unless it is taken. Same version: nothing to do. Another
   * version: one console warning, and the first definition stays in charge.
   */
  static define(tag: string, registry: CustomElementRegistry | undefined = globalThis.customElements): void {
    // No registry: a server without a DOM shim, where nothing renders anyway.
    if (!registry) return;
    const existing = registry.get(tag) as (CustomElementConstructor & { vitrineVersion?: string }) | undefined;
    if (!existing) {
      registry.define(tag, this);
      return;
    }
    // The warning's wording is a chunk of its own, fetched only on a clash: every page with a widget loads this file.
    if (existing !== this && existing.vitrineVersion !== VERSION) void import('./define-clash.js').then(module => module.warnClash(tag, existing.vitrineVersion));
  }
}
