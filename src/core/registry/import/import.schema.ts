import { z } from 'zod';
import { importFields } from './mapping.js';

/** Request and response schemas of the import, shared by the server and the web. */

export const importFormats = ['csv', 'xlsx'] as const;
export const importStatuses = ['uploaded', 'running', 'completed', 'failed'] as const;
export const importModes = ['valid_rows', 'all_or_nothing'] as const;
export const duplicateActions = ['skip', 'merge'] as const;

export type ImportFormat = (typeof importFormats)[number];
export type ImportStatus = (typeof importStatuses)[number];
export type ImportMode = (typeof importModes)[number];

export const columnMappingSchema = z.record(z.string().max(300), z.enum(importFields).nullable());

export const importUploadSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  format: z.enum(importFormats),
  encoding: z.enum(['utf-8', 'windows-1252']).nullable(),
  delimiter: z.enum([',', ';']).nullable(),
  headers: z.array(z.string()),
  /** The first ten data rows, as text. */
  sampleRows: z.array(z.array(z.string())),
  rowCount: z.number().int(),
  suggestedMapping: columnMappingSchema,
});
export type ImportUpload = z.infer<typeof importUploadSchema>;

export const importPreviewRequestSchema = z.object({ mapping: columnMappingSchema });

const params = z.record(z.string(), z.unknown());

export const importRowErrorSchema = z.object({
  /** 1-based line as the spreadsheet shows it; the header is line 1. */
  line: z.number().int(),
  /** The header of the column, as written in the file; null when no column holds the field. */
  column: z.string().nullable(),
  field: z.enum(importFields).nullable(),
  /** Translation key under `issues` (not_a_date, province_unknown, column_missing, too_big…). */
  key: z.string(),
  params: params.optional(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

export const importDuplicateSchema = z.object({
  line: z.number().int(),
  kind: z.enum(['registry', 'file']),
  matchedBy: z.enum(['registrationNumber', 'name']),
  matchedId: z.uuid().optional(),
  matchedLine: z.number().int().optional(),
  matchedName: z.string(),
  /** duplicate_in_registry (params.name) or duplicate_in_file (params.line), ready to translate. */
  key: z.enum(['duplicate_in_registry', 'duplicate_in_file']),
  params,
});
export type ImportDuplicate = z.infer<typeof importDuplicateSchema>;

/** How many errors and duplicates a preview lists; the counts stay exact beyond. */
export const previewListLimit = 1000;

export const importPreviewSchema = z.object({
  rowCount: z.number().int(),
  validCount: z.number().int(),
  invalidCount: z.number().int(),
  /** At most `previewListLimit` errors, in line order. */
  errors: z.array(importRowErrorSchema),
  /** At most `previewListLimit` duplicates, in line order; `duplicateCount` counts them all. */
  duplicates: z.array(importDuplicateSchema),
  duplicateCount: z.number().int(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importCommitRequestSchema = z.object({
  mapping: columnMappingSchema,
  mode: z.enum(importModes),
  duplicateAction: z.enum(duplicateActions),
  /** Per line (the line number as a string), overriding `duplicateAction`. */
  duplicateActions: z.record(z.string().regex(/^\d+$/), z.enum(duplicateActions)).optional(),
});
export type ImportCommitRequest = z.infer<typeof importCommitRequestSchema>;

export const importCountsSchema = z.object({
  created: z.number().int(),
  merged: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  invalid: z.number().int(),
});

export const importFailureSchema = z.object({ key: z.string(), params: params.optional() });
export type ImportFailure = z.infer<typeof importFailureSchema>;

export const importStateSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  status: z.enum(importStatuses),
  /** Rows checked and written so far; `total` is 0 until the import runs. */
  progress: z.object({ processed: z.number().int(), total: z.number().int() }),
  summary: importCountsSchema.nullable(),
  /** Why a failed import wrote nothing: import_has_invalid_rows (params.count) or import_failed. */
  failure: importFailureSchema.nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportState = z.infer<typeof importStateSchema>;

export const importCommitResponseSchema = z.object({ id: z.uuid(), status: z.enum(importStatuses) });
