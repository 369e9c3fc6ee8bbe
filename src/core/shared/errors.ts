import { z } from 'zod';

/** The closed set of error codes the client branches on and translates. */
export const errorCodes = [
  'unauthenticated',
  'forbidden',
  'not_found',
  'validation',
  'conflict',
  'rate_limited',
  'csrf',
  'invalid_credentials',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const issueSchema = z.object({
  /** Field path, e.g. ["membersWomen"] or ["rows", 12, "province"]. */
  path: z.array(z.union([z.string(), z.number()])),
  /** Translation key: a zod code (too_small, invalid_format…) or a custom key (province_unknown…). */
  key: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
});
export type Issue = z.infer<typeof issueSchema>;

export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    /** A message in the requester's language, for API users; the web translates `code` and `issues` itself. */
    message: z.string(),
    issues: z.array(issueSchema).optional(),
    params: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Turns zod issues into translatable issues, keeping the parameters a message needs. */
export function toIssues(issues: readonly z.core.$ZodIssue[]): Issue[] {
  return issues.map((issue) => {
    const params: Record<string, unknown> = {};
    const raw = issue as unknown as Record<string, unknown>;
    for (const name of ['minimum', 'maximum', 'format', 'expected', 'values', 'origin']) {
      if (raw[name] !== undefined) params[name] = typeof raw[name] === 'bigint' ? Number(raw[name]) : raw[name];
    }
    const custom = issue.code === 'custom' ? (issue.params as { key?: string } | undefined)?.key : undefined;
    return {
      path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
      key: custom ?? issue.code,
      ...(Object.keys(params).length > 0 ? { params } : {}),
    };
  });
}
