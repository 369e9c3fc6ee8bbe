import { Alert, Button, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingPlanView } from '../../core/training/plan.schema.js';
import { DownloadIcon } from '../shared/icons.js';

type DocumentFormat = 'pdf' | 'docx';
type DocumentLanguage = 'fr' | 'ar';

/** The four files of a document, French first: PDF and DOCX, each in French and in Arabic. */
const files: Array<{ format: DocumentFormat; lang: DocumentLanguage; suffix: 'PdfFr' | 'PdfAr' | 'DocxFr' | 'DocxAr' }> = [
  { format: 'pdf', lang: 'fr', suffix: 'PdfFr' },
  { format: 'pdf', lang: 'ar', suffix: 'PdfAr' },
  { format: 'docx', lang: 'fr', suffix: 'DocxFr' },
  { format: 'docx', lang: 'ar', suffix: 'DocxAr' },
];

const guideHref = (planId: string, format: DocumentFormat, lang: DocumentLanguage) => `/api/plans/${planId}/guide.${format}?lang=${lang}`;
const pathHref = (planId: string, cooperativeId: string, format: DocumentFormat, lang: DocumentLanguage) =>
  `/api/plans/${planId}/cooperatives/${cooperativeId}/path.${format}?lang=${lang}`;

function DownloadLinks({ links }: { links: Array<{ href: string; label: string; lang: DocumentLanguage }> }) {
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs">
      {links.map((link) => (
        <Button key={link.href} component="a" href={link.href} download variant="default" size="sm" leftSection={<DownloadIcon size={16} />} hrefLang={link.lang}>
          {link.label}
        </Button>
      ))}
    </SimpleGrid>
  );
}

/** A cooperative's training path in a plan version: PDF and DOCX, in French and in Arabic. */
export function TrainingPathLinks({ planId, cooperativeId }: { planId: string; cooperativeId: string }) {
  const { t } = useTranslation();
  return <DownloadLinks links={files.map(({ format, lang, suffix }) => ({ href: pathHref(planId, cooperativeId, format, lang), label: t(`guide.path${suffix}`), lang }))} />;
}

/** Downloads of the training guide (fr/ar, PDF/DOCX) and of each cooperative's training path. */
export function GuideDownloads({ plan }: { plan: TrainingPlanView }) {
  const { t, i18n } = useTranslation();
  const [cooperativeId, setCooperativeId] = useState<string | null>(null);
  const cooperatives = useMemo(() => {
    const collator = new Intl.Collator(i18n.language);
    return Object.entries(plan.labels?.cooperatives ?? {})
      .map(([id, label]) => ({ value: id, label: label.name }))
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [plan.labels, i18n.language]);
  if (!plan.result || !plan.labels) return null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plan-guide-title">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="plan-guide-title">
            {t('guide.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('guide.intro')}
          </Text>
        </div>
        {plan.status !== 'approved' ? (
          <Alert color="yellow" variant="light">
            {t('guide.notApprovedNote')}
          </Alert>
        ) : null}
        <DownloadLinks links={files.map(({ format, lang, suffix }) => ({ href: guideHref(plan.id, format, lang), label: t(`guide.guide${suffix}`), lang }))} />

        <Stack gap="xs" component="section" aria-labelledby="plan-paths-title" mt="sm">
          <div>
            <Title order={3} size="h5" id="plan-paths-title">
              {t('guide.pathsTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('guide.pathsIntro')}
            </Text>
          </div>
          <Select
            label={t('guide.cooperative')}
            placeholder={t('guide.cooperativePlaceholder')}
            nothingFoundMessage={t('guide.noCooperative')}
            data={cooperatives}
            value={cooperativeId}
            onChange={setCooperativeId}
            searchable
            clearable
            w={{ base: '100%', sm: 420 }}
          />
          {cooperativeId ? <TrainingPathLinks planId={plan.id} cooperativeId={cooperativeId} /> : null}
        </Stack>
      </Stack>
    </Paper>
  );
}
