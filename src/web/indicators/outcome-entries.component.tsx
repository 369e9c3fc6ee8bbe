import { ActionIcon, Alert, Button, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { outcomeIndicators, outcomeInputSchema, type OutcomeIndicator, type OutcomeList } from '../../core/indicators/indicators.schema.js';
import { provinceName } from '../registry/territory-names.js';
import { isApiError } from '../shared/api-client.js';
import { DayInput } from '../shared/day-input.js';
import { TrashIcon } from '../shared/icons.js';
import { errorMessage } from '../shared/issue-messages.js';
import { useFormat } from '../shared/use-format.js';
import { useSchemaForm } from '../shared/use-schema-form.js';
import { useAddOutcome, useRemoveOutcome } from './indicators.api.js';

type FormValues = {
  cooperativeId: string | null;
  indicator: OutcomeIndicator;
  measuredOn: string | null;
  value: number | string;
  women: number | string;
  men: number | string;
};

const pageSize = 15;

const emptyForm = (cooperativeId: string | null = null, indicator: OutcomeIndicator = 'turnover'): FormValues => ({ cooperativeId, indicator, measuredOn: null, value: '', women: '', men: '' });
const numberOrNull = (value: number | string) => (value === '' ? null : Number(value));

function OutcomeForm({ programmeId, cooperatives }: { programmeId: string; cooperatives: OutcomeList['cooperatives'] }) {
  const { t, i18n } = useTranslation();
  const add = useAddOutcome(programmeId);
  const form = useSchemaForm<FormValues>(emptyForm());
  const [saved, setSaved] = useState(false);
  const nameOf = (row: { nameFr: string | null; nameAr: string | null }) => (i18n.language === 'ar' ? row.nameAr || row.nameFr : row.nameFr || row.nameAr) ?? '—';
  const bySex = form.values.indicator !== 'turnover';

  const onSubmit = () => {
    setSaved(false);
    const draft = {
      cooperativeId: form.values.cooperativeId ?? '',
      indicator: form.values.indicator,
      measuredOn: form.values.measuredOn ?? '',
      value: numberOrNull(form.values.value) ?? Number.NaN,
      women: bySex ? numberOrNull(form.values.women) : null,
      men: bySex ? numberOrNull(form.values.men) : null,
    };
    const input = form.validate(outcomeInputSchema, draft, (field) => {
      const value = form.values[field as keyof FormValues];
      return value === '' || value === null;
    });
    if (!input) return;
    add.mutate(input, {
      onSuccess: () => {
        setSaved(true);
        // The next figure is often the same cooperative's next indicator.
        form.setValues(emptyForm(input.cooperativeId, input.indicator));
      },
      onError: (error) => {
        if (isApiError(error, 'validation')) form.showServerIssues(error.issues);
      },
    });
  };

  return (
    <Stack component="form" gap="sm" onSubmit={(event) => (event.preventDefault(), onSubmit())}>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        <Select
          label={t('indicators.entries.cooperative')}
          data={cooperatives.map((row) => ({ value: row.id, label: `${nameOf(row)} · ${provinceName(row.provinceCode, i18n.language)}` }))}
          value={form.values.cooperativeId}
          onChange={(value) => form.setField('cooperativeId', value)}
          error={form.error('cooperativeId')}
          searchable
          required
        />
        <Select
          label={t('indicators.entries.indicator')}
          data={outcomeIndicators.map((value) => ({ value, label: t(`indicators.entries.kinds.${value}`) }))}
          value={form.values.indicator}
          onChange={(value) => value && form.setField('indicator', value as OutcomeIndicator)}
          allowDeselect={false}
          required
        />
        <DayInput label={t('indicators.entries.measuredOn')} value={form.values.measuredOn} onChange={(value) => form.setField('measuredOn', value)} error={form.error('measuredOn')} required />
        <NumberInput
          label={bySex ? t('indicators.entries.value') : t('indicators.entries.valueMad')}
          value={form.values.value}
          onChange={(value) => form.setField('value', value)}
          error={form.error('value')}
          min={0}
          allowDecimal={!bySex}
          thousandSeparator=" "
          required
        />
        {bySex ? (
          <>
            <NumberInput label={t('indicators.entries.women')} value={form.values.women} onChange={(value) => form.setField('women', value)} error={form.error('women')} min={0} allowDecimal={false} />
            <NumberInput label={t('indicators.entries.men')} value={form.values.men} onChange={(value) => form.setField('men', value)} error={form.error('men')} min={0} allowDecimal={false} />
          </>
        ) : null}
      </SimpleGrid>
      <Group gap="sm">
        <Button type="submit" loading={add.isPending}>
          {t('indicators.entries.add')}
        </Button>
        {saved ? (
          <Text size="sm" c="teal.8" role="status">
            {t('indicators.entries.added')}
          </Text>
        ) : null}
      </Group>
      {add.error && !isApiError(add.error, 'validation') ? (
        <Alert color="red" variant="light" role="alert">
          {isApiError(add.error, 'conflict') ? t('indicators.entries.exists') : errorMessage(t, add.error)}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** The outcome figures entered per cooperative: the form (for the team) and the figures, newest first. */
export function OutcomeEntries({ programmeId, list }: { programmeId: string; list: OutcomeList }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const remove = useRemoveOutcome(programmeId);
  const [shown, setShown] = useState<string | null>(null);
  const [showAll, setShowAll] = useState(false);
  const nameOf = (row: { cooperativeNameFr: string | null; cooperativeNameAr: string | null }) =>
    (i18n.language === 'ar' ? row.cooperativeNameAr || row.cooperativeNameFr : row.cooperativeNameFr || row.cooperativeNameAr) ?? '—';
  const matching = shown ? list.items.filter((item) => item.cooperativeId === shown) : list.items;
  // The latest figures first; the whole history on demand (a programme of 5,000 cooperatives has tens of thousands).
  const items = showAll ? matching : matching.slice(0, pageSize);

  return (
    <Stack gap="sm" component="section" aria-label={t('indicators.entries.title')}>
      <div>
        <Title order={2} size="h3">
          {t('indicators.entries.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {list.canEdit ? t('indicators.entries.intro') : t('indicators.entries.readOnly')}
        </Text>
      </div>
      {list.canEdit ? <OutcomeForm programmeId={programmeId} cooperatives={list.cooperatives} /> : null}
      {list.cooperatives.length > 1 ? (
        <Select
          label={t('indicators.entries.filterCooperative')}
          data={list.cooperatives.map((row) => ({ value: row.id, label: (i18n.language === 'ar' ? row.nameAr || row.nameFr : row.nameFr || row.nameAr) ?? '—' }))}
          value={shown}
          onChange={setShown}
          clearable
          searchable
          w={{ base: '100%', xs: 320 }}
        />
      ) : null}
      {remove.error ? (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(t, remove.error)}
        </Alert>
      ) : null}
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('indicators.entries.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={620} type="native">
          <Table striped withTableBorder verticalSpacing={6} fz="sm" data-testid="outcome-entries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('indicators.entries.measuredOn')}</Table.Th>
                <Table.Th>{t('indicators.entries.cooperative')}</Table.Th>
                <Table.Th>{t('indicators.entries.indicator')}</Table.Th>
                <Table.Th ta="end">{t('indicators.entries.value')}</Table.Th>
                <Table.Th ta="end">{t('indicators.entries.women')}</Table.Th>
                <Table.Th ta="end">{t('indicators.entries.men')}</Table.Th>
                {list.canEdit ? <Table.Th aria-label={t('indicators.entries.remove')} /> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.date(item.measuredOn)}</Table.Td>
                  <Table.Td dir="auto">{nameOf(item)}</Table.Td>
                  <Table.Td>{t(`indicators.entries.kinds.${item.indicator}`)}</Table.Td>
                  <Table.Td ta="end">{item.indicator === 'turnover' ? t('indicators.units.mad', { value: format.amount(item.value) }) : format.number(item.value)}</Table.Td>
                  <Table.Td ta="end">{format.number(item.women)}</Table.Td>
                  <Table.Td ta="end">{format.number(item.men)}</Table.Td>
                  {list.canEdit ? (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        onClick={() => remove.mutate(item.id)}
                        loading={remove.isPending && remove.variables === item.id}
                        aria-label={t('indicators.entries.removeLabel', { date: format.date(item.measuredOn), indicator: t(`indicators.entries.kinds.${item.indicator}`), name: nameOf(item) })}
                      >
                        <TrashIcon size={16} />
                      </ActionIcon>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {matching.length > items.length ? (
        <Button variant="subtle" onClick={() => setShowAll(true)} style={{ alignSelf: 'flex-start' }}>
          {t('indicators.entries.showAll', { count: matching.length })}
        </Button>
      ) : null}
    </Stack>
  );
}
