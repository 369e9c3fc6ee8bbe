import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { cooperativeListQuerySchema, cooperativeSortFields } from '../../core/registry/cooperative.schema.js';
import type { CooperativeListQuery } from './cooperative.api.js';

export type SortField = (typeof cooperativeSortFields)[number];
export type FilterName = 'q' | 'regionCode' | 'provinceCode' | 'sector' | 'creationYear' | 'status';

const queryFields = ['q', 'regionCode', 'provinceCode', 'sector', 'creationYear', 'status', 'sort', 'order', 'page', 'pageSize'] as const;
type QueryField = (typeof queryFields)[number];

export const defaultPageSize = 25;

/**
 * The registry's filters live in the URL, so that a page can be shared or
 * reloaded; each parameter is read with the server's own schema and dropped
 * when it does not pass.
 */
export function useRegistryQuery() {
  const [searchParams, setSearchParams] = useSearchParams();

  const query = useMemo(() => {
    const read: Record<string, unknown> = {};
    for (const field of queryFields) {
      const raw = searchParams.get(field);
      if (raw === null || raw === '') continue;
      const parsed = cooperativeListQuerySchema.shape[field].safeParse(raw);
      if (parsed.success && parsed.data !== undefined) read[field] = parsed.data;
    }
    return read as CooperativeListQuery;
  }, [searchParams]);

  const update = useCallback(
    (changes: Partial<Record<QueryField, string | number | null | undefined>>, options: { replace?: boolean } = {}) => {
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null || value === undefined || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          // A new filter or sort starts again at the first page.
          if (!('page' in changes)) next.delete('page');
          return next;
        },
        { replace: options.replace ?? false },
      );
    },
    [setSearchParams],
  );

  const sort: SortField = query.sort ?? 'name';
  const order = query.order ?? 'asc';
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? defaultPageSize;
  const hasFilters = Boolean(query.q || query.regionCode || query.provinceCode || query.sector || query.creationYear || query.status);

  return { query: { ...query, sort, order, page, pageSize }, update, hasFilters };
}
