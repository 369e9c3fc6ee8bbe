import { z } from 'zod';
import { localizedTextSchema } from '../diagnostics/framework.schema.js';
import { moduleAudiences, moduleCodeSchema, moduleFormats, trainingModuleDefinitionSchema } from './module.schema.js';

/** Creating a module: its code (stable, referenced by prerequisites) and its definition. */
export const moduleCreateSchema = z.object({
  code: moduleCodeSchema,
  definition: trainingModuleDefinitionSchema,
});
export type ModuleCreate = z.infer<typeof moduleCreateSchema>;

/** Editing a module: its definition (the code never changes, other modules name it). */
export const moduleEditSchema = z.object({
  definition: trainingModuleDefinitionSchema,
});
export type ModuleEdit = z.infer<typeof moduleEditSchema>;

export const moduleEditQuerySchema = z.object({ version: z.coerce.number().int().optional() });

export const moduleListQuerySchema = z.object({
  domain: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/).optional(),
  format: z.enum(moduleFormats).optional(),
  q: z.string().trim().max(100).optional(),
  includeArchived: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((value) => value === 'true' || value === '1'),
});
export type ModuleListQuery = z.infer<typeof moduleListQuerySchema>;

/** A module as the catalogue lists it. */
export const moduleListItemSchema = z.object({
  id: z.uuid(),
  code: moduleCodeSchema,
  title: localizedTextSchema,
  domainKeys: z.array(z.string()),
  needKeys: z.array(z.string()),
  format: z.enum(moduleFormats),
  durationHours: z.number(),
  audience: z.array(z.enum(moduleAudiences)),
  prerequisites: z.array(z.string()),
  isDefault: z.boolean(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
});
export type ModuleListItem = z.infer<typeof moduleListItemSchema>;
