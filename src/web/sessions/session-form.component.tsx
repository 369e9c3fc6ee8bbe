import { Alert, Button, Group, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canManageSessions } from '../../core/sessions/sessions.policies.js';
import { fromMoroccanWallClock, toMoroccanWallClock } from '../../core/sessions/local-time.js';
import { createSessionSchema, sessionChannels, sessionKinds, updateSessionSchema, type SessionDetail, type SessionKind } from '../../core/sessions/session.schema.js';
import { provinces } from '../../core/territories/territories.js';
import { principalOf, useSession as useSignedInUser } from '../access/session.api.js';
import { useEnrolments, useProgramme, useProgrammeList } from '../programmes/programmes.api.js';
import { localized, useModuleList } from '../training/catalogue.api.js';
import { isApiError } from '../shared/api-client.js';
import { DayInput } from '../shared/day-input.js';
import { errorMessage } from '../shared/issue-messages.js';
import { useSchemaForm } from '../shared/use-schema-form.js';
import { RescheduleModal } from './reschedule.modal.js';
import { useCreateSession, useReschedulePreview, useSessions, useUpdateSession } from './sessions.api.js';

interface Values {
  programmeId: string;
  kind: SessionKind;
  title: string;
  moduleCode: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  channel: string;
  facilitatorId: string;
  provinceCode: string;
  cooperativeIds: string[];
  dependsOnId: string;
}

function initialValues(session: SessionDetail | undefined, programmeId: string): Values {
  if (!session) {
    return { programmeId, kind: 'training', title: '', moduleCode: '', date: '', startTime: '09:00', endTime: '12:00', place: '', channel: '', facilitatorId: '', provinceCode: '', cooperativeIds: [], dependsOnId: '' };
  }
  const start = toMoroccanWallClock(session.startsAt);
  return {
    programmeId: session.programmeId,
    kind: session.kind,
    title: session.title,
    moduleCode: session.moduleCode ?? '',
    date: start.date,
    startTime: start.time,
    endTime: toMoroccanWallClock(session.endsAt).time,
    place: session.place ?? '',
    channel: session.channel ?? '',
    facilitatorId: session.facilitator?.id ?? '',
    provinceCode: session.provinceCode ?? '',
    cooperativeIds: session.cooperatives.map((cooperative) => cooperative.id),
    dependsOnId: session.dependsOnId ?? '',
  };
}

/** Fields of the request from the form's values; times are Moroccan wall-clock times. */
function draftOf(values: Values) {
  return {
    kind: values.kind,
    title: values.title,
    moduleCode: values.moduleCode || null,
    startsAt: fromMoroccanWallClock(values.date, values.startTime) ?? '',
    endsAt: fromMoroccanWallClock(values.date, values.endTime) ?? '',
    place: values.place || null,
    channel: (values.channel || null) as never,
    facilitatorId: values.facilitatorId || null,
    provinceCode: values.provinceCode || null,
    cooperativeIds: values.cooperativeIds,
    dependsOnId: values.dependsOnId || null,
  };
}

/**
 * Creating or editing a session. On an edit that changes the date of a session others depend on, the move goes
 * through the rescheduling modal (what moves, old → new) before the other fields are saved.
 */
export function SessionForm({ session, programmeId = '', onSaved, onCancel }: { session?: SessionDetail; programmeId?: string; onSaved: (id: string) => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const form = useSchemaForm<Values>(() => initialValues(session, programmeId));
  const { values, setField, error } = form;
  const { data: user } = useSignedInUser();
  const principal = user ? principalOf(user) : null;
  const programmes = useProgrammeList();
  const programme = useProgramme(values.programmeId || undefined);
  const enrolments = useEnrolments(values.programmeId);
  const modules = useModuleList({});
  const programmeSessions = useSessions({ programmeId: values.programmeId || undefined });
  const create = useCreateSession();
  const update = useUpdateSession(session?.id ?? '');
  const preview = useReschedulePreview(session?.id ?? '');
  const [move, setMove] = useState<{ startsAt: string; endsAt: string } | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const language = i18n.language;

  const manageable = (programmes.data ?? []).filter((item) => principal && canManageSessions(principal, item.id));
  const isEmpty = (field: string) => {
    const value = (draftOf(values) as Record<string, unknown>)[field];
    return value === '' || value === null;
  };
  const failed = (cause: unknown) => {
    setProblem(cause);
    if (isApiError(cause) && cause.issues.length > 0) form.showServerIssues(cause.issues);
  };

  const saveEdit = (version: number) => {
    const parsed = form.validate(updateSessionSchema, { ...draftOf(values), version }, isEmpty);
    if (!parsed || !session) return;
    update.mutate({ ...draftOf(values), version }, { onSuccess: () => onSaved(session.id), onError: failed });
  };

  const submit = () => {
    setProblem(null);
    const draft = draftOf(values);
    if (!session) {
      const parsed = form.validate(createSessionSchema, { ...draft, programmeId: values.programmeId }, (field) => (field === 'programmeId' ? !values.programmeId : isEmpty(field)));
      if (parsed) create.mutate({ ...draft, programmeId: values.programmeId }, { onSuccess: (created) => onSaved(created.id), onError: failed });
      return;
    }
    if (!form.validate(updateSessionSchema, { ...draft, version: session.version }, isEmpty)) return;
    const moved = Date.parse(draft.startsAt) !== Date.parse(session.startsAt) || Date.parse(draft.endsAt) !== Date.parse(session.endsAt);
    if (!moved || session.status !== 'planned') return saveEdit(session.version);
    // Never move dependents silently: ask whenever the session has any.
    preview.mutate(
      { startsAt: draft.startsAt, endsAt: draft.endsAt, shiftDependents: 'none' },
      { onSuccess: (plan) => (plan.dependentCount > 0 || plan.conflicts.length > 0 ? setMove({ startsAt: draft.startsAt, endsAt: draft.endsAt }) : saveEdit(session.version)), onError: failed },
    );
  };

  const enrolled = (enrolments.data ?? []).filter((enrolment) => enrolment.status === 'enrolled' || values.cooperativeIds.includes(enrolment.cooperativeId));
  const earlier = (programmeSessions.data ?? []).filter((candidate) => candidate.id !== session?.id && candidate.status !== 'cancelled');
  const stale = isApiError(problem, 'conflict');

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('fields.programmeId')}
          required
          disabled={Boolean(session)}
          data={session ? [{ value: session.programmeId, label: session.programmeCode }] : manageable.map((item) => ({ value: item.id, label: `${item.code} — ${item.nameFr ?? ''}` }))}
          value={values.programmeId || null}
          onChange={(value) => {
            setField('programmeId', value ?? '');
            setField('cooperativeIds', []);
            setField('facilitatorId', '');
            setField('dependsOnId', '');
          }}
          error={error('programmeId')}
          searchable
        />
        <Select label={t('fields.kind')} required data={sessionKinds.map((kind) => ({ value: kind, label: t(`sessions.kinds.${kind}`) }))} value={values.kind} onChange={(value) => setField('kind', (value ?? 'training') as SessionKind)} allowDeselect={false} error={error('kind')} />
      </SimpleGrid>
      <TextInput label={t('fields.title')} required value={values.title} onChange={(event) => setField('title', event.currentTarget.value)} error={error('title')} />
      <Select
        label={t('fields.moduleCode')}
        placeholder={t('sessions.form.noModule')}
        clearable
        searchable
        data={(modules.data ?? []).map((module) => ({ value: module.code, label: `${module.code} — ${localized(module.title, language)}` }))}
        value={values.moduleCode || null}
        onChange={(value) => {
          setField('moduleCode', value ?? '');
          const module = modules.data?.find((candidate) => candidate.code === value);
          if (module && !values.title) setField('title', localized(module.title, language));
        }}
        error={error('moduleCode')}
      />
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <DayInput label={t('sessions.form.date')} required value={values.date || null} onChange={(value) => setField('date', value ?? '')} error={error('startsAt')} description={t('sessions.form.timeZoneHint')} />
        <TimePicker label={t('sessions.form.startTime')} required format="24h" value={values.startTime} onChange={(value) => setField('startTime', value)} />
        <TimePicker label={t('sessions.form.endTime')} required format="24h" value={values.endTime} onChange={(value) => setField('endTime', value)} error={error('endsAt')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput label={t('fields.place')} value={values.place} onChange={(event) => setField('place', event.currentTarget.value)} error={error('place')} />
        <Select label={t('fields.channel')} clearable data={sessionChannels.map((channel) => ({ value: channel, label: t(`sessions.channels.${channel}`) }))} value={values.channel || null} onChange={(value) => setField('channel', value ?? '')} error={error('channel')} />
        <Select
          label={t('fields.facilitatorId')}
          placeholder={t('sessions.form.noFacilitator')}
          clearable
          data={(programme.data?.team ?? []).filter((member, index, team) => team.findIndex((other) => other.userId === member.userId) === index).map((member) => ({ value: member.userId, label: member.displayName }))}
          value={values.facilitatorId || null}
          onChange={(value) => setField('facilitatorId', value ?? '')}
          error={error('facilitatorId')}
        />
        <Select
          label={t('fields.provinceCode')}
          placeholder={t('sessions.form.noProvince')}
          clearable
          searchable
          data={provinces.map((province) => ({ value: province.code, label: language === 'ar' ? province.name.ar : province.name.fr }))}
          value={values.provinceCode || null}
          onChange={(value) => setField('provinceCode', value ?? '')}
          error={error('provinceCode')}
        />
      </SimpleGrid>
      <MultiSelect
        label={t('fields.cooperativeIds')}
        description={t('sessions.form.cooperativesHint', { count: enrolled.length })}
        searchable
        data={enrolled.map((enrolment) => ({ value: enrolment.cooperativeId, label: (language === 'ar' ? enrolment.cooperativeNameAr : null) ?? enrolment.cooperativeNameFr ?? enrolment.cooperativeId }))}
        value={values.cooperativeIds}
        onChange={(value) => setField('cooperativeIds', value)}
        error={error('cooperativeIds')}
      />
      <Select
        label={t('fields.dependsOnId')}
        placeholder={t('sessions.form.noDependency')}
        clearable
        searchable
        data={earlier.map((candidate) => ({ value: candidate.id, label: `${toMoroccanWallClock(candidate.startsAt).date} — ${candidate.title}` }))}
        value={values.dependsOnId || null}
        onChange={(value) => setField('dependsOnId', value ?? '')}
        error={error('dependsOnId')}
      />
      {stale ? <Alert color="orange">{t('sessions.form.stale')}</Alert> : problem ? <Alert color="red">{errorMessage(t, problem)}</Alert> : null}
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onCancel}>
          {t('sessions.form.cancel')}
        </Button>
        <Button onClick={submit} loading={create.isPending || update.isPending || preview.isPending}>
          {t('sessions.form.save')}
        </Button>
      </Group>
      {session ? (
        <RescheduleModal
          sessionId={session.id}
          move={move}
          onClose={() => setMove(null)}
          onMoved={(newVersion) => {
            setMove(null);
            saveEdit(newVersion);
          }}
        />
      ) : null}
    </Stack>
  );
}
