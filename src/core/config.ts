import { atom } from 'nanostores';
import type { AnalyticsEvent } from './track.js';
import { safeUrl } from './url.js';
import { warnOnce } from './warn.js';

/** The shipped languages: French and English in every widget's chunk, German, Spanish and Italian loaded on use. */
export const LOCALES = ['fr', 'en', 'de', 'es', 'it'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * How analytics wait for the shopper's consent.
 * - `required`: nothing is sent or stored until `setConsent('granted')`.
 * - `tcf`: like `required`, with the answer read from the page's IAB TCF v2.2 CMP (`__tcfapi`).
 * - `granted`: the merchant has a legal basis already (e.g. exempted audience measurement).
 */
export type ConsentMode = 'required' | 'tcf' | 'granted';

export interface VitrineConfig {
  /** Where analytics batches are POSTed. Empty: events stay on the page. */
  endpoint: string;
  /** Base URL of the Vitrine API (feeds, wishlists, login). */
  api: string;
  /** Default locale when neither the element nor `<html lang>` names a supported one. */
  locale: Locale;
  consent: ConsentMode;
  /** Share of page views that report Core Web Vitals, 0 to 1. */
  vitalsSampleRate: number;
  /** Append UTM parameters to shared links. */
  utm: boolean;
  /** Also push every event to `window.dataLayer` (Google Tag Manager), once consent is granted. */
  dataLayer: boolean;
  /** With `consent: 'tcf'`: the merchant's IAB vendor id for Vitrine's analytics; its consent (and, on TCF v2.3 strings, its disclosure) is required too. 0: purposes only. */
  tcfVendorId: number;
  /** Edits an event before it is queued, or drops it by returning null. Set with `configure()`, not a `data-` attribute. */
  beforeSend: BeforeSend | null;
}

export type BeforeSend = (event: AnalyticsEvent) => AnalyticsEvent | null | undefined;

/** A supported locale, or a language tag starting with one (`fr-FR`, `en-GB`). */
export type LocaleTag = Locale | `${Locale}-${string}` | `${Locale}_${string}`;

/**
 * What `init()` and `configure()` take, each key with its value type, so `configure({ consent: 'maybe' })`
 * does not compile. Values are still checked at run time (JavaScript callers, the script tag's strings).
 */
export type ConfigInput = Partial<Omit<VitrineConfig, 'locale'>> & { locale?: LocaleTag };

/** The script tag's `data-*` attributes: strings, parsed and checked by the same validators. */
export type ConfigAttributes = { [K in Exclude<keyof VitrineConfig, 'beforeSend'>]?: string };

export const DEFAULT_CONFIG: Readonly<VitrineConfig> = {
  endpoint: '',
  api: '/',
  locale: 'en',
  consent: 'required',
  vitalsSampleRate: 0.1,
  utm: true,
  dataLayer: false,
  tcfVendorId: 0,
  beforeSend: null,
};

type Validator<K extends keyof VitrineConfig> = {
  /** How the expected form is described in the warning. */
  expected: string;
  parse(value: unknown): VitrineConfig[K] | undefined;
};

const parseBoolean = (value: unknown): boolean | undefined =>
  typeof value === 'boolean' ? value : value === 'true' || value === '' ? true : value === 'false' ? false : undefined;

const httpUrl: Validator<'endpoint'> & Validator<'api'> = { expected: 'an http(s) URL, absolute or relative to the page', parse: safeUrl };
const trueOrFalse: Validator<'utm'> & Validator<'dataLayer'> = { expected: 'true or false', parse: parseBoolean };

const validators: { [K in keyof VitrineConfig]: Validator<K> } = {
  endpoint: httpUrl,
  api: httpUrl,
  locale: {
    expected: `one of ${LOCALES.join(', ')}`,
    parse: value => (typeof value === 'string' ? matchLocale(value) : undefined),
  },
  consent: {
    expected: 'one of required, tcf, granted',
    parse: value => (value === 'required' || value === 'tcf' || value === 'granted' ? value : undefined),
  },
  vitalsSampleRate: {
    expected: 'a number from 0 to 1',
    parse: value => {
      const rate = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
      return typeof rate === 'number' && rate >= 0 && rate <= 1 ? rate : undefined;
    },
  },
  utm: trueOrFalse,
  dataLayer: trueOrFalse,
  tcfVendorId: {
    expected: 'an IAB vendor id (an integer from 1 to 65535)',
    parse: value => {
      const id = Number(value);
      return Number.isInteger(id) && id > 0 && id < 65536 ? id : undefined;
    },
  },
  beforeSend: {
    expected: 'a function or null',
    parse: value => (value === null || typeof value === 'function' ? (value as BeforeSend | null) : undefined),
  },
};

/** The live configuration; components subscribe to it. */
// An atom rather than a map: nanostores' map would add to the runtime every page loads, for no reader that needs per-key updates.
export const $config = atom<VitrineConfig>({ ...DEFAULT_CONFIG });

/** The language part of a tag (`pt-BR` → `pt`), lower case. */
export const language = (tag: string): string => tag.trim().toLowerCase().split(/[-_]/)[0];

/** Maps `fr-FR`, `FR`, `en_GB` to a supported locale, or undefined. */
export function matchLocale(tag: string): Locale | undefined {
  return (LOCALES as readonly string[]).includes(language(tag)) ? (language(tag) as Locale) : undefined;
}

/**
 * Merges `changes` into the configuration. A bad value or an unknown key gets
 * one console warning naming the key and the expected form; the previous
 * (or default) value stays, so the page keeps working.
 */
export function configure(changes: ConfigInput): void {
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    if (!Object.hasOwn(validators, key)) {
      warnOnce(`config:unknown:${key}`, `Unknown configuration key "${key}"; known keys: ${Object.keys(validators).join(', ')}.`);
      continue;
    }
    const configKey = key as keyof VitrineConfig;
    const validator = validators[configKey] as Validator<typeof configKey>;
    const parsed = validator.parse(value);
    if (parsed === undefined) {
      warnOnce(
        `config:${key}:${String(value)}`,
        `Invalid ${key} ${JSON.stringify(value)}: expected ${validator.expected}. Keeping ${JSON.stringify($config.get()[configKey])}.`,
      );
      continue;
    }
    $config.set({ ...$config.get(), [configKey]: parsed });
  }
}
