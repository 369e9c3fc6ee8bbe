import { Anchor, Group, Stack, Tabs, Title } from '@mantine/core';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { heatmapQuerySchema } from '../../core/diagnostics/needs.schema.js';
import { ArrowStartIcon } from '../shared/icons.js';
import { NeedsComparison } from './programme-needs-comparison.js';
import { NeedsConstraints } from './programme-needs-constraints.js';
import { NeedsHeatmap, type HeatmapFilters } from './programme-needs-heatmap.js';

const tabs = ['heatmap', 'constraints', 'comparison'] as const;
type Tab = (typeof tabs)[number];
const filterFields = ['province', 'sector', 'maturity', 'needIn', 'status', 'sort', 'direction', 'page'] as const;

/**
 * /programmes/:programmeId/needs — the programme's needs in three tabs: the
 * heat map of cooperatives by domain, the ranked constraints, and baseline
 * against endline. The tab and the heat map's filters live in the URL, so
 * that a view can be shared or reloaded.
 */
export default function ProgrammeNeedsPage() {
  const { t } = useTranslation();
  const { programmeId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const tab: Tab = (tabs as readonly string[]).includes(searchParams.get('tab') ?? '') ? (searchParams.get('tab') as Tab) : 'heatmap';

  const query = useMemo(() => {
    const read: Record<string, unknown> = {};
    for (const field of filterFields) {
      const raw = searchParams.get(field);
      if (raw === null || raw === '') continue;
      const parsed = heatmapQuerySchema.shape[field].safeParse(raw);
      if (parsed.success && parsed.data !== undefined) read[field] = parsed.data;
    }
    return { sort: 'name', direction: 'asc', page: 1, ...read } as HeatmapFilters;
  }, [searchParams]);

  const update = useCallback(
    (changes: Partial<Record<string, string | number | null>>) => {
      setSearchParams((previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === undefined || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        // A new filter or sort starts again at the first page.
        if (!('page' in changes)) next.delete('page');
        return next;
      });
    },
    [setSearchParams],
  );

  return (
    <Stack gap="md">
      <Group gap="xs">
        <Anchor component={Link} to={`/programmes/${programmeId}`} size="sm">
          <Group gap={4} wrap="nowrap">
            <ArrowStartIcon size={14} />
            {t('needs.backToProgramme')}
          </Group>
        </Anchor>
      </Group>
      <Title order={1} size="h2">
        {t('needs.title')}
      </Title>
      <Tabs value={tab} onChange={(value) => update({ tab: value === 'heatmap' ? null : value, page: null })} keepMounted={false}>
        <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto' }}>
          {tabs.map((name) => (
            <Tabs.Tab key={name} value={name} style={{ whiteSpace: 'nowrap' }}>
              {t(`needs.tabs.${name}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="heatmap" pt="md">
          <NeedsHeatmap programmeId={programmeId} query={query} update={update} />
        </Tabs.Panel>
        <Tabs.Panel value="constraints" pt="md">
          <NeedsConstraints programmeId={programmeId} />
        </Tabs.Panel>
        <Tabs.Panel value="comparison" pt="md">
          <NeedsComparison programmeId={programmeId} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
