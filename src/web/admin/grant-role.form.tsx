import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { roles, type Role } from '../../core/access/roles.js';
import { grantCreateSchema } from '../../core/access/user.schema.js';
import { isApiError } from '../shared/api-client.js';
import { errorMessage } from '../shared/issue-messages.js';
import { useSchemaForm } from '../shared/use-schema-form.js';
import { programmeName, useProgrammes } from '../shell/grant-label.js';
import { CooperativePicker } from './cooperative-picker.component.js';
import { useGrantRole } from './users.api.js';

interface Draft {
  role: Role | null;
  programmeId: string;
  cooperativeId: string | null;
}

const allProgrammes = '';

/** Grants one role: across all programmes or in one, or, for a representative, for one cooperative. */
export function GrantRoleForm({ userId }: { userId: string }) {
  const { t, i18n } = useTranslation();
  const programmes = useProgrammes();
  const grant = useGrantRole(userId);
  const form = useSchemaForm<Draft>({ role: null, programmeId: allProgrammes, cooperativeId: null });
  const { values, setField } = form;
  const isRepresentative = values.role === 'cooperative_representative';

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const draft = {
      ...(values.role ? { role: values.role } : {}),
      programmeId: values.programmeId === allProgrammes ? null : values.programmeId,
      cooperativeId: isRepresentative ? values.cooperativeId : null,
    };
    const input = form.validate(grantCreateSchema, draft, (field) => field === 'role' && !values.role);
    if (!input) return;
    grant.mutate(input, {
      onSuccess: () => {
        form.setValues({ role: null, programmeId: allProgrammes, cooperativeId: null });
        grant.reset();
      },
      onError: (error) => {
        if (isApiError(error) && error.issues.length > 0) form.showServerIssues(error.issues);
      },
    });
  };

  const isDuplicate = isApiError(grant.error, 'conflict');
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {t('users.grantTitle')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('users.role')}
            placeholder={t('form.choose')}
            required
            data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            value={values.role}
            onChange={(role) => setField('role', role as Role | null)}
            error={form.error('role')}
          />
          <Select
            label={t('fields.programmeId')}
            data={[
              { value: allProgrammes, label: t('roles.scope.allProgrammes') },
              ...(programmes.data ?? []).map((programme) => ({ value: programme.id, label: programmeName(programme, i18n.language) })),
            ]}
            value={values.programmeId}
            onChange={(programmeId) => setField('programmeId', programmeId ?? allProgrammes)}
            allowDeselect={false}
            error={form.error('programmeId')}
          />
          {isRepresentative ? (
            <CooperativePicker value={values.cooperativeId} onChange={(id) => setField('cooperativeId', id)} error={form.error('cooperativeId')} />
          ) : null}
        </SimpleGrid>
        {grant.isError && (isDuplicate || !(isApiError(grant.error) && grant.error.issues.length > 0)) ? (
          <Alert color={isDuplicate ? 'orange' : 'red'} variant="light" role="alert">
            {isDuplicate ? t('users.grantExists') : errorMessage(t, grant.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={grant.isPending}>
            {t('users.grant')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
