import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  bulkEnrolmentResultSchema,
  Candidate,
  CandidateQuery,
  CooperativeProgrammes,
  Enrolment,
  EnrolmentUpdate,
  BulkEnrolmentInput,
  candidatePageSchema,
} from '../../core/programmes/enrolment.schema.js';
import type { Organisation, OrganisationInput, OrganisationListQuery } from '../../core/programmes/organisation.schema.js';
import type { Person, Programme, ProgrammeInput, ProgrammeListItem } from '../../core/programmes/programme.schema.js';
import { api, type QueryValue } from '../shared/api-client.js';

export type CandidatePage = z.infer<typeof candidatePageSchema>;
export type BulkEnrolmentResult = z.infer<typeof bulkEnrolmentResultSchema>;
export type { Candidate, Enrolment, Organisation, Person, Programme, ProgrammeListItem };

/** A diagnostic framework as GET /api/frameworks lists it. */
export interface FrameworkSummary {
  id: string;
  family: string;
  version: number;
  nameFr: string;
  nameAr: string | null;
  nameEn: string | null;
  isDefault: boolean;
  frozenAt: string | null;
}

export const programmeKeys = {
  // The list shares its key with the role-grant form's list of programmes (same request, same answer).
  list: ['programmes'] as const,
  detail: (id: string) => ['programmes', 'detail', id] as const,
  enrolments: (id: string) => ['programmes', 'enrolments', id] as const,
  candidates: (id: string, query: Partial<CandidateQuery>) => ['programmes', 'candidates', id, query] as const,
  cooperative: (cooperativeId: string) => ['programmes', 'cooperative', cooperativeId] as const,
  organisations: (query: Partial<OrganisationListQuery>) => ['organisations', query] as const,
  people: (search: string) => ['people', search] as const,
};

export function useProgrammeList() {
  return useQuery({ queryKey: programmeKeys.list, queryFn: () => api.get<ProgrammeListItem[]>('/api/programmes') });
}

export function useProgramme(id: string | undefined) {
  return useQuery({ queryKey: programmeKeys.detail(id ?? ''), queryFn: () => api.get<Programme>(`/api/programmes/${id}`), enabled: Boolean(id) });
}

export function useSaveProgramme(id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, version }: { input: ProgrammeInput; version?: number }) =>
      id ? api.put<Programme>(`/api/programmes/${id}`, input, version !== undefined ? { version } : undefined) : api.post<Programme>('/api/programmes', input),
    onSuccess: (saved) => {
      queryClient.setQueryData(programmeKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['programmes'] });
    },
  });
}

export function useEnrolments(programmeId: string) {
  return useQuery({ queryKey: programmeKeys.enrolments(programmeId), queryFn: () => api.get<Enrolment[]>(`/api/programmes/${programmeId}/enrolments`) });
}

export function useCandidates(programmeId: string, query: Partial<CandidateQuery>) {
  return useQuery({
    queryKey: programmeKeys.candidates(programmeId, query),
    queryFn: ({ signal }) => api.get<CandidatePage>(`/api/programmes/${programmeId}/candidates`, query as Record<string, QueryValue>, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEnrolCooperatives(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkEnrolmentInput) => api.post<BulkEnrolmentResult>(`/api/programmes/${programmeId}/enrolments`, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['programmes'] }),
  });
}

export function useUpdateEnrolment(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ enrolmentId, update }: { enrolmentId: string; update: Partial<EnrolmentUpdate> }) => api.patch<Enrolment>(`/api/enrolments/${enrolmentId}`, update),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: programmeKeys.enrolments(programmeId) });
      void queryClient.invalidateQueries({ queryKey: programmeKeys.list });
    },
  });
}

export function useCooperativeProgrammes(cooperativeId: string) {
  return useQuery({
    queryKey: programmeKeys.cooperative(cooperativeId),
    queryFn: () => api.get<CooperativeProgrammes>(`/api/cooperatives/${cooperativeId}/programmes`),
  });
}

export function useOrganisations(query: Partial<OrganisationListQuery> = {}, enabled = true) {
  return useQuery({
    queryKey: programmeKeys.organisations(query),
    queryFn: () => api.get<Organisation[]>('/api/organisations', query as Record<string, QueryValue>),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useSaveOrganisation(id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, version }: { input: OrganisationInput; version?: number }) =>
      id ? api.put<Organisation>(`/api/organisations/${id}`, input, version !== undefined ? { version } : undefined) : api.post<Organisation>('/api/organisations', input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['organisations'] }),
  });
}

export function usePeople(search: string, enabled = true) {
  return useQuery({
    queryKey: programmeKeys.people(search),
    queryFn: () => api.get<Person[]>('/api/people', { search }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useFrameworks(enabled = true) {
  return useQuery({ queryKey: ['frameworks'], queryFn: () => api.get<FrameworkSummary[]>('/api/frameworks'), enabled, retry: false });
}

/** Starts the baseline diagnostic of an enrolment; answers the new diagnostic's id. */
export function useStartDiagnostic(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ enrolmentId, kind }: { enrolmentId: string; kind: 'baseline' | 'midline' | 'endline' }) =>
      api.post<{ id: string }>(`/api/enrolments/${enrolmentId}/diagnostics`, { kind }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: programmeKeys.enrolments(programmeId) }),
  });
}
