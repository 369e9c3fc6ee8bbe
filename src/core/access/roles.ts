import { z } from 'zod';

export const roles = ['admin', 'programme_manager', 'consultant', 'cooperative_representative', 'funder'] as const;
export type Role = (typeof roles)[number];

export const locales = ['fr', 'ar', 'en'] as const;
export type Locale = (typeof locales)[number];

export const grantSchema = z.object({
  id: z.uuid(),
  role: z.enum(roles),
  programmeId: z.uuid().nullable(),
  cooperativeId: z.uuid().nullable(),
});
export type Grant = z.infer<typeof grantSchema>;

/** Who is asking: the signed-in person and every role they hold, each in its scope. */
export interface Principal {
  userId: string;
  email: string;
  displayName: string;
  locale: Locale;
  grants: Grant[];
}
