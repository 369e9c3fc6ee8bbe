import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { percentOf, subtractMad } from '../../core/financing/balances.js';
import type { Balance } from '../../core/financing/balances.js';
import { useFormat } from '../shared/use-format.js';

/**
 * What a line (or a funder, a category, the programme) holds and where it
 * stands: disbursed in dark, committed and not paid yet in light, what is
 * left empty; red when a confirmed overrun took it past its amount.
 */
export function BalanceBar({ balance, size = 'lg', showFigures = true }: { balance: Balance; size?: 'sm' | 'md' | 'lg' | 'xl'; showFigures?: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const over = balance.availableMad < 0;
  const disbursed = percentOf(balance.disbursedMad, Math.max(balance.amountMad, balance.committedMad));
  const committed = percentOf(subtractMad(balance.committedMad, balance.disbursedMad), Math.max(balance.amountMad, balance.committedMad));
  const label = t('financing.bar.label', { committed: format.amount(balance.committedMad), disbursed: format.amount(balance.disbursedMad), amount: format.amount(balance.amountMad) });
  return (
    <Stack gap={4}>
      <Progress.Root size={size} aria-label={label} title={label}>
        <Progress.Section value={disbursed} color={over ? 'red.8' : 'teal.7'} withAria={false} />
        <Progress.Section value={committed} color={over ? 'red.4' : 'teal.3'} withAria={false} />
      </Progress.Root>
      {showFigures ? (
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Text size="xs" c="dimmed">
            {t('financing.bar.committedOf', { committed: format.amount(balance.committedMad), amount: format.amount(balance.amountMad) })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('financing.bar.disbursed', { disbursed: format.amount(balance.disbursedMad) })}
          </Text>
          <Text size="xs" fw={600} c={over ? 'red.8' : undefined}>
            {over ? t('financing.bar.over', { amount: format.amount(-balance.availableMad) }) : t('financing.bar.available', { amount: format.amount(balance.availableMad) })}
          </Text>
        </Group>
      ) : null}
    </Stack>
  );
}
