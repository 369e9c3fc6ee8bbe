import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { territoriesAttribution } from '../../core/territories/territories.js';

/** Credits for the territorial reference data (CC BY 4.0, ODbL) and the way to the API. */
export function AppFooter() {
  const { t } = useTranslation();
  return (
    <Group component="footer" className="app-footer" justify="space-between" gap="xs" wrap="wrap">
      <Text size="xs" c="dimmed" maw={760}>
        {t('footer.sources')}{' '}
        <span lang="fr" dir="ltr" className="isolate">
          {territoriesAttribution}
        </span>
      </Text>
      <Anchor href="/api/docs" size="xs" target="_blank" rel="noopener">
        {t('footer.apiDocs')}
      </Anchor>
    </Group>
  );
}
