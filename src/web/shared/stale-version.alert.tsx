import { Alert, Button, Stack, Text } from '@mantine/core';

/** Someone saved the record after this form opened it: say so and offer to start again from their version. */
export function StaleVersionAlert({ title, message, reloadLabel, onReload }: { title: string; message: string; reloadLabel: string; onReload: () => unknown }) {
  return (
    <Alert color="orange" variant="light" title={title} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{message}</Text>
        <Button size="xs" variant="white" onClick={() => void onReload()}>
          {reloadLabel}
        </Button>
      </Stack>
    </Alert>
  );
}
