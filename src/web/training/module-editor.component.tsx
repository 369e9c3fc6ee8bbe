import { ActionIcon, Alert, Button, Card, Checkbox, Group, MultiSelect, NumberInput, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../core/diagnostics/framework.schema.js';
import { toIssues, type Issue } from '../../core/shared/errors.js';
import { moduleCreateSchema } from '../../core/training/catalogue.schema.js';
import { durationFromSequences, moveItem } from '../../core/training/catalogue.rules.js';
import { moduleAudiences, moduleFormats, type ModuleFormat, type TrainingModule, type TrainingModuleDefinition } from '../../core/training/module.schema.js';
import { isApiError } from '../shared/api-client.js';
import { PlusIcon, TrashIcon } from '../shared/icons.js';
import { errorMessage, translateIssue } from '../shared/issue-messages.js';
import { StaleVersionAlert } from '../shared/stale-version.alert.js';
import { frameworkDomains, localized, useModuleList, useSaveModule } from './catalogue.api.js';

const emptyText = (): LocalizedText => ({ fr: '', ar: '', en: '' });

export function blankDefinition(): TrainingModuleDefinition {
  return {
    title: emptyText(),
    domainKeys: [],
    needKeys: [],
    objectives: [emptyText()],
    sequences: [{ title: emptyText(), method: emptyText(), minutes: 60 }],
    durationHours: 1,
    format: 'grouped_training',
    audience: [],
    prerequisites: [],
    materials: [],
  };
}

function LocalizedFields({ label, value, onChange, error }: { label: string; value: LocalizedText; onChange: (value: LocalizedText) => void; error?: (lang: string) => string | undefined }) {
  const { t } = useTranslation();
  const languages = [
    ['fr', t('training.french'), 'ltr'],
    ['ar', t('training.arabic'), 'rtl'],
    ['en', t('training.english'), 'ltr'],
  ] as const;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {languages.map(([lang, name, dir]) => (
        <TextInput
          key={lang}
          aria-label={`${label} — ${name}`}
          leftSection={<Text size="xs" c="dimmed">{lang.toUpperCase()}</Text>}
          dir={dir}
          lang={lang}
          value={value[lang]}
          error={error?.(lang)}
          onChange={(event) => onChange({ ...value, [lang]: event.currentTarget.value })}
        />
      ))}
    </Stack>
  );
}

/** Edits a module's definition (and its code when new): every text in three languages. */
export function ModuleEditor({ module, onDone }: { module?: TrainingModule; onDone: (saved?: TrainingModule) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [code, setCode] = useState(module?.code ?? '');
  const [draft, setDraft] = useState<TrainingModuleDefinition>(() => structuredClone(module?.definition ?? blankDefinition()));
  const [manualDuration, setManualDuration] = useState(() => (module ? module.definition.durationHours !== durationFromSequences(module.definition.sequences) : false));
  const [issues, setIssues] = useState<Issue[]>([]);
  const save = useSaveModule(module?.id);
  const catalogue = useModuleList({});

  const computed = durationFromSequences(draft.sequences);
  const update = (change: Partial<TrainingModuleDefinition>) => setDraft((previous) => ({ ...previous, ...change }));
  const errorAt = (...path: (string | number)[]) => {
    const found = issues.find((issue) => issue.path.join('.') === path.join('.'));
    return found ? translateIssue(t, found) : undefined;
  };
  const textError = (...path: (string | number)[]) => (lang: string) => errorAt(...path, lang);

  const submit = () => {
    const definition = { ...draft, durationHours: manualDuration ? draft.durationHours : computed };
    const parsed = moduleCreateSchema.safeParse({ code, definition });
    if (!parsed.success) {
      setIssues(toIssues(parsed.error.issues));
      return;
    }
    setIssues([]);
    save.mutate(
      { code: parsed.data.code, definition: parsed.data.definition, ...(module ? { version: module.version } : {}) },
      {
        onSuccess: (saved) => onDone(saved),
        onError: (error) => {
          if (isApiError(error) && error.issues.length > 0) setIssues(error.issues);
        },
      },
    );
  };

  const stale = isApiError(save.error, 'conflict') && save.error.params.reason === 'stale_version';
  const domainOptions = frameworkDomains.map((domain) => ({ value: domain.key, label: localized(domain.label, language) }));
  const needOptions = frameworkDomains
    .filter((domain) => draft.domainKeys.length === 0 || draft.domainKeys.includes(domain.key))
    .map((domain) => ({ group: localized(domain.label, language), items: domain.questions.map((question) => ({ value: question.key, label: localized(question.text, language) })) }));
  const prerequisiteOptions = (catalogue.data ?? []).filter((item) => item.code !== code).map((item) => ({ value: item.code, label: `${item.code} — ${localized(item.title, language)}` }));

  return (
    <Stack gap="md">
      {stale && <StaleVersionAlert title={t('training.staleTitle')} message={t('training.staleMessage')} reloadLabel={t('training.reload')} onReload={() => onDone()} />}
      {issues.length > 0 && (
        <Alert color="red" role="alert">
          {t('training.fixErrors')}
          <ul>
            {issues.slice(0, 6).map((issue) => (
              <li key={issue.path.join('.')}>
                <span dir="ltr">{issue.path.join(' › ')}</span> : {translateIssue(t, issue)}
              </li>
            ))}
          </ul>
        </Alert>
      )}
      {save.isError && !stale && !(isApiError(save.error) && save.error.issues.length > 0) && <Alert color="red">{errorMessage(t, save.error)}</Alert>}
      {!module && <TextInput label={t('fields.trainingModuleCode')} description={t('training.codeHint')} dir="ltr" value={code} error={errorAt('code')} onChange={(event) => setCode(event.currentTarget.value.toUpperCase())} required />}
      <LocalizedFields label={t('training.titleLabel')} value={draft.title} onChange={(title) => update({ title })} error={textError('definition', 'title')} />
      <MultiSelect label={t('training.domain')} data={domainOptions} value={draft.domainKeys} onChange={(domainKeys) => update({ domainKeys })} error={errorAt('definition', 'domainKeys')} required />
      <MultiSelect label={t('training.needs')} data={needOptions} value={draft.needKeys} onChange={(needKeys) => update({ needKeys })} searchable />
      <Group grow align="flex-start" wrap="wrap">
        <Select
          label={t('training.format')}
          data={moduleFormats.map((value) => ({ value, label: t(`training.formats.${value}`) }))}
          value={draft.format}
          onChange={(value) => value && update({ format: value as ModuleFormat })}
          allowDeselect={false}
          style={{ minWidth: 200 }}
        />
        <Stack gap={4} style={{ minWidth: 200 }}>
          <NumberInput
            label={t('training.duration')}
            suffix=" h"
            min={0.5}
            max={200}
            step={0.5}
            disabled={!manualDuration}
            value={manualDuration ? draft.durationHours : computed}
            onChange={(value) => update({ durationHours: Number(value) || 0.5 })}
            description={t('training.computedDuration', { value: computed })}
            error={errorAt('definition', 'durationHours')}
          />
          <Switch size="xs" label={t('training.manualDuration')} checked={manualDuration} onChange={(event) => setManualDuration(event.currentTarget.checked)} />
        </Stack>
      </Group>
      <Checkbox.Group label={t('training.audience')} value={draft.audience} onChange={(value) => update({ audience: value as TrainingModuleDefinition['audience'] })} error={errorAt('definition', 'audience')}>
        <Group gap="sm" mt={4}>
          {moduleAudiences.map((audience) => (
            <Checkbox key={audience} value={audience} label={t(`training.audiences.${audience}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <MultiSelect label={t('training.prerequisites')} data={prerequisiteOptions} value={draft.prerequisites} onChange={(prerequisites) => update({ prerequisites })} searchable error={draft.prerequisites.map((_, index) => errorAt('definition', 'prerequisites', index)).find(Boolean)} />

      <Title order={3} size="h5">{t('training.objectives')}</Title>
      {draft.objectives.map((objective, index) => (
        <Group key={index} align="flex-start" wrap="nowrap">
          <div style={{ flex: 1 }}>
            <LocalizedFields label={`${index + 1}.`} value={objective} onChange={(value) => update({ objectives: draft.objectives.map((item, at) => (at === index ? value : item)) })} error={textError('definition', 'objectives', index)} />
          </div>
          <ActionIcon variant="subtle" color="red" aria-label={t('training.remove')} onClick={() => update({ objectives: draft.objectives.filter((_, at) => at !== index) })}>
            <TrashIcon />
          </ActionIcon>
        </Group>
      ))}
      <Button variant="light" leftSection={<PlusIcon />} onClick={() => update({ objectives: [...draft.objectives, emptyText()] })} style={{ alignSelf: 'flex-start' }}>
        {t('training.addObjective')}
      </Button>

      <Title order={3} size="h5">{t('training.sequences')}</Title>
      {draft.sequences.map((sequence, index) => (
        <Card key={index} withBorder padding="sm">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={600}>{t('training.sequence', { index: index + 1 })}</Text>
              <Group gap={4}>
                <Button size="compact-xs" variant="subtle" disabled={index === 0} onClick={() => update({ sequences: moveItem(draft.sequences, index, index - 1) })}>
                  {t('training.moveUp')}
                </Button>
                <Button size="compact-xs" variant="subtle" disabled={index === draft.sequences.length - 1} onClick={() => update({ sequences: moveItem(draft.sequences, index, index + 1) })}>
                  {t('training.moveDown')}
                </Button>
                <ActionIcon variant="subtle" color="red" aria-label={t('training.remove')} onClick={() => update({ sequences: draft.sequences.filter((_, at) => at !== index) })}>
                  <TrashIcon />
                </ActionIcon>
              </Group>
            </Group>
            <LocalizedFields label={t('training.sequenceTitle')} value={sequence.title} onChange={(title) => update({ sequences: draft.sequences.map((item, at) => (at === index ? { ...item, title } : item)) })} error={textError('definition', 'sequences', index, 'title')} />
            <LocalizedFields label={t('training.method')} value={sequence.method} onChange={(method) => update({ sequences: draft.sequences.map((item, at) => (at === index ? { ...item, method } : item)) })} error={textError('definition', 'sequences', index, 'method')} />
            <NumberInput
              label={t('training.minutesLabel')}
              min={5}
              max={600}
              step={15}
              value={sequence.minutes}
              error={errorAt('definition', 'sequences', index, 'minutes')}
              onChange={(value) => update({ sequences: draft.sequences.map((item, at) => (at === index ? { ...item, minutes: Number(value) || 0 } : item)) })}
              style={{ maxWidth: 160 }}
            />
          </Stack>
        </Card>
      ))}
      <Button variant="light" leftSection={<PlusIcon />} onClick={() => update({ sequences: [...draft.sequences, { title: emptyText(), method: emptyText(), minutes: 60 }] })} style={{ alignSelf: 'flex-start' }}>
        {t('training.addSequence')}
      </Button>

      <Title order={3} size="h5">{t('training.materials')}</Title>
      {draft.materials.map((material, index) => (
        <Group key={index} align="flex-start" wrap="nowrap">
          <div style={{ flex: 1 }}>
            <LocalizedFields label={`${index + 1}.`} value={material} onChange={(value) => update({ materials: draft.materials.map((item, at) => (at === index ? value : item)) })} error={textError('definition', 'materials', index)} />
          </div>
          <ActionIcon variant="subtle" color="red" aria-label={t('training.remove')} onClick={() => update({ materials: draft.materials.filter((_, at) => at !== index) })}>
            <TrashIcon />
          </ActionIcon>
        </Group>
      ))}
      <Button variant="light" leftSection={<PlusIcon />} onClick={() => update({ materials: [...draft.materials, emptyText()] })} style={{ alignSelf: 'flex-start' }}>
        {t('training.addMaterial')}
      </Button>

      <Group justify="flex-end">
        <Button variant="default" onClick={() => onDone()}>
          {t('training.cancel')}
        </Button>
        <Button onClick={submit} loading={save.isPending}>
          {t('training.save')}
        </Button>
      </Group>
    </Stack>
  );
}
