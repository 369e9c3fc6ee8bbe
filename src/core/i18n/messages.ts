import type { Locale } from '../access/roles.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { fr, type Messages } from './fr.js';

export const messages: Record<Locale, Messages> = { fr, ar, en };

/** Picks the language from a user's choice or an Accept-Language header; French by default. */
export function pickLocale(...candidates: Array<string | undefined | null>): Locale {
  for (const candidate of candidates) {
    if (!candidate) continue;
    for (const part of candidate.split(',')) {
      const code = part.trim().slice(0, 2).toLowerCase();
      if (code === 'fr' || code === 'ar' || code === 'en') return code;
    }
  }
  return 'fr';
}
