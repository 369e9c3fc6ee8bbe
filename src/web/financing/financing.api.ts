import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActionFinancing,
  BudgetLineInput,
  BudgetLineUpdate,
  BudgetLineView,
  Commitment,
  CommitmentDraft,
  Disbursement,
  DisbursementDraft,
  FinancingDocument,
  FinancingOverview,
} from '../../core/financing/financing.schema.js';
import { api } from '../shared/api-client.js';

export interface FinancingFilter {
  cooperativeId?: string | undefined;
  budgetLineId?: string | undefined;
  page?: number;
  pageSize?: number;
}

/** Every financing query starts with 'financing': a write refreshes the page, the action panels and the balances at once. */
export const financingKeys = {
  all: ['financing'] as const,
  overview: (programmeId: string, filter: FinancingFilter) => ['financing', 'overview', programmeId, filter] as const,
  action: (actionId: string) => ['financing', 'action', actionId] as const,
};

export function useFinancing(programmeId: string, filter: FinancingFilter = {}, enabled = true) {
  return useQuery({
    queryKey: financingKeys.overview(programmeId, filter),
    queryFn: () => api.get<FinancingOverview>(`/api/programmes/${programmeId}/financing`, { ...filter }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useActionFinancing(actionId: string) {
  return useQuery({ queryKey: financingKeys.action(actionId), queryFn: () => api.get<ActionFinancing>(`/api/actions/${actionId}/financing`) });
}

function useFinancingWrite<Input, Output>(write: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSettled: () => queryClient.invalidateQueries({ queryKey: financingKeys.all }),
  });
}

export const useCreateLine = (programmeId: string) => useFinancingWrite((input: BudgetLineInput) => api.post<BudgetLineView>(`/api/programmes/${programmeId}/budget-lines`, input));
export const useUpdateLine = () => useFinancingWrite(({ id, ...input }: BudgetLineUpdate & { id: string }) => api.patch<BudgetLineView>(`/api/budget-lines/${id}`, input));
export const useDeleteLine = () => useFinancingWrite((id: string) => api.delete<void>(`/api/budget-lines/${id}`));
export const useDeleteCommitment = () => useFinancingWrite((id: string) => api.delete<void>(`/api/commitments/${id}`));
export const useDeleteDisbursement = () => useFinancingWrite((id: string) => api.delete<void>(`/api/disbursements/${id}`));
export const useDeleteDocument = () => useFinancingWrite((id: string) => api.delete<void>(`/api/financing-documents/${id}`));

function uploadDocument(owner: 'commitments' | 'disbursements', id: string, file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload<FinancingDocument>(`/api/${owner}/${id}/documents`, form);
}

export const useUploadDocument = () => useFinancingWrite(({ owner, id, file }: { owner: 'commitments' | 'disbursements'; id: string; file: File }) => uploadDocument(owner, id, file));

/**
 * A commitment, then its document if one was chosen: the commitment stands
 * even if the document is refused (the form says so and lets it be joined again).
 */
export const useCreateCommitment = (programmeId: string) =>
  useFinancingWrite(async ({ input, file }: { input: CommitmentDraft; file: File | null }) => {
    const commitment = await api.post<Commitment>(`/api/programmes/${programmeId}/commitments`, input);
    let documentError: unknown = null;
    if (file) await uploadDocument('commitments', commitment.id, file).catch((error: unknown) => (documentError = error));
    return { commitment, documentError };
  });

export const useCreateDisbursement = () =>
  useFinancingWrite(async ({ commitmentId, input, file }: { commitmentId: string; input: DisbursementDraft; file: File | null }) => {
    const disbursement = await api.post<Disbursement>(`/api/commitments/${commitmentId}/disbursements`, input);
    let documentError: unknown = null;
    if (file) await uploadDocument('disbursements', disbursement.id, file).catch((error: unknown) => (documentError = error));
    return { disbursement, documentError };
  });

/** An organisation's or cooperative's name in the reader's language, French when not given. */
export function localName(language: string, names: { nameFr: string | null; nameAr: string | null; nameEn?: string | null }): string {
  const picked = language === 'ar' ? names.nameAr || names.nameFr : language === 'en' ? names.nameEn || names.nameFr : names.nameFr || names.nameAr;
  return picked ?? '—';
}
