import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { toIssues, type Issue } from '../../core/shared/errors.js';
import { translateIssue } from './issue-messages.js';

type FieldIssues = Partial<Record<string, Pick<Issue, 'key' | 'params'>>>;

function byField(issues: readonly Issue[]): FieldIssues {
  const result: FieldIssues = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (field && !result[field]) result[field] = { key: issue.key, ...(issue.params ? { params: issue.params } : {}) };
  }
  return result;
}

/**
 * Form state checked with the shared Zod schema before sending, and filled
 * with the server's issues after: the same translated message under the
 * same field either way. Issues are kept as keys and translated when shown,
 * so that switching the language translates them too.
 */
export function useSchemaForm<Values extends object>(initialValues: Values | (() => Values)) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Values>(initialValues);
  const [issues, setIssues] = useState<FieldIssues>({});

  const setField = useCallback(<Name extends keyof Values>(name: Name, value: Values[Name]) => {
    setValues((previous) => ({ ...previous, [name]: value }));
    setIssues((previous) => {
      if (!previous[name as string]) return previous;
      const { [name as string]: _removed, ...rest } = previous;
      return rest;
    });
  }, []);

  /** Parses `draft` with `schema`; on failure shows the issues and returns null. */
  const validate = useCallback(
    <Schema extends z.ZodType>(
      schema: Schema,
      draft: unknown,
      isEmpty: (field: string) => boolean = () => false,
      /** Cross-field rules zod leaves unchecked while a field is wrong, shown together with the rest. */
      alsoWrong: Issue[] = [],
    ): z.output<Schema> | null => {
      const result = schema.safeParse(draft);
      if (result.success) {
        setIssues({});
        return result.data;
      }
      const found = toIssues(result.error.issues).map((issue): Issue => {
        // An empty required field reads better as "required" than as a type or value error.
        const field = String(issue.path[0] ?? '');
        return (issue.key === 'invalid_type' || issue.key === 'invalid_value') && isEmpty(field) ? { ...issue, key: 'required' } : issue;
      });
      setIssues(byField([...found, ...alsoWrong]));
      return null;
    },
    [],
  );

  const showServerIssues = useCallback((found: readonly Issue[]) => setIssues(byField(found)), []);
  const clearIssues = useCallback(() => setIssues({}), []);

  const error = (field: string): string | undefined => {
    const issue = issues[field];
    return issue ? translateIssue(t, issue) : undefined;
  };

  const errorFields = Object.keys(issues).filter((field) => issues[field]);

  return { values, setValues, setField, error, errorFields, validate, showServerIssues, clearIssues };
}
