import { z } from 'zod';

/** Optional free text: trimmed, at most `max` characters, an empty string stored as null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional()
    .transform((value) => value ?? null);

/** An optional e-mail address; an empty string is null. */
export const optionalEmail = () => z.email().nullable().optional().or(z.literal('').transform(() => null)).transform((v) => v ?? null);
