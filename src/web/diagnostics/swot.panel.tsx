import { ActionIcon, Button, Card, Group, List, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Swot } from '../../core/diagnostics/diagnostic.schema.js';
import { PlusIcon, TrashIcon } from '../shared/icons.js';

const quadrants = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;
type Quadrant = (typeof quadrants)[number];
const colours: Record<Quadrant, string> = { strengths: 'teal', weaknesses: 'orange', opportunities: 'blue', threats: 'red' };

/** The "diagnostic stratégique": four lists to which items are added and from which they are removed. */
export function SwotPanel({ swot, readOnly, onChange }: { swot: Swot; readOnly: boolean; onChange: (swot: Swot) => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('diagnostics.swot.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {quadrants.map((quadrant) => (
          <SwotQuadrant
            key={quadrant}
            quadrant={quadrant}
            items={swot[quadrant]}
            readOnly={readOnly}
            onChange={(items) => onChange({ ...swot, [quadrant]: items })}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function SwotQuadrant({ quadrant, items, readOnly, onChange }: { quadrant: Quadrant; items: string[]; readOnly: boolean; onChange: (items: string[]) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const title = t(`diagnostics.swot.${quadrant}`);
  const add = () => {
    const item = draft.trim();
    if (!item || items.length >= 30) return;
    onChange([...items, item.slice(0, 500)]);
    setDraft('');
  };
  return (
    <Card withBorder radius="md" padding="md" style={{ borderTop: `4px solid var(--mantine-color-${colours[quadrant]}-6)` }} data-testid={`swot-${quadrant}`}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {title}
        </Title>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('diagnostics.swot.empty')}
          </Text>
        ) : (
          <List spacing={4} size="sm" listStyleType="none" p={0}>
            {items.map((item, index) => (
              <List.Item key={`${index}-${item}`}>
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Text size="sm" dir="auto" style={{ flex: 1, overflowWrap: 'anywhere' }}>
                    {item}
                  </Text>
                  {readOnly ? null : (
                    <ActionIcon variant="subtle" color="gray" aria-label={t('diagnostics.swot.remove', { item })} onClick={() => onChange(items.filter((_, at) => at !== index))}>
                      <TrashIcon size={16} />
                    </ActionIcon>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
        {readOnly ? null : (
          <Group gap="xs" wrap="nowrap" align="flex-end">
            <TextInput
              style={{ flex: 1 }}
              aria-label={t('diagnostics.swot.newItem', { quadrant: title })}
              placeholder={t('diagnostics.swot.placeholder')}
              dir="auto"
              value={draft}
              maxLength={500}
              onChange={(event) => setDraft(event.currentTarget.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  add();
                }
              }}
            />
            <Button variant="light" leftSection={<PlusIcon size={16} />} onClick={add} disabled={!draft.trim()}>
              {t('diagnostics.swot.add')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
