import { Box, Group, Stack, Text, Tooltip } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionPlanView } from '../../core/action-plans/action-plan.schema.js';
import { layoutTimeline } from '../../core/action-plans/timeline.js';
import { intlLocale } from '../shared/i18n.js';
import { useFormat } from '../shared/use-format.js';
import { actionStatusColors } from './action-plan-words.js';

const percent = (share: number) => `${(share * 100).toFixed(3)}%`;

/**
 * The plan's actions on the accompaniment's time axis: one bar per action,
 * filled to its progress, with the agreed due date marked when it moved and
 * today's line. In Arabic time runs from right to left, as the page reads.
 */
export function PlanTimeline({ plan }: { plan: ActionPlanView }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const timeline = useMemo(() => layoutTimeline(plan.actions, plan.calendar, plan.today), [plan.actions, plan.calendar, plan.today]);
  const month = useMemo(() => new Intl.DateTimeFormat(intlLocale(i18n.language), { month: 'short', year: '2-digit', timeZone: 'UTC' }), [i18n.language]);
  if (timeline.rows.length === 0) return <Text c="dimmed">{t('actionPlans.timeline.empty')}</Text>;
  const today = timeline.today;
  return (
    <Stack gap="xs" data-testid="plan-timeline">
      <Text size="sm" c="dimmed">
        {t('actionPlans.timeline.range', { from: format.date(timeline.from), to: format.date(timeline.to) })}
      </Text>
      <Box pos="relative" h={22} style={{ borderBottom: '1px solid var(--mantine-color-gray-4)', overflow: 'hidden' }} aria-hidden="true">
        {timeline.ticks.map((tick, index) => (
          <Text
            key={tick.date}
            size="xs"
            c="dimmed"
            pos="absolute"
            style={{ insetInlineStart: percent(tick.offset), top: 0, whiteSpace: 'nowrap', display: (index % 2 === 1 && timeline.ticks.length > 8) || tick.offset > 0.94 ? 'none' : undefined }}
          >
            {month.format(new Date(`${tick.date}T00:00:00Z`))}
          </Text>
        ))}
      </Box>
      <Box pos="relative">
        {today !== null ? (
          <Box
            pos="absolute"
            top={0}
            bottom={0}
            w={2}
            bg="red.6"
            style={{ insetInlineStart: percent(today), zIndex: 1 }}
            aria-label={t('actionPlans.timeline.today', { date: format.date(plan.today) })}
            role="img"
          />
        ) : null}
        <Stack gap={10} component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {timeline.rows.map((row) => {
            const color = row.isOverdue ? 'orange' : actionStatusColors[row.status];
            const action = plan.actions.find((entry) => entry.id === row.id)!;
            const label = t('actionPlans.timeline.bar', {
              title: row.title,
              from: format.date(action.startsOn),
              to: format.date(action.dueOn),
              status: t(`actionPlans.actionStatuses.${row.status}`),
              progress: row.progress,
            });
            return (
              <li key={row.id}>
                <Text size="xs" truncate fw={500} title={row.title}>
                  {row.title}
                </Text>
                <Box pos="relative" h={14} bg="gray.1" style={{ borderRadius: 4 }}>
                  <Tooltip label={label} multiline maw={320} withArrow>
                    <Box
                      pos="absolute"
                      top={0}
                      h={14}
                      bg={`${color}.2`}
                      style={{ insetInlineStart: percent(row.start), width: percent(Math.max(row.width, 0.004)), borderRadius: 4, overflow: 'hidden', border: `1px solid var(--mantine-color-${color}-6)` }}
                      role="img"
                      aria-label={label}
                      tabIndex={0}
                    >
                      <Box h="100%" bg={`${color}.6`} style={{ width: `${row.progress}%` }} />
                    </Box>
                  </Tooltip>
                  {row.agreedEnd !== null ? (
                    <Box
                      pos="absolute"
                      top={-3}
                      h={20}
                      w={2}
                      bg="dark.4"
                      style={{ insetInlineStart: percent(row.agreedEnd) }}
                      title={t((row.driftDays ?? 0) > 0 ? 'actionPlans.driftLater' : 'actionPlans.driftEarlier', { count: Math.abs(row.driftDays ?? 0) })}
                    />
                  ) : null}
                </Box>
              </li>
            );
          })}
        </Stack>
      </Box>
      <Group gap="md" wrap="wrap" mt="xs">
        {(['planned', 'in_progress', 'done', 'blocked'] as const).map((status) => (
          <Group key={status} gap={6} wrap="nowrap">
            <Box w={12} h={12} bg={`${actionStatusColors[status]}.6`} style={{ borderRadius: 2 }} />
            <Text size="xs">{t(`actionPlans.actionStatuses.${status}`)}</Text>
          </Group>
        ))}
        <Group gap={6} wrap="nowrap">
          <Box w={12} h={12} bg="orange.6" style={{ borderRadius: 2 }} />
          <Text size="xs">{t('actionPlans.overdueBadge')}</Text>
        </Group>
        <Group gap={6} wrap="nowrap">
          <Box w={2} h={14} bg="dark.4" />
          <Text size="xs">{t('actionPlans.timeline.agreedMark')}</Text>
        </Group>
        <Group gap={6} wrap="nowrap">
          <Box w={2} h={14} bg="red.6" />
          <Text size="xs">{t('actionPlans.timeline.todayMark')}</Text>
        </Group>
      </Group>
    </Stack>
  );
}
