import { Button, Group, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Constraint } from '../../core/diagnostics/needs.schema.js';
import { ErrorState, LoadingState, NothingHere } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { useConstraints } from './programme-needs.api.js';

const shownQuestions = 12;

function ConstraintRow({ rank, entry, maxPriority }: { rank: number; entry: Constraint; maxPriority: number }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const percent = new Intl.NumberFormat(i18n.language === 'ar' ? 'ar-MA-u-nu-latn' : i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const label = entry.questionLabel ?? entry.domainLabel;
  return (
    <Stack gap={4} component="li" style={{ listStyle: 'none' }}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text size="sm" fw={500} style={{ minWidth: 0 }}>
          <Text span c="dimmed" size="xs" me={6}>
            {format.number(rank)}.
          </Text>
          {label}
        </Text>
        <Text size="xs" fw={600} style={{ whiteSpace: 'nowrap' }}>
          {t('needs.constraints.priority', { priority: format.number(Math.round(entry.priority)) })}
        </Text>
      </Group>
      {entry.questionLabel ? (
        <Text size="xs" c="dimmed">
          {entry.domainLabel}
        </Text>
      ) : null}
      <Progress value={maxPriority > 0 ? (100 * entry.priority) / maxPriority : 0} color="#D55E00" size="md" radius="sm" aria-hidden />
      <Group gap="md" wrap="wrap">
        <Text size="xs">{t('needs.constraints.share', { count: entry.count, share: percent.format(entry.share) })}</Text>
        <Text size="xs" c="dimmed">
          {t('needs.constraints.meanGap', { gap: format.number(entry.meanGap) })}
        </Text>
      </Group>
    </Stack>
  );
}

function RankedList({ title, entries, limit }: { title: string; entries: Constraint[]; limit?: number }) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const shown = limit && !showAll ? entries.slice(0, limit) : entries;
  const maxPriority = entries[0]?.priority ?? 0;
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="md">
        <Title order={2} size="h4">
          {title}
        </Title>
        <Stack gap="md" component="ol" p={0} m={0}>
          {shown.map((entry, index) => (
            <ConstraintRow key={`${entry.kind}:${entry.questionKey ?? entry.domainKey}`} rank={index + 1} entry={entry} maxPriority={maxPriority} />
          ))}
        </Stack>
        {limit && entries.length > limit ? (
          <Button variant="subtle" size="xs" onClick={() => setShowAll((value) => !value)} style={{ alignSelf: 'flex-start' }}>
            {showAll ? t('needs.constraints.showFewer') : t('needs.constraints.showAll', { count: entries.length })}
          </Button>
        ) : null}
      </Stack>
    </Paper>
  );
}

export function NeedsConstraints({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const constraints = useConstraints(programmeId);
  if (constraints.isPending) return <LoadingState />;
  if (constraints.isError) return <ErrorState error={constraints.error} onRetry={() => void constraints.refetch()} />;
  const data = constraints.data;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('needs.constraints.intro')} {t('needs.constraints.diagnosed', { count: data.cooperatives })}
      </Text>
      {data.domains.length === 0 && data.questions.length === 0 ? (
        <NothingHere title={t('needs.constraints.empty')} />
      ) : (
        <>
          <RankedList title={t('needs.constraints.domains')} entries={data.domains} />
          <RankedList title={t('needs.constraints.questions')} entries={data.questions} limit={shownQuestions} />
        </>
      )}
    </Stack>
  );
}
