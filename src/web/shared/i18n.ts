import i18next, { type TFunction } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { locales, type Locale } from '../../core/access/roles.js';
import { messages } from '../../core/i18n/messages.js';
import { isPluralForms, pluralCategories } from '../../core/i18n/fr.js';

const storageKey = 'taawon.locale';

/** Latin digits everywhere, as Moroccan administrations write them, in the reader's language. */
const intlLocales: Record<Locale, string> = { fr: 'fr-MA', ar: 'ar-MA-u-nu-latn', en: 'en-GB' };

export function intlLocale(locale: string): string {
  return intlLocales[asLocale(locale)];
}

export function asLocale(value: string | null | undefined): Locale {
  return (locales as readonly string[]).includes(value ?? '') ? (value as Locale) : 'fr';
}

export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/**
 * The shared messages keep plurals as `{ one, other, … }` objects so that the
 * three languages have the same shape; i18next wants `key_one`, `key_other`.
 * Every category the language uses gets a string, `other` when not written.
 */
function toResource(tree: Record<string, unknown>, locale: Locale): Record<string, unknown> {
  const categories = new Intl.PluralRules(intlLocale(locale)).resolvedOptions().pluralCategories;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(tree)) {
    if (isPluralForms(value)) {
      for (const category of pluralCategories) {
        const text = value[category] ?? (categories.includes(category as Intl.LDMLPluralRule) ? value.other : undefined);
        if (text !== undefined) out[`${key}_${category}`] = text;
      }
    } else if (value !== null && typeof value === 'object') {
      out[key] = toResource(value as Record<string, unknown>, locale);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** The language chosen on this device last time, else French (the programmes' working language). */
function initialLocale(): Locale {
  try {
    return asLocale(window.localStorage.getItem(storageKey));
  } catch {
    // Storage can be refused (private mode): French, until the person chooses.
    return 'fr';
  }
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: Object.fromEntries(
    locales.map((locale) => [locale, { translation: toResource(messages[locale] as unknown as Record<string, unknown>, locale) }]),
  ),
  lng: initialLocale(),
  fallbackLng: 'fr',
  supportedLngs: [...locales],
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.services.formatter?.add('number', (value: unknown, lng: string | undefined) =>
  typeof value === 'number' ? new Intl.NumberFormat(intlLocale(lng ?? 'fr')).format(value) : String(value),
);

/** Sets the language of the page: i18next, `lang` and `dir` on <html>, and the choice kept for next time. */
export async function applyLocale(locale: Locale): Promise<void> {
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Not kept across visits; the account's preference still is.
  }
}

export function currentLocale(): Locale {
  return asLocale(i18n.language);
}

export type Translate = TFunction;

/**
 * Wraps a name put inside a sentence (FSI … PDI), so that an Arabic name in a
 * French sentence, or a French one in Arabic, keeps its own direction without
 * reordering the words around it.
 */
export function isolate(text: string | null | undefined): string {
  return text ? `\u2068${text}\u2069` : '';
}
