import { Alert, Button, Checkbox, FileInput, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkCommitment, subtractMad } from '../../core/financing/balances.js';
import { commitmentInputSchema, financingDocumentAccept, type BudgetLineView, type FinancedCooperative } from '../../core/financing/financing.schema.js';
import { isApiError } from '../shared/api-client.js';
import { AlertIcon } from '../shared/icons.js';
import { errorMessage, translateIssue } from '../shared/issue-messages.js';
import { DayInput } from '../shared/day-input.js';
import { useFormat } from '../shared/use-format.js';
import { useSchemaForm } from '../shared/use-schema-form.js';
import { todayInMorocco, WriteError } from './commitment-card.component.js';
import { localName, useCreateCommitment, useFinancing } from './financing.api.js';

type Values = { budgetLineId: string | null; cooperativeId: string | null; actionId: string | null; amountMad: number | string; committedOn: string | null; reference: string; note: string };

interface Props {
  programmeId: string;
  lines: BudgetLineView[];
  /** Committing for one action (the action plan page): cooperative and action are given. */
  action?: { cooperativeId: string; actionId: string; suggestedAmountMad: number | null };
  /** Committing from the programme's page: the cooperatives to choose from. */
  cooperatives?: FinancedCooperative[];
  onDone: () => void;
}

const lineLabel = (line: BudgetLineView, language: string, category: string) => `${line.label} — ${localName(language, line.funder)} · ${category}`;

/**
 * "Engager": the line, the amount, the date, a reference and a document.
 * The line's available balance shows as soon as a line is chosen; an amount
 * over it shows a warning the user must confirm before the form submits.
 */
export function CommitmentForm({ programmeId, lines, action, cooperatives, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const create = useCreateCommitment(programmeId);
  const firstLine = lines.find((line) => line.category === 'action_financing' && line.availableMad > 0) ?? lines.find((line) => line.availableMad > 0) ?? lines[0];
  const form = useSchemaForm<Values>({
    budgetLineId: firstLine?.id ?? null,
    cooperativeId: action?.cooperativeId ?? null,
    actionId: action?.actionId ?? null,
    amountMad: action?.suggestedAmountMad && action.suggestedAmountMad > 0 ? action.suggestedAmountMad : '',
    committedOn: todayInMorocco(),
    reference: '',
    note: '',
  });
  const [file, setFile] = useState<File | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [serverOver, setServerOver] = useState<{ available: number; over: number } | null>(null);
  const actions = useFinancing(programmeId, { cooperativeId: form.values.cooperativeId ?? undefined, pageSize: 1 }, !action && form.values.cooperativeId !== null);

  const line = lines.find((candidate) => candidate.id === form.values.budgetLineId);
  const amount = form.values.amountMad === '' ? null : Number(form.values.amountMad);
  const check = line && amount !== null && amount > 0 ? checkCommitment(line, amount) : { ok: true as const };
  const over = serverOver ?? (check.ok ? null : { available: check.availableMad, over: check.overMad });

  const submit = () => {
    const draft = {
      budgetLineId: form.values.budgetLineId ?? undefined,
      cooperativeId: form.values.cooperativeId,
      actionId: form.values.actionId,
      amountMad: amount ?? undefined,
      committedOn: form.values.committedOn ?? undefined,
      reference: form.values.reference,
      note: form.values.note,
      confirmOverrun: over !== null && confirmed,
    };
    const input = form.validate(commitmentInputSchema, draft, (field) => draft[field as keyof typeof draft] === undefined);
    if (!input) return;
    if (over && !confirmed) return;
    create.mutate(
      { input, file },
      {
        onSuccess: ({ documentError }) => {
          if (!documentError) onDone();
        },
        onError: (error) => {
          if (isApiError(error, 'conflict') && error.params.reason === 'commitment_over_line') {
            setServerOver({ available: Number(error.params.available), over: Number(error.params.over) });
            setConfirmed(false);
          } else if (isApiError(error, 'validation')) form.showServerIssues(error.issues);
        },
      },
    );
  };
  const change = <Name extends keyof Values>(name: Name, value: Values[Name]) => {
    form.setField(name, value);
    setServerOver(null);
    setConfirmed(false);
  };
  const documentError = create.data?.documentError;
  const shownError = create.error && !(isApiError(create.error, 'validation') && create.error.issues.length > 0) && !(isApiError(create.error, 'conflict') && serverOver) ? create.error : null;
  const cooperativeActions = actions.data?.actions ?? [];

  return (
    <Paper withBorder p="sm" radius="md" component="form" onSubmit={(event) => (event.preventDefault(), submit())} aria-label={t('financing.commit.title')}>
      <Stack gap="xs">
        <Text fw={600}>{t('financing.commit.title')}</Text>
        <Select
          label={t('financing.commit.line')}
          data={lines.map((candidate) => ({ value: candidate.id, label: lineLabel(candidate, i18n.language, t(`financing.categories.${candidate.category}`)) }))}
          value={form.values.budgetLineId}
          onChange={(value) => change('budgetLineId', value)}
          error={form.error('budgetLineId')}
          allowDeselect={false}
          required
          comboboxProps={{ withinPortal: true }}
        />
        {line ? (
          <Text size="sm" c={line.availableMad <= 0 ? 'red.8' : 'teal.8'} fw={500} data-testid="line-available">
            {t('financing.commit.lineAvailable', { amount: format.amount(line.availableMad) })}
          </Text>
        ) : null}
        {!action && cooperatives ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <Select
              label={t('financing.commit.cooperative')}
              placeholder={t('financing.commitments.programmeWide')}
              data={cooperatives.map((cooperative) => ({ value: cooperative.id, label: localName(i18n.language, cooperative) }))}
              value={form.values.cooperativeId}
              onChange={(value) => {
                change('cooperativeId', value);
                form.setField('actionId', null);
              }}
              error={form.error('cooperativeId')}
              searchable
              clearable
              nothingFoundMessage={t('ui.nothingFound')}
            />
            <Select
              label={t('financing.commit.action')}
              placeholder={t('financing.commitments.noAction')}
              data={cooperativeActions.map((candidate) => ({ value: candidate.id, label: candidate.title }))}
              value={form.values.actionId}
              onChange={(value) => {
                change('actionId', value);
                const picked = cooperativeActions.find((candidate) => candidate.id === value);
                if (picked?.budgetMad && form.values.amountMad === '') form.setField('amountMad', Math.max(subtractMad(picked.budgetMad, picked.committedMad), 0) || '');
              }}
              error={form.error('actionId')}
              disabled={form.values.cooperativeId === null}
              clearable
            />
          </SimpleGrid>
        ) : null}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <NumberInput
            label={t('financing.commit.amount')}
            value={form.values.amountMad}
            onChange={(value) => change('amountMad', value)}
            error={form.error('amountMad')}
            min={0}
            decimalScale={2}
            thousandSeparator=" "
            required
          />
          <DayInput label={t('financing.commit.date')} value={form.values.committedOn} onChange={(value) => change('committedOn', value)} error={form.error('committedOn')} required />
          <TextInput label={t('financing.commit.reference')} value={form.values.reference} onChange={(event) => form.setField('reference', event.currentTarget.value)} error={form.error('reference')} />
          <FileInput label={t('financing.commit.document')} value={file} onChange={setFile} accept={financingDocumentAccept} clearable description={t('financing.documents.hint')} />
        </SimpleGrid>
        <TextInput label={t('financing.commit.note')} value={form.values.note} onChange={(event) => form.setField('note', event.currentTarget.value)} error={form.error('note')} />

        {over ? (
          <Alert color="orange" variant="light" icon={<AlertIcon />} title={t('financing.commit.overWarningTitle')} role="alert" data-testid="over-line-warning">
            <Stack gap="xs">
              <Text size="sm">{t('financing.commit.overWarning', { available: format.amount(over.available), over: format.amount(over.over) })}</Text>
              <Checkbox label={t('financing.commit.confirmOverrun')} checked={confirmed} onChange={(event) => setConfirmed(event.currentTarget.checked)} />
            </Stack>
          </Alert>
        ) : null}
        {shownError ? <WriteError error={shownError} /> : null}
        {documentError ? (
          <Alert color="orange" variant="light" role="alert">
            {t('financing.commit.documentFailed', { reason: isApiError(documentError) && documentError.issues[0] ? translateIssue(t, documentError.issues[0]) : errorMessage(t, documentError) })}
          </Alert>
        ) : null}
        <Group gap="xs">
          {documentError ? null : (
            <Button type="submit" color={over ? 'orange' : undefined} disabled={over !== null && !confirmed} loading={create.isPending}>
              {over ? t('financing.commit.submitOver') : t('financing.commit.submit')}
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
