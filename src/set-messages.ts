/**
 * `setMessages(locale, widget, messages)`: a merchant's wording over the built-in strings, or a language Vitrine
 * does not ship, without a release. Typed per widget, so a key the widget does not have does not compile; at run
 * time (the script tag's callers) a bad argument gets a console warning naming it and the expected form.
 * The script tag loads this module on the first call (`Vitrine.setMessages`).
 */
import type { FeedMessages } from './components/feed/feed.i18n.js';
import type { LoginMessages } from './components/login/login.i18n.js';
import type { ShareMessages } from './components/share/share.i18n.js';
import type { WishlistButtonMessages } from './components/wishlist-button/wishlist-button.i18n.js';
import type { WishlistMessages } from './components/wishlist/wishlist.i18n.js';
import type { MessageOverrides } from './core/i18n.js';
import { $messages } from './core/i18n.js';
import { addedLocales, language } from './core/locale.js';
import { warnOnce } from './core/warn.js';

/** Each widget's strings, by the name `setMessages()` takes: the tag without `vitrine-`. Keys: docs/i18n.md. */
export interface WidgetMessages {
  share: ShareMessages;
  feed: FeedMessages;
  wishlist: WishlistMessages;
  'wishlist-button': WishlistButtonMessages;
  login: LoginMessages;
}
export type MessageWidget = keyof WidgetMessages;
export type { MessageOverrides };

const WIDGETS: readonly string[] = ['share', 'feed', 'wishlist', 'wishlist-button', 'login'] satisfies MessageWidget[];

/**
 * Sets some of `widget`'s strings in `locale` (`'fr'`, `'de'`, or a language Vitrine does not ship such as `'nl'`),
 * over the built-in ones: the keys you leave out keep theirs (English for a language Vitrine does not ship).
 * An element's own `messages` property wins over these. Later calls add to earlier ones.
 */
export function setMessages<W extends MessageWidget>(locale: string, widget: W, messages: MessageOverrides<WidgetMessages[W]>): void {
  const where = `setMessages(${JSON.stringify(locale)}, ${JSON.stringify(widget)})`;
  // Keys and values are checked by the widget, which knows its keys, when it renders (src/core/messages-check.ts).
  const problem = !WIDGETS.includes(widget)
    ? `unknown widget; expected one of ${WIDGETS.join(', ')}`
    : typeof locale !== 'string' || !/^[a-z]{2,3}([-_][a-z\d]{2,8})*$/i.test(locale)
      ? 'the locale is not a language tag; expected a code such as de, nl or pt-BR'
      : typeof messages !== 'object' || messages === null || Array.isArray(messages)
        ? "expected an object of strings by key, such as { share: 'Partager ce look' }"
        : undefined;
  if (problem) {
    warnOnce(where, `${where}: ${problem}.`);
    return;
  }
  const lang = language(locale);
  // A language Vitrine does not ship becomes one a page can use (`lang`, `setLocale()`).
  addedLocales.add(lang);
  const all = $messages.get();
  $messages.set({ ...all, [widget]: { ...all[widget], [lang]: { ...all[widget]?.[lang], ...messages } } });
}
