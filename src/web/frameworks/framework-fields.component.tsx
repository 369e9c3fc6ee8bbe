import { NumberInput, SimpleGrid, Stack, Switch, Text, TextInput, Textarea, type MantineStyleProp } from '@mantine/core';
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../core/diagnostics/framework.schema.js';
import { getIn, type FrameworkDraft, type Path } from './framework-draft.js';
import { emptyText, textLanguages } from './framework-texts.js';

/** What every field of the editor reads and writes: the draft, by path, and the issues found at a path. */
export interface EditorState {
  draft: FrameworkDraft;
  readOnly: boolean;
  set(path: Path, value: unknown): void;
  errorAt(path: Path): string | undefined;
  errorCountUnder(path: Path): number;
}

export const EditorContext = createContext<EditorState | null>(null);

export function useEditor(): EditorState {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor outside the framework editor');
  return editor;
}

/** The id a field gets, which the list of issues links to. */
export const fieldId = (path: Path) => `field-${path.join('-')}`;

interface FieldProps {
  path: Path;
  label: string;
  description?: string;
  w?: number | string;
  style?: MantineStyleProp;
}

export function TextAt({ path, label, description, w, dir, lang, multiline, ariaLabel }: FieldProps & { dir?: 'ltr' | 'rtl' | 'auto'; lang?: string; multiline?: boolean; ariaLabel?: string }) {
  const editor = useEditor();
  const value = getIn(editor.draft, path);
  const common = {
    id: fieldId(path),
    label,
    description,
    value: typeof value === 'string' ? value : '',
    error: editor.errorAt(path),
    readOnly: editor.readOnly,
    dir,
    lang,
    w,
    ...(ariaLabel ? { 'aria-label': ariaLabel } : {}),
  };
  return multiline ? (
    <Textarea {...common} autosize minRows={1} maxRows={6} onChange={(event) => editor.set(path, event.currentTarget.value)} />
  ) : (
    <TextInput {...common} onChange={(event) => editor.set(path, event.currentTarget.value)} />
  );
}

export function NumberAt({ path, label, description, w, min, max, step }: FieldProps & { min?: number; max?: number; step?: number }) {
  const editor = useEditor();
  const value = getIn(editor.draft, path);
  return (
    <NumberInput
      id={fieldId(path)}
      label={label}
      description={description}
      value={typeof value === 'number' && !Number.isNaN(value) ? value : ''}
      onChange={(next) => editor.set(path, typeof next === 'number' ? next : next === '' ? Number.NaN : Number(next))}
      error={editor.errorAt(path)}
      readOnly={editor.readOnly}
      min={min}
      max={max}
      step={step}
      decimalScale={step !== undefined && step < 1 ? 2 : undefined}
      w={w}
      dir="ltr"
    />
  );
}

export function SwitchAt({ path, label, inverted = false, fallback = false }: FieldProps & { inverted?: boolean; fallback?: boolean }) {
  const editor = useEditor();
  const value = getIn(editor.draft, path);
  const checked = typeof value === 'boolean' ? value : fallback;
  return (
    <Switch
      id={fieldId(path)}
      label={label}
      checked={inverted ? !checked : checked}
      disabled={editor.readOnly}
      onChange={(event) => editor.set(path, inverted ? !event.currentTarget.checked : event.currentTarget.checked)}
    />
  );
}

/** One text in French, Arabic and English, side by side on a wide screen, one under the other on a phone. */
export function LocalizedAt({ path, label, multiline, optional }: FieldProps & { multiline?: boolean; optional?: boolean }) {
  const { t } = useTranslation();
  const editor = useEditor();
  const value = getIn(editor.draft, path) as LocalizedText | undefined;
  const ownError = editor.errorAt(path);
  return (
    <Stack gap={4} role="group" aria-label={label}>
      <Text size="sm" fw={500}>
        {label}
        {optional ? (
          <Text span c="dimmed" size="xs">
            {' '}
            ({t('frameworks.optional')})
          </Text>
        ) : null}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="xs" verticalSpacing="xs">
        {textLanguages.map((language) => {
          const languagePath = [...path, language];
          const common = {
            id: fieldId(languagePath),
            label: t(`frameworks.languages.${language}`),
            'aria-label': `${label} — ${t(`frameworks.languages.${language}`)}`,
            value: value?.[language] ?? '',
            error: editor.errorAt(languagePath),
            readOnly: editor.readOnly,
            dir: language === 'ar' ? ('rtl' as const) : ('ltr' as const),
            lang: language,
            size: 'sm' as const,
          };
          const change = (text: string) => editor.set(path, { ...(value ?? emptyText()), [language]: text });
          return multiline ? (
            <Textarea key={language} {...common} autosize minRows={1} maxRows={6} onChange={(event) => change(event.currentTarget.value)} />
          ) : (
            <TextInput key={language} {...common} onChange={(event) => change(event.currentTarget.value)} />
          );
        })}
      </SimpleGrid>
      {ownError ? (
        <Text size="xs" c="red">
          {ownError}
        </Text>
      ) : null}
    </Stack>
  );
}
