import { Badge, Card, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanEdit, PlanResult, PlanTrainerView } from '../../core/training/plan.schema.js';
import { provinceName } from '../registry/territory-names.js';
import { useFormat } from '../shared/use-format.js';
import { ClashBadge, itemKey, type ClashLevel } from './plan-editor-clashes.js';
import type { PlanNames } from './plan-editor.js';

type PlannedModule = PlanResult['modules'][number];
type PlannedGroup = PlannedModule['groups'][number];

interface ModuleGroupsProps {
  module: PlannedModule;
  names: PlanNames;
  levels: ReadonlyMap<string, ClashLevel>;
  /** Given when the reader edits the plan: the trainers to choose from, and where edits go. */
  editor: { trainers: readonly PlanTrainerView[]; record: (edit: PlanEdit) => void } | null;
}

/** A module's groups: read, or edited (trainer, place, session dates, and which cooperative is in which group). */
export function ModuleGroups({ module, names, levels, editor }: ModuleGroupsProps) {
  return (
    <Card withBorder padding="sm">
      <Text fw={600} mb="xs">
        {names.module(module.moduleId)}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {module.groups.map((group) => {
          const level = levels.get(itemKey({ kind: 'group', moduleId: module.moduleId, groupNumber: group.number }));
          return editor ? (
            <EditableGroup key={group.number} module={module} group={group} names={names} level={level} editor={editor} />
          ) : (
            <ReadOnlyGroup key={group.number} group={group} names={names} level={level} />
          );
        })}
      </SimpleGrid>
    </Card>
  );
}

function GroupHeader({ group, level }: { group: PlannedGroup; level: ClashLevel | undefined }) {
  const { t, i18n } = useTranslation();
  return (
    <Group justify="space-between" gap="xs" mb={4} wrap="wrap">
      <Group gap="xs">
        <Text fw={600} size="sm" component="h3" m={0}>
          {t('training.plan.group', { number: group.number })}
        </Text>
        <ClashBadge level={level} />
      </Group>
      <Badge variant="light">{provinceName(group.hubProvinceCode, i18n.language)}</Badge>
    </Group>
  );
}

const groupBackground = (level: ClashLevel | undefined) =>
  level === 'blocking' ? 'var(--mantine-color-red-0)' : level === 'warning' ? 'var(--mantine-color-orange-0)' : 'var(--mantine-color-gray-0)';

function ReadOnlyGroup({ group, names, level }: { group: PlannedGroup; names: PlanNames; level: ClashLevel | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper withBorder p="sm" bg={groupBackground(level)}>
      <GroupHeader group={group} level={level} />
      <Text size="sm">
        <b>{t('training.plan.trainer')} :</b> {names.trainer(group.trainerId)}
      </Text>
      <Text size="sm">
        <b>{t('training.plan.hub')} :</b> {group.place}
      </Text>
      <Text size="sm">
        <b>{t('training.plan.dates')} :</b> {format.list(group.sessions.map((session) => format.date(session.date)))}
      </Text>
      <Text size="sm">
        <b>
          {t('training.plan.cooperatives')} ({group.cooperativeIds.length}) :
        </b>{' '}
        {format.list(group.cooperativeIds.map(names.cooperative))}
      </Text>
    </Paper>
  );
}

/** The trainers to choose from, with the one named now even if no longer on the team. */
export function trainerOptions(trainers: readonly PlanTrainerView[], current: string | null, names: PlanNames) {
  const options = trainers.map((trainer) => ({ value: trainer.userId, label: trainer.displayName }));
  if (current && !options.some((option) => option.value === current)) options.unshift({ value: current, label: names.trainer(current) });
  return options;
}

function EditableGroup({ module, group, names, level, editor }: { module: PlannedModule; group: PlannedGroup; names: PlanNames; level: ClashLevel | undefined; editor: NonNullable<ModuleGroupsProps['editor']> }) {
  const { t } = useTranslation();
  const { moduleId } = module;
  const others = module.groups.filter((other) => other.number !== group.number);
  const moveOptions = others.map((other) => ({ value: String(other.number), label: t('planEditing.groupOption', { number: other.number, place: other.place, count: other.cooperativeIds.length }) }));
  return (
    <Paper withBorder p="sm" bg={groupBackground(level)} component="section" aria-label={`${names.module(moduleId)} — ${t('training.plan.group', { number: group.number })}`}>
      <GroupHeader group={group} level={level} />
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
          <Select
            label={t('planEditing.trainer')}
            data={trainerOptions(editor.trainers, group.trainerId, names)}
            value={group.trainerId}
            onChange={(trainerId) => trainerId && editor.record({ type: 'set_trainer', moduleId, groupNumber: group.number, trainerId })}
            allowDeselect={false}
            searchable
          />
          <PlaceInput place={group.place} onChange={(place) => editor.record({ type: 'set_place', moduleId, groupNumber: group.number, place })} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 2, xs: 3 }} spacing="xs">
          {group.sessions.map((session, sessionIndex) => (
            <DateInput
              key={sessionIndex}
              label={t('planEditing.sessionDate', { number: sessionIndex + 1 })}
              valueFormat="DD/MM/YYYY"
              value={session.date}
              onChange={(date) => date && editor.record({ type: 'set_session_date', moduleId, groupNumber: group.number, sessionIndex, date })}
            />
          ))}
        </SimpleGrid>
        <div>
          <Text size="sm" fw={600} mb={4}>
            {t('training.plan.cooperatives')} ({group.cooperativeIds.length})
          </Text>
          <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {group.cooperativeIds.map((cooperativeId) => {
              const name = names.cooperative(cooperativeId);
              return (
                <Group key={cooperativeId} component="li" justify="space-between" gap="xs" wrap="wrap">
                  <Text size="sm" style={{ flex: '1 1 10rem', minWidth: 0 }}>
                    {name}
                  </Text>
                  {others.length > 0 ? (
                    <Select
                      aria-label={t('planEditing.moveLabel', { name })}
                      placeholder={t('planEditing.movePlaceholder')}
                      data={moveOptions}
                      value={null}
                      onChange={(number) => number && editor.record({ type: 'move_cooperative', moduleId, cooperativeId, toGroupNumber: Number(number) })}
                      size="xs"
                      w={{ base: '100%', xs: 230 }}
                      comboboxProps={{ width: 280, position: 'bottom-end' }}
                    />
                  ) : null}
                </Group>
              );
            })}
          </Stack>
        </div>
      </Stack>
    </Paper>
  );
}

/** The place, recorded when the field is left with something in it. */
function PlaceInput({ place, onChange }: { place: string; onChange: (place: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(place);
  const [shown, setShown] = useState(place);
  // A place changed elsewhere (discarded, saved, reloaded) replaces what is typed.
  if (shown !== place) {
    setShown(place);
    setText(place);
  }
  const commit = () => {
    const value = text.trim();
    if (value === '') setText(place);
    else if (value !== place) onChange(value);
  };
  return (
    <TextInput
      label={t('planEditing.place')}
      value={text}
      maxLength={200}
      onChange={(event) => setText(event.currentTarget.value)}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        }
      }}
    />
  );
}
