import { Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DownloadIcon } from '../shared/icons.js';

type DocumentFormat = 'pdf' | 'docx';
type DocumentLanguage = 'fr' | 'ar';

/** The four files of the plan, French first: PDF and DOCX, each in French and in Arabic. */
const files: Array<{ format: DocumentFormat; lang: DocumentLanguage; label: 'pdfFr' | 'pdfAr' | 'docxFr' | 'docxAr' }> = [
  { format: 'pdf', lang: 'fr', label: 'pdfFr' },
  { format: 'pdf', lang: 'ar', label: 'pdfAr' },
  { format: 'docx', lang: 'fr', label: 'docxFr' },
  { format: 'docx', lang: 'ar', label: 'docxAr' },
];

export const actionPlanDocumentHref = (actionPlanId: string, format: DocumentFormat, lang: DocumentLanguage) =>
  `/api/action-plans/${actionPlanId}/document?format=${format}&locale=${lang}`;

/** Links to the action plan's document — the paper handed to the cooperative — as PDF and DOCX, in French and Arabic. */
export function ActionPlanDownloads({ actionPlanId }: { actionPlanId: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="action-plan-document-title">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="action-plan-document-title">
            {t('actionPlanDocument.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('actionPlanDocument.intro')}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs">
          {files.map(({ format, lang, label }) => (
            <Button
              key={`${format}-${lang}`}
              component="a"
              href={actionPlanDocumentHref(actionPlanId, format, lang)}
              download
              variant="default"
              size="sm"
              leftSection={<DownloadIcon size={16} />}
              hrefLang={lang}
            >
              {t(`actionPlanDocument.${label}`)}
            </Button>
          ))}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
