import { Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SessionForm } from './session-form.component.js';

/** /sessions/new?programmeId=… — plan a session. */
export default function SessionNewPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/sessions" size="sm">
        {t('sessions.detail.back')}
      </Anchor>
      <Title order={2}>{t('sessions.form.newTitle')}</Title>
      <SessionForm programmeId={params.get('programmeId') ?? ''} onSaved={(id) => void navigate(`/sessions/${id}`)} onCancel={() => void navigate('/sessions')} />
    </Stack>
  );
}
