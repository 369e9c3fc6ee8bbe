import { ActionIcon, Badge, Button, Group, Paper, Select, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { questionTypes, type QuestionType } from '../../core/diagnostics/framework.schema.js';
import { TrashIcon, PlusIcon } from '../shared/icons.js';
import { freeKey, getIn, withType, type DraftQuestion, type Path } from './framework-draft.js';
import { fieldId, LocalizedAt, NumberAt, SwitchAt, TextAt, useEditor } from './framework-fields.component.js';
import { emptyText, localized } from './framework-texts.js';

interface Props {
  path: Path;
  index: number;
  count: number;
  isOpen: boolean;
  onToggle(): void;
  onMove(step: -1 | 1): void;
  onRemove(): void;
}

/** One question: a summary line, and when opened every field its type uses. */
export function QuestionCard({ path, index, count, isOpen, onToggle, onMove, onRemove }: Props) {
  const { t, i18n } = useTranslation();
  const editor = useEditor();
  const question = getIn(editor.draft, path) as DraftQuestion;
  const errors = editor.errorCountUnder(path);
  const panelId = `${fieldId(path)}-panel`;
  const title = localized(question.text, i18n.language) || t('frameworks.newQuestion');

  return (
    <Paper withBorder radius="md" p="sm" component="article" aria-label={`${t('frameworks.question', { index: index + 1 })} — ${title}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <UnstyledButton onClick={onToggle} aria-expanded={isOpen} aria-controls={panelId} style={{ flex: 1, minWidth: 0 }}>
          <Stack gap={4}>
            <Group gap={6} wrap="wrap">
              <Text size="sm" fw={700}>
                {t('frameworks.question', { index: index + 1 })}
              </Text>
              <Badge size="sm" variant="light" color="gray">
                {t(`frameworks.types.${question.type}`)}
              </Badge>
              {question.type !== 'text' ? (
                <Badge size="sm" variant="light" color="blue">
                  {t('frameworks.weightShort', { weight: question.weight })}
                </Badge>
              ) : null}
              {errors > 0 ? (
                <Badge size="sm" color="red">
                  {t('frameworks.errorCount', { count: errors })}
                </Badge>
              ) : null}
            </Group>
            <Text size="sm" lineClamp={isOpen ? undefined : 2}>
              <bdi>{title}</bdi>
            </Text>
            <Text size="xs" c="dimmed" className="ltr-value">
              {question.key}
            </Text>
          </Stack>
        </UnstyledButton>
        {!editor.readOnly ? (
          <Group gap={4} wrap="nowrap">
            <ActionIcon variant="default" size="md" aria-label={t('frameworks.moveUp')} disabled={index === 0} onClick={() => onMove(-1)}>
              ↑
            </ActionIcon>
            <ActionIcon variant="default" size="md" aria-label={t('frameworks.moveDown')} disabled={index === count - 1} onClick={() => onMove(1)}>
              ↓
            </ActionIcon>
            <ActionIcon variant="subtle" color="red" size="md" aria-label={t('frameworks.removeQuestion')} disabled={count === 1} onClick={onRemove}>
              <TrashIcon size={16} />
            </ActionIcon>
          </Group>
        ) : null}
      </Group>
      {isOpen ? (
        <Stack gap="sm" mt="sm" id={panelId}>
          <Group gap="sm" align="flex-start" wrap="wrap">
            <TextAt path={[...path, 'key']} label={t('frameworks.questionKey')} description={t('frameworks.questionKeyHelp')} dir="ltr" w={260} />
            <Select
              id={fieldId([...path, 'type'])}
              label={t('frameworks.type')}
              data={questionTypes.map((type) => ({ value: type, label: t(`frameworks.types.${type}`) }))}
              value={question.type}
              onChange={(type) => type && editor.set(path, withType(question, type as QuestionType))}
              allowDeselect={false}
              readOnly={editor.readOnly}
              error={editor.errorAt([...path, 'type'])}
              w={260}
            />
            {question.type !== 'text' ? (
              <NumberAt path={[...path, 'weight']} label={t('frameworks.weight')} description={t('frameworks.weightHelp')} min={0} max={10} step={0.1} w={200} />
            ) : null}
          </Group>
          <LocalizedAt path={[...path, 'text']} label={t('frameworks.questionText')} multiline />
          <LocalizedAt path={[...path, 'help']} label={t('frameworks.help')} multiline optional />
          <TypeFields path={path} question={question} />
          <Group gap="lg" wrap="wrap">
            <SwitchAt path={[...path, 'allowNotApplicable']} label={t('frameworks.allowNotApplicable')} fallback />
            {question.type === 'yes_no' ? <SwitchAt path={[...path, 'yesIsGood']} label={t('frameworks.yesIsGood')} fallback /> : null}
          </Group>
          <TextAt path={[...path, 'reference']} label={t('frameworks.reference')} dir="auto" />
        </Stack>
      ) : null}
    </Paper>
  );
}

function TypeFields({ path, question }: { path: Path; question: DraftQuestion }) {
  const { t } = useTranslation();
  const editor = useEditor();

  if (question.type === 'maturity') {
    return (
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('frameworks.levels')}
        </Text>
        {editor.errorAt([...path, 'levels']) ? (
          <Text size="xs" c="red" id={fieldId([...path, 'levels'])}>
            {editor.errorAt([...path, 'levels'])}
          </Text>
        ) : null}
        {(question.levels ?? []).map((_level, level) => (
          <LocalizedAt key={level} path={[...path, 'levels', level]} label={t('frameworks.level', { level: level + 1 })} multiline />
        ))}
        {!question.levels && !editor.readOnly ? (
          <Button size="xs" variant="light" onClick={() => editor.set([...path, 'levels'], [emptyText(), emptyText(), emptyText(), emptyText()])}>
            {t('frameworks.levels')}
          </Button>
        ) : null}
      </Stack>
    );
  }

  if (question.type === 'single_choice' || question.type === 'multiple_choice') {
    const options = question.options ?? [];
    return (
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('frameworks.options')}
        </Text>
        {editor.errorAt([...path, 'options']) ? (
          <Text size="xs" c="red" id={fieldId([...path, 'options'])}>
            {editor.errorAt([...path, 'options'])}
          </Text>
        ) : null}
        {options.map((_option, o) => (
          <Paper key={o} withBorder radius="sm" p="xs" bg="var(--mantine-color-gray-0)">
            <Stack gap="xs">
              <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
                <Group gap="xs" align="flex-start" wrap="wrap">
                  <TextAt path={[...path, 'options', o, 'value']} label={t('frameworks.optionValue')} dir="ltr" w={180} />
                  <NumberAt path={[...path, 'options', o, 'score']} label={t('frameworks.optionScore')} min={0} max={1} step={0.05} w={140} />
                </Group>
                {!editor.readOnly ? (
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    disabled={options.length <= 2}
                    onClick={() => editor.set([...path, 'options'], options.filter((_item, index) => index !== o))}
                  >
                    {t('frameworks.removeOption', { index: o + 1 })}
                  </Button>
                ) : null}
              </Group>
              <LocalizedAt path={[...path, 'options', o, 'label']} label={t('frameworks.option', { index: o + 1 })} />
            </Stack>
          </Paper>
        ))}
        {!editor.readOnly ? (
          <Group>
            <Button
              size="xs"
              variant="light"
              leftSection={<PlusIcon size={14} />}
              disabled={options.length >= 20}
              onClick={() =>
                editor.set([...path, 'options'], [...options, { value: freeKey('option', options.map((option) => option.value)), score: 0, label: emptyText() }])
              }
            >
              {t('frameworks.addOption')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    );
  }

  if (question.type === 'number') {
    return (
      <Stack gap="xs">
        <Text size="sm" fw={600} id={fieldId([...path, 'numberScale'])}>
          {t('frameworks.numberScale')}
        </Text>
        {editor.errorAt([...path, 'numberScale']) ? (
          <Text size="xs" c="red">
            {editor.errorAt([...path, 'numberScale'])}
          </Text>
        ) : null}
        <Group gap="sm" wrap="wrap" align="flex-start">
          <NumberAt path={[...path, 'numberScale', 'worst']} label={t('frameworks.worst')} w={180} />
          <NumberAt path={[...path, 'numberScale', 'best']} label={t('frameworks.best')} w={180} />
        </Group>
        <LocalizedAt path={[...path, 'numberScale', 'unit']} label={t('frameworks.unit')} optional />
      </Stack>
    );
  }

  return null;
}
