import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { locales } from '../../core/access/roles.js';
import { useChangeLocale } from '../access/session.api.js';
import { asLocale } from '../shared/i18n.js';

/** Always visible, also before signing in; each language is named in itself. */
export function LanguageSwitcher({ size = 'xs' }: { size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  const changeLocale = useChangeLocale();
  return (
    <NativeSelect
      aria-label={t('ui.language')}
      title={t('ui.language')}
      size={size}
      w={size === 'xs' ? 104 : 140}
      value={asLocale(i18n.language)}
      onChange={(event) => void changeLocale(asLocale(event.currentTarget.value))}
      data={locales.map((locale) => ({ value: locale, label: t(`ui.languages.${locale}`) }))}
    />
  );
}
