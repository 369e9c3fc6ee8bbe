import { Accordion, ActionIcon, Alert, Anchor, Badge, Button, Group, Modal, NumberInput, Pagination, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { sumMad } from '../../core/financing/balances.js';
import { budgetCategories, budgetLineInputSchema, type BudgetCategory, type BudgetLineView, type FinancingOverview, type FunderTotal } from '../../core/financing/financing.schema.js';
import { isApiError } from '../shared/api-client.js';
import { ConfirmModal } from '../shared/confirm.modal.js';
import { ArrowStartIcon, EditIcon, PlusIcon, TrashIcon } from '../shared/icons.js';
import { ErrorState, LoadingState, NothingHere } from '../shared/page-states.js';
import { StaleVersionAlert } from '../shared/stale-version.alert.js';
import { useFormat } from '../shared/use-format.js';
import { useSchemaForm } from '../shared/use-schema-form.js';
import { programmeName } from '../programmes/programme-words.js';
import { useProgramme } from '../programmes/programmes.api.js';
import { ActionFinancing } from './action-financing.component.js';
import { BalanceBar } from './balance-bar.component.js';
import { CommitmentCard, WriteError } from './commitment-card.component.js';
import { CommitmentForm } from './commitment-form.component.js';
import { localName, useCreateLine, useDeleteLine, useFinancing, useUpdateLine } from './financing.api.js';

const pageSize = 20;

function Figure({ label, value, tone }: { label: string; value: string; tone?: string | undefined }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" c={tone}>
        {value}
      </Text>
    </Paper>
  );
}

type LineValues = { funderId: string | null; category: BudgetCategory | null; label: string; amountMad: number | string };

/** Adding a line, or editing one (its version guards against an edit made meanwhile). */
function LineForm({ programmeId, funders, line, onDone }: { programmeId: string; funders: FunderTotal[]; line: BudgetLineView | null; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const create = useCreateLine(programmeId);
  const update = useUpdateLine();
  const write = line ? update : create;
  const form = useSchemaForm<LineValues>(
    line
      ? { funderId: line.funderId, category: line.category, label: line.label, amountMad: line.amountMad }
      : { funderId: funders.find((funder) => funder.isProgrammeFunder)?.funderId ?? null, category: 'action_financing', label: '', amountMad: '' },
  );
  const submit = () => {
    const draft = { funderId: form.values.funderId ?? undefined, category: form.values.category ?? undefined, label: form.values.label, amountMad: form.values.amountMad === '' ? undefined : Number(form.values.amountMad) };
    const input = form.validate(budgetLineInputSchema, draft, (field) => draft[field as keyof typeof draft] === undefined || draft[field as keyof typeof draft] === '');
    if (!input) return;
    const options = { onSuccess: onDone, onError: (error: unknown) => isApiError(error, 'validation') && form.showServerIssues(error.issues) };
    if (line) update.mutate({ id: line.id, ...input, version: line.version }, options);
    else create.mutate(input, options);
  };
  const stale = isApiError(write.error, 'conflict') && write.error.params.reason === 'stale_version';
  return (
    <Stack gap="sm" component="form" onSubmit={(event) => (event.preventDefault(), submit())}>
      <Select
        label={t('financing.lines.funder')}
        data={funders.filter((funder) => funder.isProgrammeFunder || funder.funderId === line?.funderId).map((funder) => ({ value: funder.funderId, label: localName(i18n.language, funder) }))}
        value={form.values.funderId}
        onChange={(value) => form.setField('funderId', value)}
        error={form.error('funderId')}
        allowDeselect={false}
        required
      />
      <Select
        label={t('financing.lines.category')}
        data={budgetCategories.map((category) => ({ value: category, label: t(`financing.categories.${category}`) }))}
        value={form.values.category}
        onChange={(value) => form.setField('category', value as BudgetCategory | null)}
        error={form.error('category')}
        allowDeselect={false}
        required
      />
      <TextInput label={t('financing.lines.label')} value={form.values.label} onChange={(event) => form.setField('label', event.currentTarget.value)} error={form.error('label')} required />
      <NumberInput label={t('financing.lines.amount')} value={form.values.amountMad} onChange={(value) => form.setField('amountMad', value)} error={form.error('amountMad')} min={0} decimalScale={2} thousandSeparator=" " required />
      {line && line.committedMad > 0 ? (
        <Text size="xs" c="dimmed">
          {t('financing.lines.committedFloor', { amount: format.amount(line.committedMad) })}
        </Text>
      ) : null}
      {stale ? (
        <StaleVersionAlert title={t('financing.lines.staleTitle')} message={t('financing.lines.stale')} reloadLabel={t('financing.lines.reload')} onReload={onDone} />
      ) : write.error && !(isApiError(write.error, 'validation') && write.error.issues.length > 0) ? (
        <WriteError error={write.error} />
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('ui.cancel')}
        </Button>
        <Button type="submit" loading={write.isPending}>
          {t('ui.save')}
        </Button>
      </Group>
    </Stack>
  );
}

function FunderLines({ funder, lines, canManage, onEdit, onDelete }: { funder: FunderTotal; lines: BudgetLineView[]; canManage: boolean; onEdit: (line: BudgetLineView) => void; onDelete: (line: BudgetLineView) => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const linesTotal = sumMad(lines.map((line) => line.amountMad));
  return (
    <Paper withBorder p="md" radius="md" data-testid="funder">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="wrap">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Title order={3} size="h5">
              {localName(i18n.language, funder)}
            </Title>
            <Text size="xs" c="dimmed">
              {funder.contributionMad === null ? t('financing.funders.noContribution') : t('financing.funders.contribution', { amount: format.amount(funder.contributionMad) })}
              {funder.isProgrammeFunder ? '' : ` · ${t('financing.funders.notFunder')}`}
            </Text>
          </Stack>
          <Text fw={700}>{t('financing.amountMad', { amount: format.amount(funder.amountMad) })}</Text>
        </Group>
        <BalanceBar balance={funder} />
        {funder.contributionMad !== null && linesTotal > funder.contributionMad ? (
          <Alert color="orange" variant="light" p="xs">
            <Text size="xs">{t('financing.funders.linesOverContribution', { lines: format.amount(linesTotal), contribution: format.amount(funder.contributionMad) })}</Text>
          </Alert>
        ) : null}
        {lines.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('financing.funders.noLines')}
          </Text>
        ) : (
          <Stack gap="sm">
            {lines.map((line) => (
              <Stack key={line.id} gap={4} ps="sm" style={{ borderInlineStart: '3px solid var(--mantine-color-gray-3)' }} data-testid="budget-line">
                <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600}>
                      {line.label}
                    </Text>
                    <Group gap={4}>
                      <Badge size="xs" variant="light">
                        {t(`financing.categories.${line.category}`)}
                      </Badge>
                      <Text size="xs" c="dimmed">
                        {t('financing.lines.commitments', { count: line.commitmentsCount })}
                      </Text>
                    </Group>
                  </Stack>
                  <Group gap={2} wrap="nowrap" style={{ flexShrink: 0 }}>
                    <Text size="sm" fw={600}>
                      {t('financing.amountMad', { amount: format.amount(line.amountMad) })}
                    </Text>
                    {canManage ? (
                      <>
                        <ActionIcon variant="subtle" aria-label={t('financing.lines.editLabel', { label: line.label })} onClick={() => onEdit(line)}>
                          <EditIcon size={16} />
                        </ActionIcon>
                        {line.commitmentsCount === 0 ? (
                          <ActionIcon variant="subtle" color="red" aria-label={t('financing.lines.delete', { label: line.label })} onClick={() => onDelete(line)}>
                            <TrashIcon size={16} />
                          </ActionIcon>
                        ) : null}
                      </>
                    ) : null}
                  </Group>
                </Group>
                <BalanceBar balance={line} size="md" />
              </Stack>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function CooperativeActions({ overview, programmeId, cooperativeId, canManage }: { overview: FinancingOverview; programmeId: string; cooperativeId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (overview.actions.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('financing.cooperativeActions.none')}
      </Text>
    );
  }
  return (
    <Accordion variant="separated" radius="md" chevronPosition="left">
      {overview.actions.map((action) => (
        <Accordion.Item key={action.id} value={action.id}>
          <Accordion.Control>
            <Stack gap={2}>
              <Text size="sm" fw={600} lineClamp={2}>
                {action.title}
              </Text>
              <Text size="xs" c="dimmed">
                {t('financing.cooperativeActions.figures', {
                  budget: action.budgetMad === null ? '—' : format.amount(action.budgetMad),
                  committed: format.amount(action.committedMad),
                  disbursed: format.amount(action.disbursedMad),
                })}
                {action.financingSource ? ` · ${t(`financing.sources.${action.financingSource}`)}` : ''}
              </Text>
            </Stack>
          </Accordion.Control>
          <Accordion.Panel>
            <ActionFinancing programmeId={programmeId} cooperativeId={cooperativeId} actionId={action.id} canManage={canManage} />
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
}

/** `/programmes/:programmeId/financing`: budget lines per funder and category, their balances, commitments and disbursements. */
export default function FinancingPage() {
  const { programmeId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [filter, setFilter] = useState<{ cooperativeId?: string; budgetLineId?: string; page: number }>(() => {
    const search = new URLSearchParams(window.location.search);
    return { ...(search.get('cooperativeId') ? { cooperativeId: search.get('cooperativeId')! } : {}), page: 1 };
  });
  const financing = useFinancing(programmeId, { ...filter, pageSize });
  const programme = useProgramme(programmeId);
  const [editing, setEditing] = useState<BudgetLineView | 'new' | null>(null);
  const [deleting, setDeleting] = useState<BudgetLineView | null>(null);
  const [committing, setCommitting] = useState(false);
  const removeLine = useDeleteLine();

  const changeFilter = (next: { cooperativeId?: string | undefined; budgetLineId?: string | undefined }) => {
    const merged = { ...filter, ...next, page: 1 };
    const cleaned = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== undefined && value !== null)) as typeof filter;
    setFilter(cleaned);
    // The chosen cooperative stays in the address, so that a link or a reload shows the same actions.
    const url = new URL(window.location.href);
    if (cleaned.cooperativeId) url.searchParams.set('cooperativeId', cleaned.cooperativeId);
    else url.searchParams.delete('cooperativeId');
    window.history.replaceState(window.history.state, '', url);
  };

  if (financing.isPending) return <LoadingState />;
  if (financing.isError) return <ErrorState error={financing.error} onRetry={() => void financing.refetch()} />;
  const overview = financing.data;
  const canManage = overview.canManage;
  const { total } = overview;
  const pages = Math.max(1, Math.ceil(overview.commitments.total / overview.commitments.pageSize));

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/programmes/${programmeId}`} size="sm">
        <Group gap={4} component="span">
          <ArrowStartIcon size={14} />
          {t('financing.backToProgramme')}
        </Group>
      </Anchor>
      <div>
        <Title order={1}>{t('financing.title')}</Title>
        {programme.data ? (
          <Text fw={500}>{programmeName(programme.data, i18n.language)}</Text>
        ) : null}
        <Text size="sm" c="dimmed">
          {t('financing.intro')}
        </Text>
      </div>

      <Stack gap="xs">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          <Figure label={t('financing.summary.budget')} value={t('financing.amountMad', { amount: format.amount(total.amountMad) })} />
          <Figure label={t('financing.summary.committed')} value={t('financing.amountMad', { amount: format.amount(total.committedMad) })} />
          <Figure label={t('financing.summary.disbursed')} value={t('financing.amountMad', { amount: format.amount(total.disbursedMad) })} />
          <Figure label={t('financing.summary.available')} value={t('financing.amountMad', { amount: format.amount(total.availableMad) })} tone={total.availableMad < 0 ? 'red.8' : undefined} />
        </SimpleGrid>
        {total.amountMad > 0 ? <BalanceBar balance={total} size="xl" /> : null}
      </Stack>

      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3">
            {t('financing.lines.title')}
          </Title>
          {canManage ? (
            <Button leftSection={<PlusIcon size={16} />} onClick={() => setEditing('new')} disabled={!overview.funders.some((funder) => funder.isProgrammeFunder)}>
              {t('financing.lines.add')}
            </Button>
          ) : null}
        </Group>
        {canManage && !overview.funders.some((funder) => funder.isProgrammeFunder) ? (
          <Alert color="orange" variant="light">
            {t('financing.lines.noFunders')}
          </Alert>
        ) : null}
        {overview.lines.length === 0 && overview.funders.length === 0 ? (
          <NothingHere title={t('financing.lines.none')} description={canManage ? t('financing.lines.noneHint') : undefined} />
        ) : (
          <SimpleGrid cols={{ base: 1, md: overview.funders.length > 1 ? 2 : 1 }} spacing="md">
            {overview.funders.map((funder) => (
              <FunderLines
                key={funder.funderId}
                funder={funder}
                lines={overview.lines.filter((line) => line.funderId === funder.funderId)}
                canManage={canManage}
                onEdit={(line) => setEditing(line)}
                onDelete={(line) => setDeleting(line)}
              />
            ))}
          </SimpleGrid>
        )}
      </Stack>

      {overview.categories.length > 0 ? (
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('financing.categoriesTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            {overview.categories.map((category) => (
              <Paper key={category.category} withBorder p="sm" radius="md" data-testid="category">
                <Stack gap={6}>
                  <Group justify="space-between" gap="xs">
                    <Text size="sm" fw={600}>
                      {t(`financing.categories.${category.category}`)}
                    </Text>
                    <Text size="sm" fw={600}>
                      {t('financing.amountMad', { amount: format.amount(category.amountMad) })}
                    </Text>
                  </Group>
                  <BalanceBar balance={category} size="md" />
                </Stack>
              </Paper>
            ))}
          </SimpleGrid>
        </Stack>
      ) : null}

      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3">
            {t('financing.commitments.title')}
          </Title>
          {canManage && overview.lines.length > 0 && !committing ? (
            <Button leftSection={<PlusIcon size={16} />} onClick={() => setCommitting(true)}>
              {t('financing.commitments.add')}
            </Button>
          ) : null}
        </Group>
        {committing ? (
          <CommitmentForm
            programmeId={programmeId}
            lines={overview.lines}
            cooperatives={overview.cooperatives}
            onDone={() => setCommitting(false)}
          />
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('financing.commitments.filterCooperative')}
            placeholder={t('financing.commitments.all')}
            data={overview.cooperatives.map((cooperative) => ({ value: cooperative.id, label: localName(i18n.language, cooperative) }))}
            value={filter.cooperativeId ?? null}
            onChange={(value) => changeFilter({ cooperativeId: value ?? undefined })}
            searchable
            clearable
            nothingFoundMessage={t('ui.nothingFound')}
          />
          <Select
            label={t('financing.commitments.filterLine')}
            placeholder={t('financing.commitments.all')}
            data={overview.lines.map((line) => ({ value: line.id, label: `${line.label} — ${localName(i18n.language, line.funder)}` }))}
            value={filter.budgetLineId ?? null}
            onChange={(value) => changeFilter({ budgetLineId: value ?? undefined })}
            clearable
          />
        </SimpleGrid>

        {filter.cooperativeId ? (
          <Stack gap="xs">
            <Title order={3} size="h4">
              {t('financing.cooperativeActions.title')}
            </Title>
            <CooperativeActions overview={overview} programmeId={programmeId} cooperativeId={filter.cooperativeId} canManage={canManage} />
          </Stack>
        ) : (
          <Text size="xs" c="dimmed">
            {t('financing.cooperativeActions.hint')}
          </Text>
        )}

        <Text size="sm" c="dimmed">
          {t('financing.commitments.count', { count: overview.commitments.total })}
        </Text>
        {overview.commitments.items.length === 0 ? (
          <NothingHere title={t('financing.commitments.none')} />
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {overview.commitments.items.map((commitment) => (
              <CommitmentCard key={commitment.id} commitment={commitment} canManage={canManage} />
            ))}
          </SimpleGrid>
        )}
        {pages > 1 ? (
          <Group justify="center">
            <Pagination total={pages} value={filter.page} onChange={(page) => setFilter({ ...filter, page })} size="sm" />
          </Group>
        ) : null}
      </Stack>

      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing === 'new' ? t('financing.lines.add') : t('financing.lines.edit')} centered>
        {editing !== null ? <LineForm programmeId={programmeId} funders={overview.funders} line={editing === 'new' ? null : editing} onDone={() => setEditing(null)} /> : null}
      </Modal>
      <ConfirmModal
        opened={deleting !== null}
        title={t('financing.lines.deleteTitle')}
        message={deleting ? t('financing.lines.deleteMessage', { label: deleting.label, amount: format.amount(deleting.amountMad) }) : ''}
        confirmLabel={t('financing.delete')}
        danger
        pending={removeLine.isPending}
        error={removeLine.error}
        onClose={() => {
          setDeleting(null);
          removeLine.reset();
        }}
        onConfirm={() => deleting && removeLine.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
      />
    </Stack>
  );
}
