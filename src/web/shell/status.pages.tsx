import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

function StatusPage({ title, text }: { title: string; text: string }) {
  const { t } = useTranslation();
  return (
    <Stack align="center" py={48} gap="md" ta="center">
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text c="dimmed" maw={480}>
        {text}
      </Text>
      <Button component={Link} to="/cooperatives" variant="light">
        {t('pages.home')}
      </Button>
    </Stack>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return <StatusPage title={t('pages.notFoundTitle')} text={t('pages.notFoundText')} />;
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return <StatusPage title={t('pages.forbiddenTitle')} text={t('pages.forbiddenText')} />;
}
