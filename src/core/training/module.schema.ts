import { z } from 'zod';
import { localizedTextSchema } from '../diagnostics/framework.schema.js';

/**
 * A training module of the catalogue: which diagnostic domains and needs it
 * answers, what it teaches, how long, in what format, for whom. The plan
 * generator (plan-generation.ts) matches modules to the cooperatives' ranked
 * needs by these domain and question keys.
 */

export const moduleFormats = ['grouped_training', 'practical_workshop', 'individual_coaching', 'remote'] as const;
export type ModuleFormat = (typeof moduleFormats)[number];

export const moduleAudiences = ['president', 'manager', 'treasurer', 'secretary', 'members', 'women', 'youth'] as const;
export type ModuleAudience = (typeof moduleAudiences)[number];

const code = z.string().regex(/^[A-Z][A-Z0-9-]{1,31}$/);

export const moduleSequenceSchema = z.object({
  title: localizedTextSchema,
  /** What is done and how (lecture, case study, role play, field exercise…). */
  method: localizedTextSchema,
  minutes: z.number().int().min(5).max(600),
});
export type ModuleSequence = z.infer<typeof moduleSequenceSchema>;

export const trainingModuleDefinitionSchema = z.object({
  title: localizedTextSchema,
  /** Diagnostic domain keys the module serves (e.g. "finance"); at least one. */
  domainKeys: z.array(z.string().regex(/^[a-z][a-z0-9_]{1,63}$/)).min(1).max(10),
  /** Question keys of the default framework whose need the module answers; empty means the domain as a whole. */
  needKeys: z.array(z.string().regex(/^[a-z][a-z0-9_]{1,63}$/)).max(40).default([]),
  objectives: z.array(localizedTextSchema).min(1).max(12),
  sequences: z.array(moduleSequenceSchema).min(1).max(30),
  /** Total duration in hours (the sum of the sequences, rounded up to the half hour). */
  durationHours: z.number().min(0.5).max(200),
  format: z.enum(moduleFormats),
  audience: z.array(z.enum(moduleAudiences)).min(1),
  /** Codes of modules to follow first. */
  prerequisites: z.array(code).max(10).default([]),
  materials: z.array(localizedTextSchema).max(20).default([]),
});
export type TrainingModuleDefinition = z.output<typeof trainingModuleDefinitionSchema>;

/** A module as stored and served. */
export const trainingModuleSchema = z.object({
  id: z.uuid(),
  code,
  isDefault: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  definition: trainingModuleDefinitionSchema,
});
export type TrainingModule = z.infer<typeof trainingModuleSchema>;
export const moduleCodeSchema = code;
