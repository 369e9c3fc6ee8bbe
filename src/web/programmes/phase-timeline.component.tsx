import { Box, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { positionInRange } from '../../core/programmes/calendar.js';
import type { Programme } from '../../core/programmes/programme.schema.js';
import { useFormat } from '../shared/use-format.js';

const phaseColors: Record<string, string> = {
  diagnostic: 'var(--mantine-color-blue-6)',
  training: 'var(--mantine-color-violet-6)',
  accompaniment: 'var(--mantine-color-teal-6)',
  follow_up: 'var(--mantine-color-orange-6)',
  closing: 'var(--mantine-color-gray-6)',
};

/**
 * The phases as horizontal bars on one time axis, today marked. Positions
 * use logical insets (inline-start), so the axis runs right to left in
 * Arabic; each bar's dates are written beside its name, so that the chart
 * reads on a phone and to a screen reader as a list.
 */
export function PhaseTimeline({ programme }: { programme: Pick<Programme, 'phases' | 'startDate' | 'endDate'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const phases = programme.phases;
  if (phases.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('programmes.timeline.empty')}
      </Text>
    );
  }
  const from = [programme.startDate, ...phases.map((phase) => phase.startsOn)].filter((date): date is string => Boolean(date)).sort()[0]!;
  const to = [programme.endDate, ...phases.map((phase) => phase.endsOn)].filter((date): date is string => Boolean(date)).sort().at(-1)!;
  const today = new Date().toISOString().slice(0, 10);
  const showToday = today >= from && today <= to;
  const todayAt = positionInRange(today, from, to) * 100;

  return (
    <Stack gap={6} role="list" aria-label={t('programmes.timeline.label')} data-testid="phase-timeline">
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {format.date(from)}
        </Text>
        <Text size="xs" c="dimmed">
          {format.date(to)}
        </Text>
      </Group>
      <Box pos="relative">
        {showToday ? (
          <Box
            aria-hidden
            pos="absolute"
            top={0}
            bottom={0}
            style={{ insetInlineStart: `${todayAt}%`, borderInlineStart: '2px dashed var(--mantine-color-red-6)', zIndex: 1 }}
          />
        ) : null}
        <Stack gap={8}>
          {phases.map((phase) => {
            const start = positionInRange(phase.startsOn, from, to) * 100;
            const end = positionInRange(phase.endsOn, from, to) * 100;
            const name = phase.label ?? t(`programmes.phaseKinds.${phase.kind}`);
            return (
              <Box key={phase.id} role="listitem">
                <Text size="sm" fw={500}>
                  {name}{' '}
                  <Text span size="xs" c="dimmed" fw={400}>
                    {format.date(phase.startsOn)} – {format.date(phase.endsOn)}
                  </Text>
                </Text>
                <Box pos="relative" h={14} bg="var(--mantine-color-gray-1)" style={{ borderRadius: 4 }} aria-hidden>
                  <Box
                    pos="absolute"
                    top={0}
                    bottom={0}
                    style={{
                      insetInlineStart: `${start}%`,
                      width: `${Math.max(1.5, end - start)}%`,
                      background: phaseColors[phase.kind],
                      borderRadius: 4,
                    }}
                    title={t('programmes.timeline.phaseDates', { name, from: format.date(phase.startsOn), to: format.date(phase.endsOn) })}
                  />
                </Box>
              </Box>
            );
          })}
        </Stack>
      </Box>
      {showToday ? (
        <Text size="xs" c="red.7" style={{ paddingInlineStart: `${todayAt}%` }}>
          <span aria-hidden>▲ </span>
          {t('programmes.timeline.today')} ({format.date(today)})
        </Text>
      ) : null}
    </Stack>
  );
}
