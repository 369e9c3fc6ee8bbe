import { Alert, Anchor, Badge, DataList, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Cooperative } from '../../core/registry/cooperative.schema.js';
import { useFormat } from '../shared/use-format.js';
import { formatFieldValue } from './field-values.js';

type FieldName = keyof Cooperative;

const sections: Array<{ key: string; fields: FieldName[] }> = [
  { key: 'identity', fields: ['nameFr', 'nameAr', 'registrationNumber', 'legalForm', 'creationDate', 'sector', 'valueChain', 'status'] },
  { key: 'location', fields: ['regionCode', 'provinceCode', 'commune', 'address', 'latitude', 'longitude'] },
  { key: 'members', fields: ['membersTotal', 'membersWomen', 'membersYoung'] },
  { key: 'economy', fields: ['capitalMad', 'turnoverMad', 'turnoverYear'] },
];
const contactFields: FieldName[] = ['presidentName', 'presidentPhone', 'managerName', 'managerPhone', 'email', 'phone'];
const phoneFields = new Set<FieldName>(['presidentPhone', 'managerPhone', 'phone']);
const latinFields = new Set<FieldName>(['registrationNumber', 'email', 'latitude', 'longitude']);

function FieldValue({ cooperative, field }: { cooperative: Cooperative; field: FieldName }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const value = cooperative[field];
  const text = formatFieldValue(t, format, i18n.language, field, value);
  if (value && phoneFields.has(field)) {
    return (
      <Anchor href={`tel:${String(value).replace(/[^\d+]/g, '')}`} size="sm" className="ltr-value">
        {text}
      </Anchor>
    );
  }
  if (value && field === 'email') {
    return (
      <Anchor href={`mailto:${String(value)}`} size="sm" className="ltr-value">
        {text}
      </Anchor>
    );
  }
  return (
    <Text span size="sm" dir={latinFields.has(field) ? 'ltr' : 'auto'} className={latinFields.has(field) ? 'ltr-value' : undefined}>
      {text}
    </Text>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder radius="md" p="md" component="section">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function FieldList({ cooperative, fields }: { cooperative: Cooperative; fields: FieldName[] }) {
  const { t } = useTranslation();
  return (
    <DataList orientation="horizontal" labelWidth="45%" withDivider size="sm">
      {fields.map((field) => (
        <DataList.Item key={field}>
          <DataList.ItemLabel>{t(`fields.${field}`)}</DataList.ItemLabel>
          <DataList.ItemValue>
            <FieldValue cooperative={cooperative} field={field} />
          </DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

export function CooperativeOverview({ cooperative, canSeePersonalData }: { cooperative: Cooperative; canSeePersonalData: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const hasContacts = canSeePersonalData && contactFields.some((field) => field in cooperative);
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {sections.map((section) => (
        <Section key={section.key} title={t(`cooperative.sections.${section.key}`)}>
          <FieldList cooperative={cooperative} fields={section.fields} />
          {section.key === 'economy' ? (
            <div>
              <Text size="sm" fw={500} mt="sm" mb={4}>
                {t('fields.products')}
              </Text>
              {cooperative.products.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('cooperative.noProducts')}
                </Text>
              ) : (
                <Group gap={6}>
                  {cooperative.products.map((product) => (
                    <Badge key={product} variant="light" color="teal" tt="none" dir="auto">
                      {product}
                    </Badge>
                  ))}
                </Group>
              )}
            </div>
          ) : null}
        </Section>
      ))}
      <Section title={t('cooperative.sections.contacts')}>
        {hasContacts ? (
          <FieldList cooperative={cooperative} fields={contactFields} />
        ) : (
          <Alert variant="light" color="gray">
            {t('cooperative.personalDataHidden')}
          </Alert>
        )}
      </Section>
      <Text size="xs" c="dimmed">
        {t('cooperative.recordDates', { created: format.dateTime(cooperative.createdAt), updated: format.dateTime(cooperative.updatedAt) })}
      </Text>
    </SimpleGrid>
  );
}
