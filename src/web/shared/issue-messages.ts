import type { TFunction } from 'i18next';
import type { Issue } from '../../core/shared/errors.js';
import { ApiError } from './api-client.js';

/** Picks the message key of an issue: zod codes get a more precise key when the parameters allow it. */
export function issueKey(issue: Pick<Issue, 'key' | 'params'>): string {
  const params = issue.params ?? {};
  if (issue.key === 'too_small' && params.origin === 'string') return Number(params.minimum) <= 1 ? 'required' : 'too_small_string';
  if (issue.key === 'too_big' && params.origin === 'string') return 'too_big_string';
  if (issue.key === 'too_small' && params.origin === 'array') return 'required';
  if (issue.key === 'invalid_format' && (params.format === 'email' || params.format === 'date')) return `invalid_format_${params.format}`;
  return issue.key;
}

/** The translated message of one issue; an unknown key gets a generic message rather than a raw key. */
export function translateIssue(t: TFunction, issue: Pick<Issue, 'key' | 'params'>): string {
  const key = `issues.${issueKey(issue)}`;
  const params: Record<string, unknown> = { ...(issue.params ?? {}) };
  if (typeof params.column === 'string' && t(`fields.${params.column}`, { defaultValue: '' })) {
    params.column = t(`fields.${params.column}`);
  }
  return t(key, { ...params, defaultValue: t('issues.unknown') });
}

/** The message of an error as a whole (its code), for a banner above a form or a page. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'network') return t('ui.networkError');
    return t(`errors.${error.code}`);
  }
  return t('errors.internal');
}

export type FieldErrors = Partial<Record<string, string>>;

/** Server issues mapped to the field named by their first path element, translated. */
export function fieldErrorsOf(t: TFunction, issues: readonly Issue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (!field || errors[field]) continue;
    errors[field] = translateIssue(t, issue);
  }
  return errors;
}
