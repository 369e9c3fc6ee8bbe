import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { subtractMad } from '../../core/financing/balances.js';
import { PlusIcon } from '../shared/icons.js';
import { ErrorState, LoadingState } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { BalanceBar } from './balance-bar.component.js';
import { CommitmentCard } from './commitment-card.component.js';
import { CommitmentForm } from './commitment-form.component.js';
import { localName, useActionFinancing } from './financing.api.js';

/**
 * The financing of one action, for the action plan page: its budget and
 * source, what is committed and paid on it, "Engager" on a line of the
 * programme and "Décaisser" on each commitment. Every write refreshes this
 * panel and the programme's balances at once.
 */
export function ActionFinancing({ programmeId, cooperativeId, actionId, canManage }: { programmeId: string; cooperativeId: string; actionId: string; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const financing = useActionFinancing(actionId);
  const [committing, setCommitting] = useState(false);

  if (financing.isPending) return <LoadingState />;
  if (financing.isError) return <ErrorState error={financing.error} onRetry={() => void financing.refetch()} />;
  const { action, commitments, lines, committedMad, disbursedMad } = financing.data;
  // The server decides; the page's own view of the right only hides what would be refused.
  const manage = canManage && financing.data.canManage;
  const budget = action.budgetMad;
  const leftToCommit = budget === null ? null : subtractMad(budget, committedMad);

  return (
    <Stack gap="sm" data-testid="action-financing">
      <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-gray-light)">
        <Stack gap="xs">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text fw={600} size="sm">
              {t('financing.action.title')}
            </Text>
            {action.financingSource ? (
              <Badge variant="light" color={action.financingSource === 'programme' ? 'teal' : 'gray'}>
                {t(`financing.sources.${action.financingSource}`)}
              </Badge>
            ) : null}
          </Group>
          <SimpleGrid cols={{ base: 3 }} spacing="xs">
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('financing.action.budget')}
              </Text>
              <Text fw={600} size="sm">
                {budget === null ? t('financing.action.noBudget') : t('financing.amountMad', { amount: format.amount(budget) })}
              </Text>
            </Stack>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('financing.summary.committed')}
              </Text>
              <Text fw={600} size="sm" data-testid="action-committed">
                {t('financing.amountMad', { amount: format.amount(committedMad) })}
              </Text>
            </Stack>
            <Stack gap={0}>
              <Text size="xs" c="dimmed">
                {t('financing.summary.disbursed')}
              </Text>
              <Text fw={600} size="sm" data-testid="action-disbursed">
                {t('financing.amountMad', { amount: format.amount(disbursedMad) })}
              </Text>
            </Stack>
          </SimpleGrid>
          {budget !== null && budget > 0 ? <BalanceBar balance={{ amountMad: budget, committedMad, disbursedMad, availableMad: leftToCommit ?? 0, toDisburseMad: subtractMad(committedMad, disbursedMad) }} size="md" showFigures={false} /> : null}
          {action.financingSource && action.financingSource !== 'programme' ? (
            <Text size="xs" c="dimmed">
              {t('financing.action.notProgramme', { source: t(`financing.sources.${action.financingSource}`) })}
            </Text>
          ) : null}
        </Stack>
      </Paper>

      {commitments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('financing.action.none')}
        </Text>
      ) : (
        commitments.map((commitment) => <CommitmentCard key={commitment.id} commitment={commitment} canManage={manage} showAction={false} />)
      )}

      {manage && lines.length > 0 && !committing ? (
        <Stack gap={4}>
          <Group>
            <Button leftSection={<PlusIcon size={16} />} onClick={() => setCommitting(true)}>
              {t('financing.commit.button')}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {lines
              .filter((line) => line.category === 'action_financing')
              .map((line) => t('financing.action.lineAvailable', { label: line.label, funder: localName(i18n.language, line.funder), amount: format.amount(line.availableMad) }))
              .join(' · ')}
          </Text>
        </Stack>
      ) : null}
      {manage && lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('financing.action.noLines')}
        </Text>
      ) : null}
      {manage && committing ? (
        <CommitmentForm programmeId={programmeId} lines={lines} action={{ cooperativeId, actionId, suggestedAmountMad: leftToCommit }} onDone={() => setCommitting(false)} />
      ) : null}
    </Stack>
  );
}
