import { z } from 'zod';
import { grantSchema, locales, roles } from './roles.js';

export const passwordSchema = z.string().min(10).max(200);

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(200),
});

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  locale: z.enum(locales),
  isActive: z.boolean(),
  isDemo: z.boolean(),
  createdAt: z.string(),
  grants: z.array(grantSchema),
});
export type User = z.infer<typeof userSchema>;

export const sessionInfoSchema = z.object({
  user: userSchema,
  csrfToken: z.string(),
});

export const userCreateSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  displayName: z.string().trim().min(2).max(120),
  locale: z.enum(locales).default('fr'),
  password: passwordSchema,
});

export const userUpdateSchema = z.object({
  displayName: z.string().trim().min(2).max(120).optional(),
  locale: z.enum(locales).optional(),
  isActive: z.boolean().optional(),
});

export const preferencesSchema = z.object({ locale: z.enum(locales) });

export const passwordResetSchema = z.object({ password: passwordSchema });

export const grantCreateSchema = z
  .object({
    role: z.enum(roles),
    programmeId: z.uuid().nullable().default(null),
    cooperativeId: z.uuid().nullable().default(null),
  })
  .superRefine((grant, context) => {
    if (grant.role === 'cooperative_representative' && !grant.cooperativeId) {
      context.addIssue({ code: 'custom', path: ['cooperativeId'], params: { key: 'cooperative_required' }, message: 'cooperative_required' });
    }
    if (grant.role !== 'cooperative_representative' && grant.cooperativeId) {
      context.addIssue({ code: 'custom', path: ['cooperativeId'], params: { key: 'cooperative_only_for_representative' }, message: 'cooperative_only_for_representative' });
    }
  });

export const programmeSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  nameFr: z.string(),
  nameAr: z.string().nullable(),
  nameEn: z.string().nullable(),
});
