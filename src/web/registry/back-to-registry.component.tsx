import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ArrowStartIcon } from '../shared/icons.js';

export function BackToRegistry() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/cooperatives" size="sm">
      <Group gap={4} component="span" wrap="nowrap">
        <ArrowStartIcon size={14} />
        {t('cooperative.backToList')}
      </Group>
    </Anchor>
  );
}
