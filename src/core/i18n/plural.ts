/** Plural forms as CLDR names them; a language writes the ones it uses, `other` stands in for the rest. */
export interface PluralForms {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

export const pluralCategories = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/** Marks a message that depends on a count (`{{count}}`); the web turns it into i18next's `key_one`, `key_other`… */
export const plural = (forms: PluralForms): PluralForms => forms;

export function isPluralForms(value: unknown): value is PluralForms {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.includes('other') && keys.every((key) => (pluralCategories as readonly string[]).includes(key));
}
