import { Badge, Group, List, Paper, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { PlanClash, PlanItemRef, PlanResult } from '../../core/training/plan.schema.js';
import { useFormat, type Formatters } from '../shared/use-format.js';
import type { PlanNames } from './plan-editor.js';

export type ClashLevel = 'blocking' | 'warning';

const groupKey = (moduleId: string, groupNumber: number) => `${moduleId}:${groupNumber}`;
const workshopKey = (workshopIndex: number) => `workshop:${workshopIndex}`;
export const itemKey = (item: PlanItemRef) => (item.kind === 'group' ? groupKey(item.moduleId, item.groupNumber) : workshopKey(item.workshopIndex));

/** The worst clash each item of the plan is part of, by item key. */
export function clashLevels(clashes: readonly PlanClash[]): Map<string, ClashLevel> {
  const levels = new Map<string, ClashLevel>();
  for (const clash of clashes)
    for (const item of clash.items) {
      const key = itemKey(item);
      if (clash.blocking || !levels.has(key)) levels.set(key, clash.blocking ? 'blocking' : 'warning');
    }
  return levels;
}

/** The badge marking a group or a workshop caught in a clash. */
export function ClashBadge({ level, inline = false }: { level: ClashLevel | undefined; inline?: boolean }) {
  const { t } = useTranslation();
  if (!level) return null;
  return (
    <Badge color={level === 'blocking' ? 'red' : 'orange'} variant="filled" size="sm" style={inline ? { verticalAlign: 'text-bottom' } : { flexShrink: 0 }} component="span">
      {t(level === 'blocking' ? 'planEditing.blocking' : 'planEditing.warning')}
    </Badge>
  );
}

interface Describe {
  t: TFunction;
  format: Formatters;
  names: PlanNames;
  result: PlanResult;
  phase: { start: string; end: string } | null;
}

function itemText({ t, format, names, result }: Describe, item: PlanItemRef): string {
  if (item.kind === 'group') return t('planEditing.groupItem', { number: item.groupNumber, module: names.moduleTitle(item.moduleId) });
  const workshop = result.workshops[item.workshopIndex];
  return t('planEditing.workshopItem', { place: workshop?.place ?? '', date: format.date(workshop?.date) });
}

/** A clash as a sentence naming the people, cooperatives, groups and dates. */
export function describeClash(context: Describe, clash: PlanClash): string {
  const { t, format, names, phase } = context;
  const items = format.list(clash.items.map((item) => itemText(context, item)));
  const date = format.date(clash.date);
  switch (clash.kind) {
    case 'trainer_double_booked':
    case 'trainer_unavailable':
      return t(`planEditing.clash.${clash.kind}`, { trainer: names.trainer(clash.trainerId), date, items });
    case 'cooperative_double_booked':
      return t('planEditing.clash.cooperative_double_booked', { cooperative: names.cooperative(clash.cooperativeId ?? ''), date, items });
    case 'outside_training_phase':
      return phase
        ? t('planEditing.clash.outside_training_phase', { items, date, start: format.date(phase.start), end: format.date(phase.end) })
        : t('planEditing.clash.outside_training_phase_unknown', { items, date });
    case 'group_too_small':
    case 'group_too_large':
      return t(`planEditing.clash.${clash.kind}`, { items, count: clash.size ?? 0, bound: clash.bound ?? 0 });
  }
}

interface ClashRow {
  key: string;
  blocking: boolean;
  text: string;
}

/**
 * The clashes as the panel words them, blocking ones first. Cooperatives
 * expected at the same sessions on the same day share one sentence: moving
 * one group's date solves them together.
 */
function clashRows(context: Describe, clashes: readonly PlanClash[]): ClashRow[] {
  const { t, format, names } = context;
  const together = new Map<string, PlanClash[]>();
  for (const clash of clashes) {
    if (clash.kind !== 'cooperative_double_booked') continue;
    const key = `${clash.date}|${clash.items.map(itemKey).join(',')}`;
    const list = together.get(key);
    if (list) list.push(clash);
    else together.set(key, [clash]);
  }
  const rows: ClashRow[] = [];
  clashes.forEach((clash, index) => {
    if (clash.kind !== 'cooperative_double_booked') {
      rows.push({ key: String(index), blocking: clash.blocking, text: describeClash(context, clash) });
      return;
    }
    const key = `${clash.date}|${clash.items.map(itemKey).join(',')}`;
    const shared = together.get(key);
    if (!shared || shared[0] !== clash) return;
    if (shared.length === 1) {
      rows.push({ key, blocking: true, text: describeClash(context, clash) });
      return;
    }
    const items = format.list(clash.items.map((item) => itemText(context, item)));
    const cooperatives = format.list(shared.map((entry) => names.cooperative(entry.cooperativeId ?? '')));
    rows.push({ key, blocking: true, text: t('planEditing.clash.cooperatives_double_booked', { count: shared.length, date: format.date(clash.date), items, cooperatives }) });
  });
  return [...rows.filter((row) => row.blocking), ...rows.filter((row) => !row.blocking)];
}

/** Every clash of the plan as it is being edited, blocking ones first. */
export function ClashPanel({ clashes, result, names, phase }: { clashes: readonly PlanClash[]; result: PlanResult; names: PlanNames; phase: { start: string; end: string } | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = clashRows({ t, format, names, result, phase }, clashes);
  const blocking = clashes.filter((clash) => clash.blocking).length;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plan-clashes" style={{ borderColor: blocking > 0 ? 'var(--mantine-color-red-4)' : undefined }}>
      <Group gap="xs" mb="xs">
        <Title order={2} size="h4" id="plan-clashes">
          {t('planEditing.clashesTitle')}
        </Title>
        {clashes.length > 0 ? (
          <Badge color={blocking > 0 ? 'red' : 'orange'} variant="light">
            {t('planEditing.clashCount', { count: clashes.length })}
          </Badge>
        ) : null}
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="green.8">
          {t('planEditing.noClashes')}
        </Text>
      ) : (
        <List spacing={6} size="sm" listStyleType="none" mah={420} style={{ overflowY: 'auto' }} tabIndex={0} aria-labelledby="plan-clashes">
          {rows.map((row) => (
            <List.Item key={row.key}>
              <Text size="sm">
                <ClashBadge level={row.blocking ? 'blocking' : 'warning'} inline /> {row.text}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}
