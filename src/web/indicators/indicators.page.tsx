import { Alert, Anchor, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { breakdownDimensions, indicatorKeys, type BreakdownDimension, type Indicator } from '../../core/indicators/indicators.schema.js';
import { sectorCodes } from '../../core/registry/sectors.js';
import { provinces } from '../../core/territories/territories.js';
import { useProgramme } from '../programmes/programmes.api.js';
import { provinceName } from '../registry/territory-names.js';
import { isApiError } from '../shared/api-client.js';
import { ArrowStartIcon } from '../shared/icons.js';
import { ErrorState, LoadingState } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { IndicatorBreakdown } from './indicator-breakdown.component.js';
import { IndicatorSection } from './indicator-cards.component.js';
import { useIndicators, useOutcomes } from './indicators.api.js';
import { OutcomeEntries } from './outcome-entries.component.js';

/**
 * /programmes/:programmeId/indicators — the programme's outputs and outcomes
 * as cards (value, what was planned, rate), a breakdown by province, sector
 * or sex with a chart, a table and a CSV export, and the outcome figures
 * entered per cooperative. Filters and the breakdown live in the URL.
 */
export default function IndicatorsPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { programmeId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const programme = useProgramme(programmeId);

  const byParam = searchParams.get('by');
  const by: BreakdownDimension = (breakdownDimensions as readonly string[]).includes(byParam ?? '') ? (byParam as BreakdownDimension) : 'province';
  const indicatorParam = searchParams.get('indicator');
  const indicatorKey: Indicator['key'] = (indicatorKeys as readonly string[]).includes(indicatorParam ?? '') ? (indicatorParam as Indicator['key']) : 'cooperatives_diagnosed';
  const province = searchParams.get('province') || undefined;
  const sector = searchParams.get('sector') || undefined;
  const query = useMemo(() => ({ by, ...(province ? { province } : {}), ...(sector ? { sector } : {}) }), [by, province, sector]);
  const report = useIndicators(programmeId, query);
  const outcomes = useOutcomes(programmeId);

  const update = useCallback(
    (changes: Record<string, string | null>) =>
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null || value === '') next.delete(key);
            else next.set(key, value);
          }
          return next;
        },
        { replace: true },
      ),
    [setSearchParams],
  );

  // The programme's territory when it names one, otherwise every province.
  const provinceOptions = useMemo(() => {
    const data = programme.data;
    const inTerritory = provinces.filter(
      (entry) => !data || (data.provinceCodes.length === 0 && data.regionCodes.length === 0) || data.provinceCodes.includes(entry.code) || (data.provinceCodes.length === 0 && data.regionCodes.includes(entry.regionCode)),
    );
    const collator = new Intl.Collator(i18n.language === 'ar' ? 'ar' : 'fr');
    return inTerritory.map((entry) => ({ value: entry.code, label: provinceName(entry.code, i18n.language) })).sort((a, b) => collator.compare(a.label, b.label));
  }, [programme.data, i18n.language]);

  const programmeName = programme.data ? (i18n.language === 'ar' ? programme.data.nameAr : i18n.language === 'en' ? programme.data.nameEn : null) || programme.data.nameFr : null;
  const refused = isApiError(report.error, 'forbidden');

  return (
    <Stack gap="lg">
      <Group gap="xs">
        <Anchor component={Link} to={`/programmes/${programmeId}`} size="sm">
          <Group gap={4} wrap="nowrap">
            <ArrowStartIcon size={14} />
            {t('indicators.backToProgramme')}
          </Group>
        </Anchor>
      </Group>
      <div>
        <Title order={1} size="h2">
          {t('indicators.title')}
        </Title>
        {programmeName ? (
          <Text c="dimmed" dir="auto">
            {programmeName}
          </Text>
        ) : null}
      </div>

      {refused ? (
        <Alert color="gray" variant="light">
          {t('indicators.notAllowed')}
        </Alert>
      ) : (
        <>
          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label={t('indicators.filters.province')}
              placeholder={t('indicators.filters.allProvinces')}
              data={provinceOptions}
              value={province ?? null}
              onChange={(value) => update({ province: value })}
              clearable
              searchable
              w={{ base: '100%', xs: 240 }}
            />
            <Select
              label={t('indicators.filters.sector')}
              placeholder={t('indicators.filters.allSectors')}
              data={sectorCodes.map((code) => ({ value: code, label: t(`sectors.${code}`) }))}
              value={sector ?? null}
              onChange={(value) => update({ sector: value })}
              clearable
              w={{ base: '100%', xs: 240 }}
            />
          </Group>
          {report.isPending ? (
            <LoadingState />
          ) : report.isError ? (
            <ErrorState error={report.error} onRetry={() => void report.refetch()} />
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {t('indicators.asOf', { date: format.date(report.data.today) })}
                {province || sector ? ` ${t('indicators.filters.filtered')}` : ''}
              </Text>
              <IndicatorSection title={t('indicators.outputs')} intro={t('indicators.outputsIntro')} indicators={report.data.indicators.filter((entry) => entry.family === 'output')} />
              <IndicatorSection title={t('indicators.outcomes')} intro={t('indicators.outcomesIntro')} indicators={report.data.indicators.filter((entry) => entry.family === 'outcome')} />
              <IndicatorBreakdown report={report.data} by={by} indicatorKey={indicatorKey} onBy={(value) => update({ by: value })} onIndicator={(key) => update({ indicator: key })} />
            </>
          )}
        </>
      )}

      {/* Funders read the aggregates only: the figures per cooperative are not shown to them. */}
      {outcomes.isPending ? null : outcomes.isError ? (
        isApiError(outcomes.error, 'forbidden', 'not_found') ? null : (
          <ErrorState error={outcomes.error} onRetry={() => void outcomes.refetch()} />
        )
      ) : (
        <OutcomeEntries programmeId={programmeId} list={outcomes.data} />
      )}
    </Stack>
  );
}
