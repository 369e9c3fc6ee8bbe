import { Group, Select, Table, Text, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import type { PlanEdit, PlanResult, PlanTrainerView } from '../../core/training/plan.schema.js';
import { provinceName } from '../registry/territory-names.js';
import { useFormat } from '../shared/use-format.js';
import { ClashBadge, itemKey, type ClashLevel } from './plan-editor-clashes.js';
import { trainerOptions } from './plan-editor-groups.js';
import type { PlanNames } from './plan-editor.js';

const noTrainer = 'none';

/** The practical workshops after the training phase: read, or with their date and trainer edited. */
export function PlanWorkshops({
  workshops,
  names,
  levels,
  editor,
}: {
  workshops: PlanResult['workshops'];
  names: PlanNames;
  levels: ReadonlyMap<string, ClashLevel>;
  editor: { trainers: readonly PlanTrainerView[]; record: (edit: PlanEdit) => void } | null;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="plan-workshops">
      <Title order={2} size="h4" id="plan-workshops" mb="xs">
        {t('training.plan.workshops')}
      </Title>
      {workshops.length === 0 ? (
        <Text size="sm">{t('training.plan.noWorkshops')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={editor ? 640 : 420}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.plan.hub')}</Table.Th>
                <Table.Th>{t('training.plan.dates')}</Table.Th>
                <Table.Th>{t('training.plan.trainer')}</Table.Th>
                <Table.Th>{t('training.plan.cooperatives')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {workshops.map((workshop, workshopIndex) => {
                const label = { number: workshopIndex + 1, place: workshop.place };
                return (
                  <Table.Tr key={workshopIndex}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {provinceName(workshop.provinceCode, i18n.language)}
                        <ClashBadge level={levels.get(itemKey({ kind: 'workshop', workshopIndex }))} />
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {editor ? (
                        <DateInput
                          aria-label={t('planEditing.workshopDate', label)}
                          valueFormat="DD/MM/YYYY"
                          value={workshop.date}
                          onChange={(date) => date && editor.record({ type: 'set_workshop', workshopIndex, date, trainerId: workshop.trainerId })}
                          size="xs"
                          w={140}
                        />
                      ) : (
                        format.date(workshop.date)
                      )}
                    </Table.Td>
                    <Table.Td>
                      {editor ? (
                        <Select
                          aria-label={t('planEditing.workshopTrainer', label)}
                          data={[{ value: noTrainer, label: t('planEditing.noTrainer') }, ...trainerOptions(editor.trainers, workshop.trainerId, names)]}
                          value={workshop.trainerId ?? noTrainer}
                          onChange={(value) => value !== null && editor.record({ type: 'set_workshop', workshopIndex, date: workshop.date, trainerId: value === noTrainer ? null : value })}
                          allowDeselect={false}
                          size="xs"
                          w={200}
                        />
                      ) : (
                        names.trainer(workshop.trainerId)
                      )}
                    </Table.Td>
                    <Table.Td>{format.number(workshop.cooperativeIds.length)}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
