/**
 * The types of `window.Vitrine`, the script tag's global (`vitrine/vitrine.js`). For TypeScript users of the
 * script tag: `import type {} from 'vitrine/vitrine.js'` (or list it in `compilerOptions.types`) and
 * `window.Vitrine?.setConsent('granted')` is checked.
 */
import type { ConfigInput } from './core/config.js';
import type { DeliveryStats } from './core/delivery.js';
import type { ShareNetwork } from './features/share/share-registry.js';
import type { MessageOverrides, MessageWidget, WidgetMessages } from './set-messages.js';

export type { ConfigInput, DeliveryStats, MessageOverrides, MessageWidget, ShareNetwork, WidgetMessages };

export interface VitrineGlobal {
  /** The loader's version. */
  readonly version: string;
  /** Applies configuration and starts the engine (loads the runtime); resolves when it is running. */
  init(config?: ConfigInput): Promise<void>;
  /** Changes configuration at run time. */
  configure(config: ConfigInput): Promise<void>;
  /** Switches every widget's language; `undefined` goes back to `<html lang>`. */
  setLocale(locale: string | undefined): Promise<void>;
  /**
   * Your own wording for some of a widget's strings in a language, over the built-in ones; a language Vitrine does
   * not ship works too (docs/i18n.md): `setMessages('fr', 'share', { share: 'Partager ce look' })`.
   */
  setMessages<W extends MessageWidget>(locale: string, widget: W, messages: MessageOverrides<WidgetMessages[W]>): Promise<void>;
  /** The shopper's answer from the consent banner. */
  setConsent(state: 'granted' | 'denied'): Promise<void>;
  /** What this page's event pipeline delivered, and what the collector refused and why (for debugging). */
  deliveryStats(): Promise<DeliveryStats>;
  /** Adds a share network described as data to `<vitrine-share>` (see docs/share.md). */
  registerShareNetwork(network: ShareNetwork): Promise<void>;
  /** Looks for Vitrine tags inside a root the page observer cannot see, such as another component's shadow root. */
  scan(root: ParentNode): void;
}

declare global {
  interface Window {
    /** Set by the script tag (`vitrine.js`) once it ran. */
    Vitrine?: VitrineGlobal;
  }
}
