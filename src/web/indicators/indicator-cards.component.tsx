import { Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator, IndicatorFigures } from '../../core/indicators/indicators.schema.js';
import { intlLocale } from '../shared/i18n.js';

/** Indicators whose value is a change (after − before): shown with their sign. */
const changes = new Set<Indicator['key']>(['maturity_gain', 'turnover', 'jobs', 'members']);

/** Numbers of the indicators in the reader's language: counts, changes with their sign, rates as percentages, units where a bare number would not say what it counts. */
export function useIndicatorFormat() {
  const { t, i18n } = useTranslation();
  return useMemo(() => {
    const tag = intlLocale(i18n.language);
    const plain = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
    const signed = new Intl.NumberFormat(tag, { maximumFractionDigits: 1, signDisplay: 'exceptZero' });
    const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
    const number = (value: number | null | undefined) => (value === null || value === undefined ? '—' : plain.format(value));
    const rate = (value: number | null | undefined) => (value === null || value === undefined ? '—' : percent.format(value));
    /** The value of an indicator (or of a row of its breakdown), with its unit when it has one. */
    const value = (indicator: Pick<Indicator, 'key' | 'unit'>, figure: number | null | undefined, options: { signed?: boolean } = {}) => {
      if (figure === null || figure === undefined) return '—';
      // A sign kept before its number in Arabic too (an isolate: "+14", not "14+").
      const shown = (options.signed ?? changes.has(indicator.key)) ? `\u2066${signed.format(figure)}\u2069` : plain.format(figure);
      if (indicator.unit === 'hours' || indicator.unit === 'points' || indicator.unit === 'mad') return t(`indicators.units.${indicator.unit}`, { value: shown });
      return shown;
    };
    return { number, rate, value };
  }, [t, i18n.language]);
}

function Details({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const format = useIndicatorFormat();
  const lines: string[] = [];
  if (indicator.key === 'participants' && indicator.value) lines.push(t('indicators.details.sex', { women: format.number(indicator.women), men: format.number(indicator.men) }));
  if (indicator.key === 'actions_done' && indicator.overdue) lines.push(t('indicators.details.overdue', { overdue: format.number(indicator.overdue) }));
  if (indicator.key === 'maturity_gain') {
    if (indicator.cooperatives) {
      lines.push(t('indicators.details.compared', { count: indicator.cooperatives }));
      lines.push(t('indicators.details.levelGained', { levelGained: format.number(indicator.levelGained), rate: format.rate(indicator.rate) }));
    } else lines.push(t('indicators.details.needLaterDiagnostic'));
  }
  if (indicator.key === 'turnover' || indicator.key === 'jobs' || indicator.key === 'members') {
    if (indicator.cooperatives) {
      const plain = { key: indicator.key, unit: indicator.unit };
      lines.push(t('indicators.details.fromTo', { baseline: format.value(plain, indicator.baseline, { signed: false }), latest: format.value(plain, indicator.latest, { signed: false }) }));
      lines.push(t('indicators.details.cooperatives', { count: indicator.cooperatives }));
      if (indicator.women !== null && indicator.women !== undefined) {
        lines.push(t('indicators.details.sexChange', { women: format.value(plain, indicator.women, { signed: true }), men: format.value(plain, indicator.men, { signed: true }) }));
      }
    } else lines.push(t('indicators.details.needTwoFigures'));
  }
  if (lines.length === 0) return null;
  return (
    <Stack gap={2}>
      {lines.map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
    </Stack>
  );
}

/** How far along: the rate against what was planned, as a bar (the number is always written beside it). */
function RateBar({ figures, label }: { figures: IndicatorFigures; label: string }) {
  const format = useIndicatorFormat();
  if (figures.rate === null) return null;
  const percent = Math.max(0, Math.min(100, figures.rate * 100));
  return (
    <Group gap="xs" wrap="nowrap">
      <Progress value={percent} flex={1} size="md" color={figures.rate >= 0.8 ? 'teal' : figures.rate >= 0.5 ? 'yellow.7' : 'orange'} aria-label={label} />
      <Text size="sm" fw={600} miw={44} ta="end">
        {format.rate(figures.rate)}
      </Text>
    </Group>
  );
}

export function IndicatorCard({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const format = useIndicatorFormat();
  const name = t(`indicators.names.${indicator.key}`);
  const hasPlanned = indicator.planned !== null && indicator.key !== 'maturity_gain';
  return (
    <Card withBorder padding="md" radius="md" data-testid={`indicator-${indicator.key}`}>
      <Stack gap={6} h="100%">
        <Text size="sm" fw={600} c="dimmed">
          {name}
        </Text>
        <Group gap="xs" align="baseline" wrap="wrap">
          <Text fz={28} fw={700} lh={1.1}>
            {format.value(indicator, indicator.value)}
          </Text>
          {hasPlanned ? (
            <Text size="sm" c="dimmed">
              {t(`indicators.planned.${indicator.key}`, { planned: format.number(indicator.planned) })}
            </Text>
          ) : null}
        </Group>
        {hasPlanned ? <RateBar figures={indicator} label={name} /> : null}
        <Details indicator={indicator} />
        <Text size="xs" c="dimmed" mt="auto">
          {t(`indicators.help.${indicator.key}`)}
        </Text>
      </Stack>
    </Card>
  );
}

export function IndicatorSection({ title, intro, indicators }: { title: string; intro: string; indicators: Indicator[] }) {
  return (
    <Stack gap="sm" component="section" aria-label={title}>
      <div>
        <Title order={2} size="h3">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {intro}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm">
        {indicators.map((indicator) => (
          <IndicatorCard key={indicator.key} indicator={indicator} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
