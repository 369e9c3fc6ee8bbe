import { Accordion, Badge, Group, Table, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanLabels, PlanResult } from '../../core/training/plan.schema.js';
import { useFormat } from '../shared/use-format.js';
import { domainLabel, needLabel } from './catalogue.api.js';
import type { PlanNames } from './plan-editor.js';

type CoverageEntry = PlanResult['coverage'][number];

function needText(key: string, language: string): string {
  const [domainKey, questionKey] = key.split('.');
  return questionKey ? needLabel(questionKey, language) : domainLabel(domainKey ?? key, language);
}

/** What answers each need, one collapsed row per cooperative (a programme has hundreds of needs). */
export function PlanCoverage({ coverage, labels, names }: { coverage: PlanResult['coverage']; labels: PlanLabels; names: PlanNames }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const language = i18n.language;
  const byCooperative = useMemo(() => {
    const groups = new Map<string, CoverageEntry[]>();
    for (const entry of coverage) {
      const list = groups.get(entry.cooperativeId);
      if (list) list.push(entry);
      else groups.set(entry.cooperativeId, [entry]);
    }
    return [...groups].sort(([a], [b]) => names.cooperative(a).localeCompare(names.cooperative(b), language));
  }, [coverage, names, language]);
  const unansweredTotal = coverage.filter((entry) => entry.status === 'unanswered').length;

  const status = (entry: CoverageEntry) => {
    if (entry.status === 'unanswered')
      return (
        <Badge color="red" variant="light">
          {t(`training.plan.reasons.${entry.reason}`)}
        </Badge>
      );
    const code = labels.modules[entry.moduleId]?.code ?? '';
    return (
      <Badge color={entry.status === 'group' ? 'green' : 'blue'} variant="light">
        {entry.status === 'group' ? `${t('training.plan.coverageStatus.group')} · ${code} #${entry.groupNumber}` : `${t('training.plan.coverageStatus.coaching')} · ${code}`}
      </Badge>
    );
  };

  return (
    <section aria-labelledby="plan-coverage">
      <Title order={2} size="h4" id="plan-coverage" mb="xs">
        {t('training.plan.coverage')}
      </Title>
      <Text size="sm" mb={4}>
        {t('training.plan.answeredByGroups')} / {t('training.plan.answeredByCoaching')} : {format.number(coverage.length - unansweredTotal)} · {t('training.plan.unanswered')} : {format.number(unansweredTotal)}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('planEditing.coverageHint')}
      </Text>
      <Accordion variant="contained" multiple chevronPosition="left">
        {byCooperative.map(([cooperativeId, entries]) => {
          const unanswered = entries.filter((entry) => entry.status === 'unanswered').length;
          return (
            <Accordion.Item key={cooperativeId} value={cooperativeId}>
              <Accordion.Control>
                <Group justify="space-between" gap="xs" wrap="wrap">
                  <Text size="sm" fw={600}>
                    {names.cooperative(cooperativeId)}
                  </Text>
                  <Group gap={6}>
                    <Badge variant="light" color="gray">
                      {t('planEditing.needsCount', { count: entries.length })}
                    </Badge>
                    <Badge variant="light" color={unanswered > 0 ? 'red' : 'green'}>
                      {t('planEditing.unansweredCount', { count: unanswered })}
                    </Badge>
                  </Group>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Table.ScrollContainer minWidth={420}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('training.plan.need')}</Table.Th>
                        <Table.Th>{t('training.plan.priority')}</Table.Th>
                        <Table.Th>{t('training.plan.status')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {entries.map((entry) => (
                        <Table.Tr key={entry.needKey}>
                          <Table.Td>{needText(entry.needKey, language)}</Table.Td>
                          <Table.Td>{format.number(Math.round(entry.priority * 10) / 10)}</Table.Td>
                          <Table.Td>{status(entry)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Accordion.Panel>
            </Accordion.Item>
          );
        })}
      </Accordion>
    </section>
  );
}
