import { Badge, Button, Card, Checkbox, Group, NumberInput, Radio, SimpleGrid, Stack, Switch, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Answer } from '../../core/diagnostics/diagnostic-api.schema.js';
import { answerValueIssue } from '../../core/diagnostics/diagnostic.rules.js';
import type { LocalizedText, Question } from '../../core/diagnostics/framework.schema.js';
import { asLocale, isolate } from '../shared/i18n.js';
import { CheckIcon } from '../shared/icons.js';
import { useFormat } from '../shared/use-format.js';
import type { DraftAnswer } from './use-diagnostic-draft.js';

/** A framework text in the reader's language (French when missing). */
export function useLocalized() {
  const { i18n } = useTranslation();
  const locale = asLocale(i18n.language);
  return (text: LocalizedText | undefined) => (text ? text[locale] || text.fr : '');
}

interface Props {
  question: Question;
  number: string;
  draft: DraftAnswer | undefined;
  saved: Answer | undefined;
  readOnly: boolean;
  commentCount: number;
  onChange: (patch: Partial<DraftAnswer>) => void;
  onComment?: () => void;
}

/** One question: its text and help, the input its type calls for, "not applicable", a note, and who answered it when. */
export function QuestionCard({ question, number, draft, saved, readOnly, commentCount, onChange, onComment }: Props) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const format = useFormat();
  const value = draft?.value ?? null;
  const notApplicable = draft?.notApplicable ?? false;
  const note = draft?.note ?? '';
  const [noteOpen, setNoteOpen] = useState(note !== '');
  // Read-only answers stay legible (a disabled input hides its value); only "not applicable" greys the input out.
  const disabled = notApplicable;
  const isScored = question.type !== 'text' && question.weight > 0;
  const isAnswered = notApplicable || (value !== null && answerValueIssue(question, value) === null);
  const titleId = `question-${question.key}`;

  return (
    <Card withBorder radius="md" padding="md" data-testid="question-card" data-question-key={question.key} aria-labelledby={titleId} component="section">
      <Stack gap="sm">
        <Stack gap={4}>
          <Group justify="space-between" gap="xs" wrap="nowrap">
            <Text c="dimmed" fw={600} size="sm">
              {number}
            </Text>
            {isAnswered ? (
              <Badge color="teal" variant="light" size="sm" leftSection={<CheckIcon size={12} />}>
                {t('diagnostics.question.answered')}
              </Badge>
            ) : isScored ? null : (
              <Badge color="gray" variant="light" size="sm">
                {t('diagnostics.question.notScored')}
              </Badge>
            )}
          </Group>
          <Text fw={600} id={titleId}>
            {localized(question.text)}
          </Text>
        </Stack>
        {question.help ? (
          <Text size="sm" c="dimmed">
            {localized(question.help)}
          </Text>
        ) : null}
        {question.reference ? (
          <Text size="xs" c="dimmed">
            {t('diagnostics.question.reference', { reference: isolate(question.reference) })}
          </Text>
        ) : null}

        <AnswerInput question={question} value={value} disabled={disabled} readOnly={readOnly} labelledBy={titleId} onChange={(next) => onChange({ value: next })} />

        <Group justify="space-between" gap="xs">
          {question.allowNotApplicable ? (
            <Switch
              label={t('diagnostics.question.notApplicable')}
              checked={notApplicable}
              disabled={readOnly}
              onChange={(event) => onChange({ notApplicable: event.currentTarget.checked })}
            />
          ) : (
            <span />
          )}
          <Group gap="xs">
            {!readOnly && !noteOpen ? (
              <Button variant="subtle" size="compact-sm" onClick={() => setNoteOpen(true)}>
                {t('diagnostics.question.addNote')}
              </Button>
            ) : null}
            {onComment ? (
              <Button variant="subtle" size="compact-sm" onClick={onComment}>
                {commentCount > 0 ? t('diagnostics.question.comments', { count: commentCount }) : t('diagnostics.question.comment')}
              </Button>
            ) : null}
          </Group>
        </Group>

        {noteOpen || note !== '' ? (
          <Textarea
            label={t('diagnostics.question.note')}
            dir="auto"
            value={note}
            readOnly={readOnly}
            autosize
            minRows={2}
            maxLength={2000}
            onChange={(event) => onChange({ note: event.currentTarget.value })}
          />
        ) : null}

        {saved?.answeredBy ? (
          <Text size="xs" c="dimmed">
            {t('diagnostics.question.answeredBy', { name: isolate(saved.answeredBy.name), date: isolate(format.dateTime(saved.answeredAt)) })}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

interface InputProps {
  question: Question;
  value: DraftAnswer['value'];
  disabled: boolean;
  readOnly: boolean;
  labelledBy: string;
  onChange: (value: DraftAnswer['value']) => void;
}

function AnswerInput({ question, value, disabled, readOnly, labelledBy, onChange: change }: InputProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const onChange = readOnly ? () => undefined : change;
  switch (question.type) {
    case 'maturity':
      return (
        <Radio.Group value={typeof value === 'number' ? String(value) : null} onChange={(next) => onChange(Number(next))} readOnly={readOnly} aria-labelledby={labelledBy}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            {(question.levels ?? []).map((level, index) => (
              <Radio.Card
                key={index}
                value={String(index + 1)}
                disabled={disabled}
                radius="md"
                p="sm"
                style={{
                  minHeight: 56,
                  opacity: (disabled || readOnly) && value !== index + 1 ? 0.6 : 1,
                  cursor: disabled || readOnly ? 'default' : 'pointer',
                  ...(value === index + 1 ? { borderColor: 'var(--mantine-primary-color-filled)', background: 'var(--mantine-primary-color-light)' } : {}),
                }}
              >
                <Group wrap="nowrap" align="flex-start" gap="sm">
                  <Radio.Indicator />
                  <Stack gap={2}>
                    <Text fw={600} size="sm">
                      {t('diagnostics.question.level', { level: index + 1 })}
                    </Text>
                    <Text size="sm">{localized(level)}</Text>
                  </Stack>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>
      );
    case 'yes_no':
      return (
        <Group grow gap="sm" role="group" aria-labelledby={labelledBy}>
          {[true, false].map((option) => (
            <Button
              key={String(option)}
              size="lg"
              variant={value === option ? 'filled' : 'default'}
              aria-pressed={value === option}
              aria-disabled={readOnly || undefined}
              disabled={disabled}
              style={readOnly ? { cursor: 'default', opacity: value === option ? 1 : 0.6 } : undefined}
              onClick={() => onChange(value === option ? null : option)}
            >
              {option ? t('ui.yes') : t('ui.no')}
            </Button>
          ))}
        </Group>
      );
    case 'number': {
      const unit = localized(question.numberScale?.unit);
      return (
        <NumberInput
          aria-labelledby={labelledBy}
          value={typeof value === 'number' ? value : ''}
          disabled={disabled}
          readOnly={readOnly}
          size="md"
          inputMode="decimal"
          decimalScale={2}
          allowDecimal
          description={unit ? t('diagnostics.question.unit', { unit }) : undefined}
          onChange={(next) => onChange(typeof next === 'number' ? next : next === '' ? null : Number(next))}
          style={{ maxWidth: 280 }}
        />
      );
    }
    case 'single_choice':
      return (
        <Radio.Group value={typeof value === 'string' ? value : null} onChange={onChange} readOnly={readOnly} aria-labelledby={labelledBy}>
          <Stack gap="sm">
            {(question.options ?? []).map((option) => (
              <Radio key={option.value} value={option.value} label={localized(option.label)} disabled={disabled} size="md" />
            ))}
          </Stack>
        </Radio.Group>
      );
    case 'multiple_choice':
      return (
        <Checkbox.Group value={Array.isArray(value) ? value : []} onChange={onChange} readOnly={readOnly} aria-labelledby={labelledBy}>
          <Stack gap="sm">
            {(question.options ?? []).map((option) => (
              <Checkbox key={option.value} value={option.value} label={localized(option.label)} disabled={disabled} size="md" />
            ))}
          </Stack>
        </Checkbox.Group>
      );
    case 'text':
      return (
        <Textarea
          aria-labelledby={labelledBy}
          dir="auto"
          value={typeof value === 'string' ? value : ''}
          disabled={disabled}
          readOnly={readOnly}
          autosize
          minRows={3}
          maxLength={4000}
          onChange={(event) => onChange(event.currentTarget.value)}
        />
      );
  }
}
