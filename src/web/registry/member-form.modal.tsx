import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { memberInputSchema, type Member } from '../../core/registry/cooperative.schema.js';
import { ageGroups, memberRoles, sexes } from '../../core/registry/sectors.js';
import { isApiError } from '../shared/api-client.js';
import { errorMessage } from '../shared/issue-messages.js';
import { useSchemaForm } from '../shared/use-schema-form.js';
import { useSaveMember } from './cooperative.api.js';

interface MemberDraft {
  fullName: string;
  role: string;
  sex: string | null;
  ageGroup: string | null;
  phone: string;
}

function draftOf(member: Member | null): MemberDraft {
  return {
    fullName: member?.fullName ?? '',
    role: member?.role ?? 'member',
    sex: member?.sex ?? null,
    ageGroup: member?.ageGroup ?? null,
    phone: member?.phone ?? '',
  };
}

/** Adds or edits a member; mounted fresh for each member so that the form starts from it. */
export function MemberFormModal({ cooperativeId, member, onClose }: { cooperativeId: string; member: Member | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useSchemaForm<MemberDraft>(() => draftOf(member));
  const save = useSaveMember(cooperativeId);
  const { values, setField } = form;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const input = form.validate(memberInputSchema, values, (field) => !values[field as keyof MemberDraft]);
    if (!input) return;
    save.mutate(
      { ...(member ? { memberId: member.id } : {}), input },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (isApiError(error, 'validation')) form.showServerIssues(error.issues);
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={member ? t('members.editTitle') : t('members.addTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {save.isError && !isApiError(save.error, 'validation') ? (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(t, save.error)}
            </Alert>
          ) : null}
          <TextInput
            label={t('fields.fullName')}
            required
            dir="auto"
            value={values.fullName}
            onChange={(event) => setField('fullName', event.currentTarget.value)}
            error={form.error('fullName')}
            data-autofocus
          />
          <Select
            label={t('fields.role')}
            data={memberRoles.map((role) => ({ value: role, label: t(`memberRoles.${role}`) }))}
            value={values.role}
            onChange={(role) => setField('role', role ?? 'member')}
            allowDeselect={false}
            error={form.error('role')}
          />
          <Group grow align="flex-start">
            <Select
              label={t('fields.sex')}
              data={sexes.map((sex) => ({ value: sex, label: t(`sexes.${sex}`) }))}
              value={values.sex}
              onChange={(sex) => setField('sex', sex)}
              clearable
              error={form.error('sex')}
            />
            <Select
              label={t('fields.ageGroup')}
              data={ageGroups.map((group) => ({ value: group, label: t(`ageGroups.${group}`) }))}
              value={values.ageGroup}
              onChange={(ageGroup) => setField('ageGroup', ageGroup)}
              clearable
              error={form.error('ageGroup')}
            />
          </Group>
          <TextInput
            label={t('fields.phone')}
            type="tel"
            inputMode="tel"
            dir="ltr"
            placeholder="06 12 34 56 78"
            value={values.phone}
            onChange={(event) => setField('phone', event.currentTarget.value)}
            error={form.error('phone')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('ui.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('ui.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
