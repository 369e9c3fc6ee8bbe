import { ActionIcon, Alert, Anchor, Badge, Button, Collapse, FileButton, FileInput, Group, NumberInput, Paper, Progress, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { percentOf } from '../../core/financing/balances.js';
import { disbursementInputSchema, financingDocumentAccept, type Commitment, type FinancingDocument } from '../../core/financing/financing.schema.js';
import { toMoroccanWallClock } from '../../core/sessions/local-time.js';
import { isApiError } from '../shared/api-client.js';
import { ConfirmModal } from '../shared/confirm.modal.js';
import { DayInput } from '../shared/day-input.js';
import { FileIcon, PlusIcon, TrashIcon, UploadIcon } from '../shared/icons.js';
import { errorMessage, translateIssue } from '../shared/issue-messages.js';
import { useFormat } from '../shared/use-format.js';
import { useSchemaForm } from '../shared/use-schema-form.js';
import { localName, useCreateDisbursement, useDeleteCommitment, useDeleteDisbursement, useDeleteDocument, useUploadDocument } from './financing.api.js';

export const todayInMorocco = () => toMoroccanWallClock(new Date().toISOString()).date;

/** An error under a form: the first field issue translated, else the error's code. */
export function WriteError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {isApiError(error) && error.issues[0] ? translateIssue(t, error.issues[0]) : errorMessage(t, error)}
    </Alert>
  );
}

function DocumentList({ documents, canManage }: { documents: FinancingDocument[]; canManage: boolean }) {
  const { t } = useTranslation();
  const remove = useDeleteDocument();
  if (documents.length === 0) return null;
  return (
    <Stack gap={2}>
      {documents.map((document) => (
        <Group key={document.id} gap="xs" wrap="nowrap">
          <FileIcon size={14} />
          <Anchor href={`/api/financing-documents/${document.id}`} size="sm" truncate style={{ minWidth: 0, flex: 1 }}>
            {document.fileName}
          </Anchor>
          {canManage ? (
            <ActionIcon variant="subtle" color="red" size="sm" aria-label={t('financing.documents.delete', { name: document.fileName })} onClick={() => remove.mutate(document.id)} loading={remove.isPending && remove.variables === document.id}>
              <TrashIcon size={14} />
            </ActionIcon>
          ) : null}
        </Group>
      ))}
      <WriteError error={remove.error} />
    </Stack>
  );
}

/** Joins a document to a commitment or a disbursement: a button, or an icon where space is short. */
function UploadDocument({ owner, ownerId, compact }: { owner: 'commitments' | 'disbursements'; ownerId: string; compact?: boolean }) {
  const { t } = useTranslation();
  const upload = useUploadDocument();
  return (
    <>
      <FileButton onChange={(file) => file && upload.mutate({ owner, id: ownerId, file })} accept={financingDocumentAccept}>
        {(props) =>
          compact ? (
            <ActionIcon {...props} variant="subtle" size="sm" aria-label={t('financing.documents.add')} title={t('financing.documents.add')} loading={upload.isPending}>
              <UploadIcon size={14} />
            </ActionIcon>
          ) : (
            <Button {...props} size="xs" variant="default" leftSection={<UploadIcon size={14} />} loading={upload.isPending}>
              {t('financing.documents.add')}
            </Button>
          )
        }
      </FileButton>
      {upload.error ? (
        <Text size="xs" c="red.8" role="alert">
          {isApiError(upload.error) && upload.error.issues[0] ? translateIssue(t, upload.error.issues[0]) : errorMessage(t, upload.error)}
        </Text>
      ) : null}
    </>
  );
}

type DisbursementValues = { amountMad: number | string; paidOn: string | null; reference: string; note: string };

function DisbursementForm({ commitment, onDone }: { commitment: Commitment; onDone: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const create = useCreateDisbursement();
  const [file, setFile] = useState<File | null>(null);
  const form = useSchemaForm<DisbursementValues>({ amountMad: commitment.remainingMad, paidOn: todayInMorocco(), reference: '', note: '' });
  const submit = () => {
    const draft = { ...form.values, amountMad: form.values.amountMad === '' ? undefined : Number(form.values.amountMad), paidOn: form.values.paidOn ?? undefined };
    const input = form.validate(disbursementInputSchema, draft, (field) => draft[field as keyof typeof draft] === undefined);
    if (!input) return;
    create.mutate(
      { commitmentId: commitment.id, input, file },
      {
        onSuccess: ({ documentError }) => {
          if (!documentError) onDone();
        },
        onError: (error) => isApiError(error, 'validation') && form.showServerIssues(error.issues),
      },
    );
  };
  const documentError = create.data?.documentError;
  return (
    <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-body)" component="form" onSubmit={(event) => (event.preventDefault(), submit())}>
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('financing.disburse.title')}
        </Text>
        <Text size="xs" c="dimmed">
          {t('financing.disburse.remaining', { amount: format.amount(commitment.remainingMad) })}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <NumberInput label={t('financing.disburse.amount')} value={form.values.amountMad} onChange={(value) => form.setField('amountMad', value)} error={form.error('amountMad')} min={0} decimalScale={2} thousandSeparator=" " required />
          <DayInput label={t('financing.disburse.date')} value={form.values.paidOn} onChange={(value) => form.setField('paidOn', value)} error={form.error('paidOn')} required />
          <TextInput label={t('financing.disburse.reference')} value={form.values.reference} onChange={(event) => form.setField('reference', event.currentTarget.value)} error={form.error('reference')} />
          <FileInput label={t('financing.disburse.document')} value={file} onChange={setFile} accept={financingDocumentAccept} clearable description={t('financing.documents.hint')} />
        </SimpleGrid>
        <TextInput label={t('financing.disburse.note')} value={form.values.note} onChange={(event) => form.setField('note', event.currentTarget.value)} error={form.error('note')} />
        {create.error && !(isApiError(create.error, 'validation') && create.error.issues.length > 0) ? <WriteError error={create.error} /> : null}
        {documentError ? (
          <Alert color="orange" variant="light" role="alert">
            {t('financing.commit.documentFailed', { reason: isApiError(documentError) && documentError.issues[0] ? translateIssue(t, documentError.issues[0]) : errorMessage(t, documentError) })}
          </Alert>
        ) : null}
        <Group gap="xs">
          {documentError ? null : (
            <Button type="submit" loading={create.isPending}>
              {t('financing.disburse.submit')}
            </Button>
          )}
          <Button variant="default" onClick={onDone}>
            {documentError ? t('ui.close') : t('ui.cancel')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * One commitment: who and what it finances, on which line, how much of it
 * is paid, its disbursements and documents; for managers, "Décaisser",
 * documents to join and mistakes to delete.
 */
export function CommitmentCard({ commitment, canManage, showAction = true }: { commitment: Commitment; canManage: boolean; showAction?: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [disbursing, setDisbursing] = useState(false);
  const [confirming, setConfirming] = useState<{ kind: 'commitment' } | { kind: 'disbursement'; id: string; paidOn: string; amountMad: number } | null>(null);
  const removeCommitment = useDeleteCommitment();
  const removeDisbursement = useDeleteDisbursement();
  const paidPercent = percentOf(commitment.disbursedMad, commitment.amountMad);
  const who = commitment.cooperative ? localName(i18n.language, commitment.cooperative) : t('financing.commitments.programmeWide');
  const fullyPaid = commitment.remainingMad <= 0;

  return (
    <Paper withBorder p="sm" radius="md" data-testid="commitment">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} size="sm" lineClamp={2}>
              {showAction && commitment.action ? commitment.action.title : who}
            </Text>
            <Text size="xs" c="dimmed" lineClamp={2}>
              {showAction && commitment.action ? `${who} · ` : ''}
              {commitment.lineLabel} · {t(`financing.categories.${commitment.category}`)}
            </Text>
          </Stack>
          <Stack gap={0} align="flex-end" style={{ flexShrink: 0 }}>
            <Text fw={700} size="sm">
              {t('financing.amountMad', { amount: format.amount(commitment.amountMad) })}
            </Text>
            <Text size="xs" c="dimmed">
              {format.date(commitment.committedOn)}
            </Text>
          </Stack>
        </Group>
        <Progress value={paidPercent} color="teal.7" size="sm" aria-label={t('financing.commitments.disbursedOf', { disbursed: format.amount(commitment.disbursedMad), amount: format.amount(commitment.amountMad) })} />
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text size="xs">{t('financing.commitments.disbursedOf', { disbursed: format.amount(commitment.disbursedMad), amount: format.amount(commitment.amountMad) })}</Text>
          <Group gap={4}>
            {commitment.overrunConfirmed ? (
              <Badge color="red" variant="light" size="sm">
                {t('financing.commitments.overrun')}
              </Badge>
            ) : null}
            <Badge color={fullyPaid ? 'teal' : 'blue'} variant="light" size="sm">
              {fullyPaid ? t('financing.commitments.fullyDisbursed') : t('financing.commitments.remaining', { amount: format.amount(commitment.remainingMad) })}
            </Badge>
          </Group>
        </Group>
        {commitment.reference || commitment.note ? (
          <Text size="xs" c="dimmed">
            {[commitment.reference ? t('financing.commitments.referenceIs', { reference: commitment.reference }) : null, commitment.note].filter(Boolean).join(' — ')}
          </Text>
        ) : null}
        <DocumentList documents={commitment.documents} canManage={canManage} />

        {commitment.disbursements.length > 0 ? (
          <Stack gap={4} ps="sm" style={{ borderInlineStart: '2px solid var(--mantine-color-teal-3)' }}>
            {commitment.disbursements.map((disbursement) => (
              <Stack key={disbursement.id} gap={2}>
                <Group justify="space-between" gap="xs" wrap="nowrap">
                  <Text size="sm">
                    {t('financing.disburse.paidOn', { date: format.date(disbursement.paidOn), amount: format.amount(disbursement.amountMad) })}
                    {disbursement.reference ? ` · ${disbursement.reference}` : ''}
                  </Text>
                  {canManage ? (
                    <Group gap={2} wrap="nowrap">
                      <UploadDocument owner="disbursements" ownerId={disbursement.id} compact />
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="sm"
                        aria-label={t('financing.disburse.delete', { date: format.date(disbursement.paidOn) })}
                        onClick={() => setConfirming({ kind: 'disbursement', id: disbursement.id, paidOn: disbursement.paidOn, amountMad: disbursement.amountMad })}
                      >
                        <TrashIcon size={14} />
                      </ActionIcon>
                    </Group>
                  ) : null}
                </Group>
                {disbursement.note ? (
                  <Text size="xs" c="dimmed">
                    {disbursement.note}
                  </Text>
                ) : null}
                <DocumentList documents={disbursement.documents} canManage={canManage} />
              </Stack>
            ))}
          </Stack>
        ) : null}

        {canManage ? (
          <>
            <Collapse expanded={disbursing}>{disbursing ? <DisbursementForm commitment={commitment} onDone={() => setDisbursing(false)} /> : null}</Collapse>
            {!disbursing ? (
              <Group gap="xs" justify="space-between">
                <Group gap="xs">
                  {fullyPaid ? null : (
                    <Button size="xs" leftSection={<PlusIcon size={14} />} onClick={() => setDisbursing(true)}>
                      {t('financing.disburse.button')}
                    </Button>
                  )}
                  <UploadDocument owner="commitments" ownerId={commitment.id} />
                </Group>
                {commitment.disbursements.length === 0 ? (
                  <Button size="xs" variant="subtle" color="red" leftSection={<TrashIcon size={14} />} onClick={() => setConfirming({ kind: 'commitment' })}>
                    {t('financing.commitments.delete')}
                  </Button>
                ) : null}
              </Group>
            ) : null}
          </>
        ) : null}
      </Stack>
      <ConfirmModal
        opened={confirming !== null}
        title={confirming?.kind === 'disbursement' ? t('financing.disburse.deleteTitle') : t('financing.commitments.deleteTitle')}
        message={
          confirming?.kind === 'disbursement'
            ? t('financing.disburse.deleteMessage', { amount: format.amount(confirming.amountMad), date: format.date(confirming.paidOn) })
            : t('financing.commitments.deleteMessage', { amount: format.amount(commitment.amountMad), date: format.date(commitment.committedOn) })
        }
        confirmLabel={t('financing.delete')}
        danger
        pending={removeCommitment.isPending || removeDisbursement.isPending}
        error={removeCommitment.error ?? removeDisbursement.error}
        onClose={() => {
          setConfirming(null);
          removeCommitment.reset();
          removeDisbursement.reset();
        }}
        onConfirm={() => {
          if (confirming?.kind === 'disbursement') removeDisbursement.mutate(confirming.id, { onSuccess: () => setConfirming(null) });
          else removeCommitment.mutate(commitment.id, { onSuccess: () => setConfirming(null) });
        }}
      />
    </Paper>
  );
}
