import type { LocalizedText } from '../../core/diagnostics/framework.schema.js';

/** A framework's name in the reader's language, French when it has none in theirs. */
export function frameworkName(framework: { nameFr: string; nameAr: string | null; nameEn: string | null }, language: string): string {
  if (language === 'ar' && framework.nameAr) return framework.nameAr;
  if (language === 'en' && framework.nameEn) return framework.nameEn;
  return framework.nameFr;
}

/** A text of the framework in the reader's language, falling back on French, then on any language written. */
export function localized(text: Partial<LocalizedText> | undefined, language: string): string {
  if (!text) return '';
  const own = text[language as keyof LocalizedText];
  return own?.trim() ? own : text.fr?.trim() ? text.fr : (text.ar ?? text.en ?? '');
}

export const textLanguages = ['fr', 'ar', 'en'] as const;

export const emptyText = (): LocalizedText => ({ fr: '', ar: '', en: '' });

export function isEmptyText(text: LocalizedText | undefined): boolean {
  return !text || textLanguages.every((language) => !text[language].trim());
}
