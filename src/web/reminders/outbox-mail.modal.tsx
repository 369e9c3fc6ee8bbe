import { Alert, Badge, Group, Modal, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../shared/use-format.js';
import { ErrorState, LoadingState } from '../shared/page-states.js';
import { useOutboxMail } from './outbox.api.js';
import { MailStatusBadge } from './mail-status.badge.js';

/** Links open outside the frame; the frame runs no script (sandboxed). */
function framed(html: string): string {
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (head) => `${head}${base}`) : `${base}${html}`;
}

/** One e-mail: who, when, how it went, then its layout (HTML, sandboxed) or its plain text. */
export function OutboxMailModal({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const mail = useOutboxMail(id);
  return (
    <Modal opened onClose={onClose} size="xl" title={mail.data ? <bdi>{mail.data.subject}</bdi> : t('reminders.outbox.open')} centered>
      {mail.isPending ? <LoadingState /> : null}
      {mail.isError ? <ErrorState error={mail.error} onRetry={() => void mail.refetch()} /> : null}
      {mail.data ? (
        <Stack gap="sm">
          <Group gap="xs" wrap="wrap">
            <MailStatusBadge status={mail.data.status} />
            <Badge variant="light" color="gray">
              {t(`reminders.outbox.kinds.${mail.data.kind}`, { defaultValue: mail.data.kind })}
            </Badge>
            {mail.data.attempts > 0 ? (
              <Text size="sm" c="dimmed">
                {t('reminders.outbox.attempts', { count: mail.data.attempts })}
              </Text>
            ) : null}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            <div>
              <Text size="xs" c="dimmed">
                {t('reminders.outbox.to')}
              </Text>
              <Text size="sm">
                {mail.data.toName ? <bdi>{mail.data.toName}</bdi> : null} <span className="ltr-value">&lt;{mail.data.toAddress}&gt;</span>
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                {mail.data.sentAt ? t('reminders.outbox.sentAt') : t('reminders.outbox.date')}
              </Text>
              <Text size="sm">{format.dateTime(mail.data.sentAt ?? mail.data.createdAt)}</Text>
            </div>
          </SimpleGrid>
          {mail.data.lastError ? (
            <Alert color="red" variant="light" title={t('reminders.outbox.lastError')}>
              <Text size="sm" className="ltr-value">
                {mail.data.lastError}
              </Text>
            </Alert>
          ) : null}
          <Tabs defaultValue={mail.data.htmlBody ? 'html' : 'text'} keepMounted={false}>
            <Tabs.List>
              {mail.data.htmlBody ? <Tabs.Tab value="html">{t('reminders.outbox.html')}</Tabs.Tab> : null}
              <Tabs.Tab value="text">{t('reminders.outbox.text')}</Tabs.Tab>
            </Tabs.List>
            {mail.data.htmlBody ? (
              <Tabs.Panel value="html" pt="sm">
                <iframe
                  title={mail.data.subject}
                  sandbox="allow-popups allow-popups-to-escape-sandbox"
                  srcDoc={framed(mail.data.htmlBody)}
                  style={{ width: '100%', height: '60vh', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-sm)', background: 'white' }}
                />
              </Tabs.Panel>
            ) : null}
            <Tabs.Panel value="text" pt="sm">
              <Text
                component="pre"
                size="sm"
                dir={mail.data.locale === 'ar' ? 'rtl' : 'ltr'}
                style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0, fontFamily: 'inherit' }}
              >
                {mail.data.textBody}
              </Text>
            </Tabs.Panel>
          </Tabs>
        </Stack>
      ) : null}
    </Modal>
  );
}
