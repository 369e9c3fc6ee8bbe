import { Alert, Badge, Button, Card, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiagnosticComment } from '../../core/diagnostics/diagnostic-api.schema.js';
import type { FrameworkDefinition } from '../../core/diagnostics/framework.schema.js';
import { isApiError } from '../shared/api-client.js';
import { errorMessage, translateIssue } from '../shared/issue-messages.js';
import { NothingHere } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { useAddComment } from './diagnostic.api.js';
import { useLocalized } from './question-card.component.js';

interface Props {
  diagnosticId: string;
  definition: FrameworkDefinition;
  comments: DiagnosticComment[];
  canComment: boolean;
  /** The question a new comment is about, when the reader came from a question's "comment" button. */
  questionKey: string | null;
  onQuestionKeyChange: (questionKey: string | null) => void;
}

/** Comments of every reader (the cooperative's representative too), on the whole diagnostic or on one question. */
export function CommentsPanel({ diagnosticId, definition, comments, canComment, questionKey, onQuestionKeyChange }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const localized = useLocalized();
  const addComment = useAddComment(diagnosticId);
  const [body, setBody] = useState('');
  const questions = definition.domains.flatMap((domain, d) => domain.questions.map((question, q) => ({ value: question.key, label: `${d + 1}.${q + 1} ${localized(question.text)}` })));
  const labelOf = (key: string | null) => (key ? (questions.find((question) => question.value === key)?.label ?? key) : null);

  const send = () => {
    if (!body.trim()) return;
    addComment.mutate({ body: body.trim(), questionKey }, { onSuccess: () => setBody('') });
  };

  return (
    <Stack gap="md">
      {comments.length === 0 ? <NothingHere title={t('diagnostics.comments.empty')} /> : null}
      {comments.map((comment) => (
        <Card key={comment.id} withBorder radius="md" padding="sm" data-testid="diagnostic-comment">
          <Stack gap={4}>
            <Group gap="xs" justify="space-between">
              <Group gap="xs">
                <Text fw={600} size="sm">
                  <bdi>{comment.author?.name ?? t('diagnostics.comments.unknownAuthor')}</bdi>
                </Text>
                {comment.kind === 'return' ? (
                  <Badge color="orange" variant="light" size="sm">
                    {t('diagnostics.comments.kinds.return')}
                  </Badge>
                ) : null}
              </Group>
              <Text size="xs" c="dimmed">
                {format.dateTime(comment.createdAt)}
              </Text>
            </Group>
            {comment.questionKey ? (
              <Text size="xs" c="dimmed">
                {t('diagnostics.comments.about', { question: labelOf(comment.questionKey) })}
              </Text>
            ) : null}
            <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {comment.body}
            </Text>
          </Stack>
        </Card>
      ))}

      {canComment ? (
        <Card withBorder radius="md" padding="md">
          <Stack gap="sm">
            <Select
              label={t('diagnostics.comments.question')}
              placeholder={t('diagnostics.comments.wholeDiagnostic')}
              data={questions}
              value={questionKey}
              onChange={onQuestionKeyChange}
              clearable
              searchable
            />
            <Textarea
              label={t('diagnostics.comments.new')}
              dir="auto"
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
              autosize
              minRows={3}
              maxLength={4000}
            />
            {addComment.error ? (
              <Alert color="red" variant="light" role="alert">
                {isApiError(addComment.error) && addComment.error.issues[0] ? translateIssue(t, addComment.error.issues[0]) : errorMessage(t, addComment.error)}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button onClick={send} loading={addComment.isPending} disabled={!body.trim()}>
                {t('diagnostics.comments.send')}
              </Button>
            </Group>
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}
