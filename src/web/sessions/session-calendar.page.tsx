import { Badge, Box, Button, Card, CopyButton, Group, Modal, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { groupByDay, moroccanDay, rangeOf, shiftDay, visibleDays, type CalendarView } from '../../core/sessions/calendar-view.js';
import { sessionTimeZone, type SessionStatus, type SessionSummary } from '../../core/sessions/session.schema.js';
import { provinces } from '../../core/territories/territories.js';
import { useProgrammeList } from '../programmes/programmes.api.js';
import { intlLocale } from '../shared/i18n.js';
import { ErrorState, LoadingState, NothingHere } from '../shared/page-states.js';
import { canManageSessions } from '../../core/sessions/sessions.policies.js';
import { principalOf, useSession as useSignedInUser } from '../access/session.api.js';
import { useCreateFeed, useSessions } from './sessions.api.js';

export const statusColours: Record<SessionStatus, string> = { planned: 'blue', held: 'teal', cancelled: 'red', postponed: 'orange' };

function useTimeFormat() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const tag = intlLocale(i18n.language);
    return {
      time: new Intl.DateTimeFormat(tag, { timeZone: sessionTimeZone, hour: '2-digit', minute: '2-digit' }),
      day: new Intl.DateTimeFormat(tag, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' }),
      month: new Intl.DateTimeFormat(tag, { timeZone: 'UTC', month: 'long', year: 'numeric' }),
      weekday: new Intl.DateTimeFormat(tag, { timeZone: 'UTC', weekday: 'short' }),
    };
  }, [i18n.language]);
}

function SessionCard({ session }: { session: SessionSummary }) {
  const { t } = useTranslation();
  const format = useTimeFormat();
  return (
    <Card component={Link} to={`/sessions/${session.id}`} withBorder padding="sm" radius="md" style={{ textDecoration: 'none' }}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} td={session.status === 'cancelled' ? 'line-through' : undefined} lineClamp={2}>
            {session.title}
          </Text>
          <Text size="sm" c="dimmed">
            <bdi>
              {format.time.format(new Date(session.startsAt))}–{format.time.format(new Date(session.endsAt))}
            </bdi>{' '}
            · {t(`sessions.kinds.${session.kind}`)} · {session.programmeCode}
          </Text>
          {session.place || session.facilitator ? (
            <Text size="sm" c="dimmed" lineClamp={1}>
              {[session.place, session.facilitator?.name].filter(Boolean).join(' · ')}
            </Text>
          ) : null}
        </Stack>
        <Badge color={statusColours[session.status]} variant="light" style={{ flexShrink: 0 }}>
          {t(`sessions.statuses.${session.status}`)}
        </Badge>
      </Group>
    </Card>
  );
}

function ListView({ days, sessions }: { days: string[]; sessions: SessionSummary[] }) {
  const { t } = useTranslation();
  const format = useTimeFormat();
  const groups = groupByDay(sessions);
  const shown = days.filter((day) => groups.has(day));
  if (shown.length === 0) return <NothingHere title={t('sessions.none')} />;
  return (
    <Stack gap="md">
      {shown.map((day) => (
        <Stack key={day} gap="xs">
          <Text fw={700} size="sm" tt="capitalize">
            {format.day.format(new Date(`${day}T12:00:00Z`))}
          </Text>
          {groups.get(day)!.map((session) => (
            <SessionCard key={session.id} session={session} />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

function GridView({ days, sessions, month }: { days: string[]; sessions: SessionSummary[]; month: string | null }) {
  const { t } = useTranslation();
  const format = useTimeFormat();
  const groups = groupByDay(sessions);
  const today = moroccanDay(new Date());
  return (
    <SimpleGrid cols={7} spacing={4} verticalSpacing={4}>
      {days.slice(0, 7).map((day) => (
        <Text key={`h-${day}`} size="xs" fw={700} c="dimmed" ta="center" tt="capitalize">
          {format.weekday.format(new Date(`${day}T12:00:00Z`))}
        </Text>
      ))}
      {days.map((day) => (
        <Paper key={day} withBorder p={4} mih={month ? 96 : 200} bg={day === today ? 'var(--mantine-color-blue-light)' : undefined} opacity={month && day.slice(0, 7) !== month ? 0.5 : 1}>
          <Text size="xs" fw={600}>
            {Number(day.slice(8))}
          </Text>
          <Stack gap={2}>
            {(groups.get(day) ?? []).map((session) => (
              <UnstyledButton key={session.id} component={Link} to={`/sessions/${session.id}`} title={session.title}>
                <Badge fullWidth size="sm" radius="sm" color={statusColours[session.status]} variant={session.status === 'planned' ? 'filled' : 'light'} style={{ textTransform: 'none', justifyContent: 'flex-start' }}>
                  {format.time.format(new Date(session.startsAt))} {session.title}
                </Badge>
              </UnstyledButton>
            ))}
          </Stack>
        </Paper>
      ))}
      {days.length === 0 ? <Text>{t('sessions.none')}</Text> : null}
    </SimpleGrid>
  );
}

function SubscribeModal({ opened, onClose, programmeId }: { opened: boolean; onClose: () => void; programmeId: string | null }) {
  const { t } = useTranslation();
  const createFeed = useCreateFeed();
  return (
    <Modal opened={opened} onClose={onClose} title={t('sessions.subscribe')} size="lg">
      <Stack>
        <Text size="sm">{t('sessions.subscribeHelp')}</Text>
        <Group>
          <Button variant="light" onClick={() => createFeed.mutate(null)} loading={createFeed.isPending}>
            {t('sessions.subscribeMine')}
          </Button>
          {programmeId ? (
            <Button variant="light" onClick={() => createFeed.mutate(programmeId)} loading={createFeed.isPending}>
              {t('sessions.subscribeProgramme')}
            </Button>
          ) : null}
        </Group>
        {createFeed.error ? <ErrorState error={createFeed.error} /> : null}
        {createFeed.data ? (
          <Group wrap="nowrap" align="flex-end">
            <TextInput readOnly dir="ltr" value={createFeed.data.url} style={{ flex: 1 }} onFocus={(event) => event.currentTarget.select()} aria-label={t('sessions.subscribe')} />
            <CopyButton value={createFeed.data.url}>
              {({ copied, copy }) => (
                <Button onClick={copy} color={copied ? 'teal' : undefined}>
                  {copied ? t('sessions.copied') : t('sessions.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        ) : null}
      </Stack>
    </Modal>
  );
}

/** /sessions — the month, week and list calendars, filtered by programme, trainer and province. */
export default function SessionCalendarPage() {
  const { t, i18n } = useTranslation();
  const format = useTimeFormat();
  const [params, setParams] = useSearchParams();
  const view = (params.get('view') as CalendarView | null) ?? 'list';
  const day = params.get('day') ?? moroccanDay(new Date());
  const programmeId = params.get('programmeId') ?? undefined;
  const facilitatorId = params.get('facilitatorId') ?? undefined;
  const provinceCode = params.get('provinceCode') ?? undefined;
  const [subscribing, setSubscribing] = useState(false);
  const { data: user } = useSignedInUser();
  const principal = user ? principalOf(user) : null;
  const set = (changes: Record<string, string | null>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) (value ? next.set(key, value) : next.delete(key));
      return next;
    });

  const days = visibleDays(view, day);
  const range = rangeOf(days);
  const programmes = useProgrammeList();
  const sessions = useSessions({ ...range, programmeId, provinceCode });
  const all = sessions.data ?? [];
  const facilitators = [...new Map(all.filter((session) => session.facilitator).map((session) => [session.facilitator!.id, session.facilitator!.name])).entries()];
  const canCreate = Boolean(principal && (programmes.data ?? []).some((programme) => canManageSessions(principal, programme.id)));
  const shown = facilitatorId ? all.filter((session) => session.facilitator?.id === facilitatorId) : all;
  const language = i18n.language === 'ar' ? 'ar' : 'fr';
  const heading = view === 'week' ? `${format.day.format(new Date(`${days[0]}T12:00:00Z`))} – ${format.day.format(new Date(`${days[6]}T12:00:00Z`))}` : format.month.format(new Date(`${day.slice(0, 8)}15T12:00:00Z`));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Box>
          <Title order={2}>{t('sessions.title')}</Title>
          <Text c="dimmed" size="sm">
            {t('sessions.subtitle')}
          </Text>
        </Box>
        <Group gap="xs">
          {canCreate ? (
            <Button component={Link} to={programmeId ? `/sessions/new?programmeId=${programmeId}` : '/sessions/new'}>
              {t('sessions.form.create')}
            </Button>
          ) : null}
          <Button variant="light" onClick={() => setSubscribing(true)}>
            {t('sessions.subscribe')}
          </Button>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <Select
          label={t('sessions.filters.programme')}
          placeholder={t('sessions.filters.all')}
          clearable
          data={(programmes.data ?? []).map((programme) => ({ value: programme.id, label: `${programme.code} — ${programme.nameFr}` }))}
          value={programmeId ?? null}
          onChange={(value) => set({ programmeId: value })}
        />
        <Select label={t('sessions.filters.facilitator')} placeholder={t('sessions.filters.all')} clearable data={facilitators.map(([value, label]) => ({ value, label }))} value={facilitatorId ?? null} onChange={(value) => set({ facilitatorId: value })} />
        <Select
          label={t('sessions.filters.province')}
          placeholder={t('sessions.filters.all')}
          clearable
          searchable
          data={provinces.map((province) => ({ value: province.code, label: province.name[language] }))}
          value={provinceCode ?? null}
          onChange={(value) => set({ provinceCode: value })}
        />
      </SimpleGrid>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="nowrap">
          <Button size="compact-md" variant="default" onClick={() => set({ day: shiftDay(view, day, -1) })} aria-label={t('sessions.previous')}>
            {i18n.dir() === 'rtl' ? '›' : '‹'}
          </Button>
          <Button size="compact-md" variant="default" onClick={() => set({ day: null })}>
            {t('sessions.today')}
          </Button>
          <Button size="compact-md" variant="default" onClick={() => set({ day: shiftDay(view, day, 1) })} aria-label={t('sessions.next')}>
            {i18n.dir() === 'rtl' ? '‹' : '›'}
          </Button>
          <Text fw={600} tt="capitalize">
            {heading}
          </Text>
        </Group>
        <SegmentedControl
          value={view}
          onChange={(value) => set({ view: value })}
          data={(['month', 'week', 'list'] as const).map((value) => ({ value, label: t(`sessions.views.${value}`) }))}
        />
      </Group>
      {sessions.isPending ? (
        <LoadingState />
      ) : sessions.error ? (
        <ErrorState error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : view === 'list' ? (
        <ListView days={days} sessions={shown} />
      ) : (
        <>
          {/* On a phone the grid is too narrow to read: the same days as a list. */}
          <Box hiddenFrom="sm">
            <ListView days={days} sessions={shown} />
          </Box>
          <Box visibleFrom="sm">
            <GridView days={days} sessions={shown} month={view === 'month' ? day.slice(0, 7) : null} />
          </Box>
        </>
      )}
      <SubscribeModal opened={subscribing} onClose={() => setSubscribing(false)} programmeId={programmeId ?? null} />
    </Stack>
  );
}
