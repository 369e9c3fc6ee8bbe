import { Anchor, Badge, Button, Card, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { usePermissions } from '../access/use-permissions.js';
import { ConfirmModal } from '../shared/confirm.modal.js';
import { ArchiveIcon, ArrowStartIcon, EditIcon, RestoreIcon } from '../shared/icons.js';
import { ErrorState, LoadingState } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { domainLabel, localized, needLabel, useArchiveModule, useModule, useModuleList } from './catalogue.api.js';
import { ModuleEditor } from './module-editor.component.js';

function BackLink() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/training/modules" size="sm">
      <Group gap={4}>
        <ArrowStartIcon />
        {t('training.backToCatalogue')}
      </Group>
    </Anchor>
  );
}

/** /training/modules/:moduleId — a module read in the reader's language; admins edit it. /training/modules/new creates one. */
export default function ModuleDetailPage() {
  const { moduleId } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const permissions = usePermissions();
  if (moduleId === 'new') {
    return (
      <Stack gap="md">
        <BackLink />
        <Title order={1}>{t('training.newModule')}</Title>
        {permissions.canManageCatalogue && <ModuleEditor onDone={(saved) => navigate(saved ? `/training/modules/${saved.id}` : '/training/modules')} />}
      </Stack>
    );
  }
  return <ModuleView moduleId={moduleId!} />;
}

function ModuleView({ moduleId }: { moduleId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const format = useFormat();
  const permissions = usePermissions();
  const module = useModule(moduleId);
  const catalogue = useModuleList({ includeArchived: true });
  const archive = useArchiveModule(moduleId);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);

  if (module.isPending) return <LoadingState />;
  if (module.isError) return <ErrorState error={module.error} onRetry={() => void module.refetch()} />;
  const { definition } = module.data;
  const byCode = new Map((catalogue.data ?? []).map((item) => [item.code, item]));

  if (editing) {
    return (
      <Stack gap="md">
        <BackLink />
        <Title order={1}>
          {localized(definition.title, language)} <Badge variant="light" color="gray" dir="ltr">{module.data.code}</Badge>
        </Title>
        <ModuleEditor
          key={module.data.version}
          module={module.data}
          onDone={(saved) => {
            if (!saved) void module.refetch();
            setEditing(false);
          }}
        />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <BackLink />
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1}>{localized(definition.title, language)}</Title>
          <Group gap={6}>
            <Badge variant="light" color="gray" dir="ltr">
              {module.data.code}
            </Badge>
            {module.data.isDefault && <Badge variant="outline">{t('training.shipped')}</Badge>}
            {module.data.archivedAt && <Badge color="orange">{t('training.archived')}</Badge>}
          </Group>
        </Stack>
        {permissions.canManageCatalogue && (
          <Group gap="xs">
            <Button leftSection={<EditIcon />} onClick={() => setEditing(true)}>
              {t('training.edit')}
            </Button>
            {module.data.archivedAt ? (
              <Button variant="default" leftSection={<RestoreIcon />} loading={archive.isPending} onClick={() => archive.mutate(false)}>
                {t('training.restore')}
              </Button>
            ) : (
              <Button variant="default" color="red" leftSection={<ArchiveIcon />} onClick={() => setConfirming(true)}>
                {t('training.archive')}
              </Button>
            )}
          </Group>
        )}
      </Group>

      <Card withBorder padding="md">
        <Stack gap={6}>
          <Group gap={4}>
            {definition.domainKeys.map((key) => (
              <Badge key={key} variant="dot">
                {domainLabel(key, language)}
              </Badge>
            ))}
          </Group>
          <Text>
            <b>{t('ui.labelColon', { label: t('training.format') })}</b> {t(`training.formats.${definition.format}`)}
          </Text>
          <Text>
            <b>{t('ui.labelColon', { label: t('training.duration') })}</b> {t('training.hours', { value: format.number(definition.durationHours) })}
          </Text>
          <Text>
            <b>{t('ui.labelColon', { label: t('training.audience') })}</b> {definition.audience.map((audience) => t(`training.audiences.${audience}`)).join(', ')}
          </Text>
          <Text>
            <b>{t('ui.labelColon', { label: t('training.prerequisites') })}</b>{' '}
            {definition.prerequisites.length === 0
              ? t('training.none')
              : definition.prerequisites.map((code, index) => {
                  const target = byCode.get(code);
                  return (
                    <span key={code}>
                      {index > 0 && ', '}
                      {target ? (
                        <Anchor component={Link} to={`/training/modules/${target.id}`}>
                          {localized(target.title, language)}
                        </Anchor>
                      ) : (
                        <span dir="ltr">{code}</span>
                      )}
                    </span>
                  );
                })}
          </Text>
        </Stack>
      </Card>

      <section>
        <Title order={2} size="h4" mb="xs">
          {t('training.objectives')}
        </Title>
        <List spacing={4}>
          {definition.objectives.map((objective, index) => (
            <List.Item key={index}>{localized(objective, language)}</List.Item>
          ))}
        </List>
      </section>

      <section>
        <Title order={2} size="h4" mb="xs">
          {t('training.sequences')}
        </Title>
        <Stack gap="xs">
          {definition.sequences.map((sequence, index) => (
            <Card key={index} withBorder padding="sm">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text fw={600}>
                  {index + 1}. {localized(sequence.title, language)}
                </Text>
                <Badge variant="light" style={{ flexShrink: 0 }}>
                  {t('training.minutes', { count: sequence.minutes })}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {localized(sequence.method, language)}
              </Text>
            </Card>
          ))}
        </Stack>
      </section>

      {definition.materials.length > 0 && (
        <section>
          <Title order={2} size="h4" mb="xs">
            {t('training.materials')}
          </Title>
          <List spacing={4}>
            {definition.materials.map((material, index) => (
              <List.Item key={index}>{localized(material, language)}</List.Item>
            ))}
          </List>
        </section>
      )}

      {definition.needKeys.length > 0 && (
        <section>
          <Title order={2} size="h4" mb="xs">
            {t('training.needs')}
          </Title>
          <Table>
            <Table.Tbody>
              {definition.needKeys.map((key) => (
                <Table.Tr key={key}>
                  <Table.Td>{needLabel(key, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      )}

      <ConfirmModal
        opened={confirming}
        title={t('training.archive')}
        message={t('training.archiveConfirm')}
        confirmLabel={t('training.archive')}
        danger
        pending={archive.isPending}
        error={archive.error}
        onConfirm={() => archive.mutate(true, { onSuccess: () => setConfirming(false) })}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}
