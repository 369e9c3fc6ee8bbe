import { z } from 'zod';
import { frameworkDefinitionSchema, frameworkSchema } from './framework.schema.js';
import { frameworkDefinitionIssues } from './framework.rules.js';

/**
 * What an admin sends to edit a framework, shared by the API and the editor:
 * the schema's own checks plus the rules that need the whole definition
 * (a domain with nothing to score, two options with the same value).
 */
export const frameworkEditSchema = z
  .object({
    nameFr: z.string().trim().min(1).max(200),
    nameAr: z.string().trim().max(200).nullable().default(null),
    nameEn: z.string().trim().max(200).nullable().default(null),
    definition: frameworkDefinitionSchema,
  })
  .superRefine((input, context) => {
    for (const issue of frameworkDefinitionIssues(input.definition)) {
      context.addIssue({ code: 'custom', path: ['definition', ...issue.path], params: { key: issue.key, ...issue.params }, message: issue.key });
    }
  });
export type FrameworkEdit = z.output<typeof frameworkEditSchema>;
export type FrameworkEditInput = z.input<typeof frameworkEditSchema>;

/** One row of the list: the version without its definition, with how many questions it has and how many diagnostics use it. */
export const frameworkListItemSchema = frameworkSchema.omit({ definition: true }).extend({
  questionCount: z.number().int(),
  usedBy: z.number().int(),
});
export type FrameworkListItem = z.infer<typeof frameworkListItemSchema>;

/** The optimistic check of an edit: the `updatedAt` the editor started from. */
export const frameworkEditQuerySchema = z.object({ updatedAt: z.string().optional() });
