import { Alert, Anchor, Badge, Button, Card, Chip, FileButton, Group, NativeSelect, NumberInput, Rating, SegmentedControl, Stack, Switch, Text, Textarea, TextInput, Title } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ageGroups, sexes } from '../../core/registry/sectors.js';
import { evaluationInputSchema, saveAttendanceSchema, sessionReportSchema, sessionTimeZone, type AttendanceRowInput, type SessionDetail } from '../../core/sessions/session.schema.js';
import { toIssues } from '../../core/shared/errors.js';
import { intlLocale } from '../shared/i18n.js';
import { errorMessage, translateIssue } from '../shared/issue-messages.js';
import { ErrorState, LoadingState } from '../shared/page-states.js';
import { SessionForm } from './session-form.component.js';
import { statusColours } from './session-calendar.page.js';
import { useAddEvaluation, useChangeStatus, useDeleteAttachment, useSaveAttendance, useSaveReport, useSession, useUploadAttachment } from './sessions.api.js';

type Row = AttendanceRowInput & { key: string };

function AttendancePanel({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const save = useSaveAttendance(session.id);
  const initial = (): Row[] => [
    ...(session.attendance ?? []).map((row) => ({ key: row.id, cooperativeId: row.cooperativeId, memberId: row.memberId, fullName: row.fullName ?? '', sex: row.sex, ageGroup: row.ageGroup, present: row.present })),
    ...(session.memberSuggestions ?? []).map((member) => ({ key: member.memberId, cooperativeId: member.cooperativeId, memberId: member.memberId, fullName: member.fullName, sex: member.sex, ageGroup: member.ageGroup, present: false })),
  ];
  const [rows, setRows] = useState<Row[]>(initial);
  const [newName, setNewName] = useState('');
  const [newCooperative, setNewCooperative] = useState(session.cooperatives[0]?.id ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => setRows(initial()), [session.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const counts = session.attendanceCounts;
  const update = (key: string, change: Partial<Row>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const cooperativeName = (id: string) => session.cooperatives.find((cooperative) => cooperative.id === id)?.nameFr ?? '';

  if (!session.permissions.seeNames || session.attendance === null) {
    return (
      <Card withBorder>
        <Title order={4}>{t('sessions.attendance.title')}</Title>
        <Text>{t('sessions.attendance.counts', { present: counts.present, total: counts.total, women: counts.presentWomen, young: counts.presentYoung })}</Text>
        <Text size="sm" c="dimmed">
          {t('sessions.attendance.hiddenNames')}
        </Text>
      </Card>
    );
  }
  const submit = () => {
    const parsed = saveAttendanceSchema.safeParse({ rows: rows.map(({ key: _key, ...row }) => row) });
    if (!parsed.success) return setProblem(toIssues(parsed.error.issues).map((issue) => translateIssue(t, issue)).join(' '));
    setProblem(null);
    save.mutate(parsed.data.rows);
  };
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('sessions.attendance.title')}</Title>
          <Button variant="light" size="sm" onClick={() => setRows((current) => current.map((row) => ({ ...row, present: true })))}>
            {t('sessions.attendance.allPresent')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('sessions.attendance.counts', { present: counts.present, total: counts.total, women: counts.presentWomen, young: counts.presentYoung })}
        </Text>
        {rows.map((row) => (
          <Card key={row.key} withBorder padding="xs" radius="md">
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text fw={600} truncate>
                    {row.fullName}
                  </Text>
                  {session.cooperatives.length > 1 ? (
                    <Text size="xs" c="dimmed" truncate>
                      {cooperativeName(row.cooperativeId)}
                    </Text>
                  ) : null}
                </Stack>
                <Switch
                  size="xl"
                  onLabel={t('sessions.attendance.present')}
                  offLabel={t('sessions.attendance.absent')}
                  checked={row.present}
                  onChange={(event) => update(row.key, { present: event.currentTarget.checked })}
                  aria-label={`${row.fullName} — ${t('sessions.attendance.present')}`}
                  color="teal"
                />
              </Group>
              <Group gap="xs">
                <SegmentedControl size="xs" value={row.sex ?? ''} onChange={(value) => update(row.key, { sex: (value || null) as Row['sex'] })} data={sexes.map((sex) => ({ value: sex, label: t(`sessions.attendance.sex.${sex}`) }))} />
                <Chip.Group value={row.ageGroup ?? ''} onChange={(value) => update(row.key, { ageGroup: (value || null) as Row['ageGroup'] })}>
                  <Group gap={4}>
                    {ageGroups.map((group) => (
                      <Chip key={group} value={group} size="xs">
                        {t(`sessions.attendance.ageGroups.${group}`)}
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
              </Group>
            </Stack>
          </Card>
        ))}
        <Group align="flex-end" wrap="wrap" gap="xs">
          <TextInput style={{ flex: 1, minWidth: 180 }} label={t('sessions.attendance.addPerson')} value={newName} onChange={(event) => setNewName(event.currentTarget.value)} />
          {session.cooperatives.length > 1 ? (
            <NativeSelect style={{ flex: 1, minWidth: 180 }} aria-label={t('fields.cooperativeIds')} value={newCooperative} onChange={(event) => setNewCooperative(event.currentTarget.value)} data={session.cooperatives.map((cooperative) => ({ value: cooperative.id, label: cooperative.nameFr ?? '' }))} />
          ) : null}
          <Button
            variant="default"
            disabled={!newName.trim() || !newCooperative}
            onClick={() => {
              setRows((current) => [...current, { key: `new-${Date.now()}`, cooperativeId: newCooperative, memberId: null, fullName: newName.trim(), sex: null, ageGroup: null, present: true }]);
              setNewName('');
            }}
          >
            +
          </Button>
        </Group>
        {problem ? <Alert color="red">{problem}</Alert> : null}
        {save.error ? <Alert color="red">{errorMessage(t, save.error)}</Alert> : null}
        {save.isSuccess ? <Alert color="teal">{t('sessions.attendance.saved')}</Alert> : null}
        <Button size="md" onClick={submit} loading={save.isPending}>
          {t('sessions.attendance.save')}
        </Button>
      </Stack>
    </Card>
  );
}

function ReportPanel({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const save = useSaveReport(session.id);
  const upload = useUploadAttachment(session.id);
  const remove = useDeleteAttachment(session.id);
  const [report, setReport] = useState(session.report ?? { done: '', decisions: '', nextSteps: '' });
  const editable = session.permissions.record;
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={4}>{t('sessions.report.title')}</Title>
        {(['done', 'decisions', 'nextSteps'] as const).map((field) => (
          <Textarea key={field} label={t(`sessions.report.${field}`)} autosize minRows={2} readOnly={!editable} value={report[field]} onChange={(event) => setReport({ ...report, [field]: event.currentTarget.value })} />
        ))}
        {save.error ? <Alert color="red">{errorMessage(t, save.error)}</Alert> : null}
        {editable ? (
          <Button onClick={() => save.mutate({ ...sessionReportSchema.parse(report), version: session.version })} loading={save.isPending}>
            {t('sessions.report.save')}
          </Button>
        ) : null}
        <Text fw={600}>{t('sessions.report.attachments')}</Text>
        {session.attachments.map((attachment) => (
          <Group key={attachment.id} justify="space-between" wrap="nowrap">
            <Anchor href={`/api/sessions/${session.id}/attachments/${attachment.id}`} truncate>
              {attachment.fileName}
            </Anchor>
            {editable ? (
              <Button size="compact-sm" variant="subtle" color="red" onClick={() => remove.mutate(attachment.id)}>
                {t('sessions.report.delete')}
              </Button>
            ) : null}
          </Group>
        ))}
        {upload.error ? <Alert color="red">{errorMessage(t, upload.error)}</Alert> : null}
        {editable ? (
          <FileButton onChange={(file) => file && upload.mutate(file)} accept="image/*,application/pdf" capture="environment">
            {(props) => (
              <Button variant="default" loading={upload.isPending} {...props}>
                {t('sessions.report.addFile')}
              </Button>
            )}
          </FileButton>
        ) : null}
      </Stack>
    </Card>
  );
}

function EvaluationPanel({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const add = useAddEvaluation(session.id);
  const [draft, setDraft] = useState({ satisfaction: 0, comment: '', quizBefore: '' as number | string, quizAfter: '' as number | string });
  const summary = session.evaluationSummary;
  const submit = () => {
    const parsed = evaluationInputSchema.safeParse({
      satisfaction: draft.satisfaction,
      comment: draft.comment,
      quizBefore: draft.quizBefore === '' ? null : Number(draft.quizBefore),
      quizAfter: draft.quizAfter === '' ? null : Number(draft.quizAfter),
    });
    if (parsed.success) add.mutate(parsed.data, { onSuccess: () => setDraft({ satisfaction: 0, comment: '', quizBefore: '', quizAfter: '' }) });
  };
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Title order={4}>{t('sessions.evaluations.title')}</Title>
        <Text size="sm">{t('sessions.evaluations.count', { count: summary.count, average: summary.averageSatisfaction ?? '—' })}</Text>
        {summary.averageQuizBefore !== null || summary.averageQuizAfter !== null ? (
          <Text size="sm">{t('sessions.evaluations.quiz', { before: summary.averageQuizBefore ?? '—', after: summary.averageQuizAfter ?? '—' })}</Text>
        ) : null}
        {session.permissions.record ? (
          <>
            <Text size="sm" fw={500}>
              {t('sessions.evaluations.satisfaction')}
            </Text>
            <Rating size="xl" value={draft.satisfaction} onChange={(value) => setDraft({ ...draft, satisfaction: value })} />
            <Textarea label={t('sessions.evaluations.comment')} value={draft.comment} onChange={(event) => setDraft({ ...draft, comment: event.currentTarget.value })} />
            <Group grow>
              <NumberInput label={t('sessions.evaluations.quizBefore')} min={0} max={100} value={draft.quizBefore} onChange={(value) => setDraft({ ...draft, quizBefore: value })} />
              <NumberInput label={t('sessions.evaluations.quizAfter')} min={0} max={100} value={draft.quizAfter} onChange={(value) => setDraft({ ...draft, quizAfter: value })} />
            </Group>
            {add.error ? <Alert color="red">{errorMessage(t, add.error)}</Alert> : null}
            <Button variant="light" disabled={draft.satisfaction < 1} onClick={submit} loading={add.isPending}>
              {t('sessions.evaluations.add')}
            </Button>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}

function StatusActions({ session }: { session: SessionDetail }) {
  const { t } = useTranslation();
  const change = useChangeStatus(session.id);
  const [postponeTo, setPostponeTo] = useState<string | null>(null);
  if (session.status !== 'planned' || !session.permissions.edit) return null;
  const duration = Date.parse(session.endsAt) - Date.parse(session.startsAt);
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button color="teal" onClick={() => change.mutate({ status: 'held', version: session.version })} loading={change.isPending}>
          {t('sessions.detail.markHeld')}
        </Button>
        <Button color="red" variant="light" onClick={() => window.confirm(t('sessions.detail.cancelConfirm')) && change.mutate({ status: 'cancelled', version: session.version, reason: null })}>
          {t('sessions.detail.cancel')}
        </Button>
      </Group>
      <Group align="flex-end" gap="xs">
        <DateTimePicker label={t('sessions.detail.postponeTo')} value={postponeTo} onChange={(value) => setPostponeTo(value)} style={{ flex: 1, minWidth: 200 }} />
        <Button
          variant="default"
          disabled={!postponeTo}
          onClick={() => {
            const startsAt = new Date(postponeTo!.replace(' ', 'T')).toISOString();
            change.mutate({ status: 'postponed', version: session.version, startsAt, endsAt: new Date(Date.parse(startsAt) + duration).toISOString() });
          }}
        >
          {t('sessions.detail.postpone')}
        </Button>
      </Group>
      {change.error ? <Alert color="red">{errorMessage(t, change.error)}</Alert> : null}
    </Stack>
  );
}

/** /sessions/:sessionId — details, status actions, participants, attendance (built for a phone), report, evaluations. */
export default function SessionDetailPage() {
  const { sessionId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const query = useSession(sessionId);
  const [editing, setEditing] = useState(false);
  if (query.isPending) return <LoadingState />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const session = query.data;
  const when = new Intl.DateTimeFormat(intlLocale(i18n.language), { timeZone: sessionTimeZone, dateStyle: 'full', timeStyle: 'short' });
  const until = new Intl.DateTimeFormat(intlLocale(i18n.language), { timeZone: sessionTimeZone, timeStyle: 'short' });
  return (
    <Stack gap="md" key={`${session.id}-${session.version}`}>
      <Anchor component={Link} to="/sessions" size="sm">
        {t('sessions.detail.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={2}>{session.title}</Title>
          <Text c="dimmed">
            {t(`sessions.kinds.${session.kind}`)} · {session.programmeCode}
            {session.channel ? ` · ${t(`sessions.channels.${session.channel}`)}` : ''}
          </Text>
          <Text>
            {when.format(new Date(session.startsAt))} – {until.format(new Date(session.endsAt))}
          </Text>
          {session.place ? <Text>{session.place}</Text> : null}
          {session.facilitator ? (
            <Text size="sm">
              {t('sessions.detail.facilitator')} : {session.facilitator.name}
            </Text>
          ) : null}
        </Stack>
        <Badge size="lg" color={statusColours[session.status]} variant="light" style={{ flexShrink: 0 }}>
          {t(`sessions.statuses.${session.status}`)}
        </Badge>
      </Group>
      {session.postponedToId ? (
        <Anchor component={Link} to={`/sessions/${session.postponedToId}`}>
          {t('sessions.detail.postponedTo')}
        </Anchor>
      ) : null}
      {session.permissions.edit && session.status === 'planned' && !editing ? (
        <Group>
          <Button variant="light" onClick={() => setEditing(true)}>
            {t('sessions.form.edit')}
          </Button>
        </Group>
      ) : null}
      {editing ? (
        <Card withBorder>
          <Title order={4} mb="sm">
            {t('sessions.form.editTitle')}
          </Title>
          <SessionForm session={session} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
        </Card>
      ) : (
        <StatusActions session={session} />
      )}
      <Card withBorder>
        <Title order={4}>{t('sessions.detail.participants')}</Title>
        <Stack gap={2} mt="xs">
          {session.cooperatives.map((cooperative) => (
            <Anchor key={cooperative.id} component={Link} to={`/cooperatives/${cooperative.id}`}>
              {i18n.language === 'ar' && cooperative.nameAr ? cooperative.nameAr : cooperative.nameFr}
            </Anchor>
          ))}
        </Stack>
      </Card>
      <AttendancePanel session={session} />
      <ReportPanel session={session} />
      <EvaluationPanel session={session} />
    </Stack>
  );
}
