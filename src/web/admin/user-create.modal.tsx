import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { locales } from '../../core/access/roles.js';
import { userCreateSchema } from '../../core/access/user.schema.js';
import { isApiError } from '../shared/api-client.js';
import { errorMessage } from '../shared/issue-messages.js';
import { useSchemaForm } from '../shared/use-schema-form.js';
import { useCreateUser } from './users.api.js';

interface Draft {
  email: string;
  displayName: string;
  locale: string;
  password: string;
}

export function UserCreateModal({ onClose, onCreated }: { onClose: () => void; onCreated: (userId: string) => void }) {
  const { t } = useTranslation();
  const form = useSchemaForm<Draft>({ email: '', displayName: '', locale: 'fr', password: '' });
  const create = useCreateUser();
  const { values, setField } = form;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const input = form.validate(userCreateSchema, values, (field) => !values[field as keyof Draft]);
    if (!input) return;
    create.mutate(input, {
      onSuccess: (user) => user && onCreated(user.id),
      onError: (error) => {
        if (isApiError(error) && error.issues.length > 0) form.showServerIssues(error.issues);
      },
    });
  };

  return (
    <Modal opened onClose={onClose} title={t('users.createTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {create.isError && !(isApiError(create.error) && create.error.issues.length > 0) ? (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(t, create.error)}
            </Alert>
          ) : null}
          <TextInput
            label={t('fields.email')}
            type="email"
            dir="ltr"
            required
            value={values.email}
            onChange={(event) => setField('email', event.currentTarget.value)}
            error={form.error('email')}
            data-autofocus
          />
          <TextInput
            label={t('fields.displayName')}
            required
            dir="auto"
            value={values.displayName}
            onChange={(event) => setField('displayName', event.currentTarget.value)}
            error={form.error('displayName')}
          />
          <Select
            label={t('fields.locale')}
            data={locales.map((locale) => ({ value: locale, label: t(`ui.languages.${locale}`) }))}
            value={values.locale}
            onChange={(locale) => setField('locale', locale ?? 'fr')}
            allowDeselect={false}
            error={form.error('locale')}
          />
          <PasswordInput
            label={t('users.initialPassword')}
            description={t('users.passwordHint')}
            required
            autoComplete="new-password"
            value={values.password}
            onChange={(event) => setField('password', event.currentTarget.value)}
            error={form.error('password')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('ui.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('users.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
