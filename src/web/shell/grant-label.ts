import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Grant } from '../../core/access/roles.js';
import type { programmeSummarySchema } from '../../core/access/user.schema.js';
import { api } from '../shared/api-client.js';

export type ProgrammeSummary = z.infer<typeof programmeSummarySchema>;

export function useProgrammes() {
  return useQuery({
    queryKey: ['programmes'],
    queryFn: () => api.get<ProgrammeSummary[]>('/api/programmes'),
    staleTime: 5 * 60_000,
  });
}

export function programmeName(programme: ProgrammeSummary, locale: string): string {
  if (locale === 'ar') return programme.nameAr ?? programme.nameFr;
  if (locale === 'en') return programme.nameEn ?? programme.nameFr;
  return programme.nameFr;
}

/** "Consultant — programme X", "Administrator — all programmes", "Cooperative representative — Coop Y". */
export function grantScopeLabel(
  t: TFunction,
  grant: Grant,
  programmes: ProgrammeSummary[] | undefined,
  locale: string,
  cooperativeName?: string,
): string {
  if (grant.cooperativeId) return cooperativeName ?? t('roles.scope.oneCooperative');
  if (grant.programmeId) {
    const programme = programmes?.find((candidate) => candidate.id === grant.programmeId);
    return programme ? programmeName(programme, locale) : t('roles.scope.oneProgramme');
  }
  return t('roles.scope.allProgrammes');
}

export function useGrantLabels() {
  const { t, i18n } = useTranslation();
  const { data: programmes } = useProgrammes();
  return (grant: Grant, cooperativeName?: string) => ({
    role: t(`roles.${grant.role}`),
    scope: grantScopeLabel(t, grant, programmes, i18n.language, cooperativeName),
  });
}
