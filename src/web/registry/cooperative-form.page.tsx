import { Alert, Anchor, Button, Group, List, NumberInput, Paper, Select, SimpleGrid, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { cooperativeInputSchema, type Cooperative } from '../../core/registry/cooperative.schema.js';
import { usePermissions } from '../access/use-permissions.js';
import { isApiError, type ApiError } from '../shared/api-client.js';
import { DayInput } from '../shared/day-input.js';
import { isolate } from '../shared/i18n.js';
import { errorMessage } from '../shared/issue-messages.js';
import { ErrorState, LoadingState } from '../shared/page-states.js';
import { useSchemaForm } from '../shared/use-schema-form.js';
import { ForbiddenPage, NotFoundPage } from '../shell/status.pages.js';
import { useCooperative, useSaveCooperative } from './cooperative.api.js';
import { BackToRegistry } from './back-to-registry.component.js';
import { draftFromCooperative, emptyDraft, inputFromDraft, isDraftFieldEmpty, type CooperativeDraft } from './cooperative-draft.js';
import { useCooperativeName } from './cooperative-name.component.js';
import { legalFormOptions, sectorOptions, statusOptions } from './registry-options.js';
import { provincesByRegion } from './territory-names.js';
import { StaleVersionAlert } from '../shared/stale-version.alert.js';

type NumberField = 'latitude' | 'longitude' | 'membersTotal' | 'membersWomen' | 'membersYoung' | 'capitalMad' | 'turnoverMad' | 'turnoverYear';
type TextField =
  | 'registrationNumber'
  | 'nameFr'
  | 'nameAr'
  | 'valueChain'
  | 'commune'
  | 'address'
  | 'presidentName'
  | 'presidentPhone'
  | 'managerName'
  | 'managerPhone'
  | 'email'
  | 'phone';

/** Products pasted or typed as one list ("miel, amlou") become one tag each. */
function splitProducts(tags: string[]): string[] {
  const products = tags.flatMap((tag) => tag.split(/[,;،]/)).map((product) => product.trim()).filter(Boolean);
  return [...new Set(products)];
}

/** Errors are listed in the order the fields appear. */
const fieldOrder = [
  'nameFr',
  'nameAr',
  'registrationNumber',
  'legalForm',
  'creationDate',
  'sector',
  'valueChain',
  'status',
  'provinceCode',
  'commune',
  'address',
  'latitude',
  'longitude',
  'membersTotal',
  'membersWomen',
  'membersYoung',
  'capitalMad',
  'turnoverMad',
  'turnoverYear',
  'products',
  'presidentName',
  'presidentPhone',
  'managerName',
  'managerPhone',
  'email',
  'phone',
];

/** dd/mm/yyyy as people type it, or yyyy-mm-dd. */
function Section({ title, children }: { title: string; children: React.ReactNode }) {
  const titleId = useId();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" mb="sm" id={titleId}>
        {title}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
        {children}
      </SimpleGrid>
    </Paper>
  );
}

function CooperativeForm({ existing, onReload }: { existing: Cooperative | null; onReload: () => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const nameOf = useCooperativeName();
  const form = useSchemaForm<CooperativeDraft>(() => (existing ? draftFromCooperative(existing) : emptyDraft));
  const save = useSaveCooperative(existing?.id);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const { values, setField } = form;
  const locale = i18n.language;

  const textProps = (field: TextField) => ({
    id: `field-${field}`,
    label: t(`fields.${field}`),
    value: values[field],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => setField(field, event.currentTarget.value),
    error: form.error(field),
  });
  const numberProps = (field: NumberField) => ({
    id: `field-${field}`,
    label: t(`fields.${field}`),
    value: values[field],
    onChange: (value: number | string) => setField(field, typeof value === 'number' ? value : value === '' ? '' : Number(value)),
    error: form.error(field),
    hideControls: true,
  });

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const nameMissing = !values.nameFr.trim() && !values.nameAr.trim() ? [{ path: ['nameFr'], key: 'name_required' }] : [];
    const input = form.validate(cooperativeInputSchema, inputFromDraft(values), (field) => isDraftFieldEmpty(values, field), nameMissing);
    if (!input) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    save.mutate(
      { input, ...(existing ? { version: existing.version } : {}) },
      {
        onSuccess: (saved) => void navigate(`/cooperatives/${saved.id}`),
        onError: (error) => {
          if (!isApiError(error)) return;
          setFailure(error);
          if (error.issues.length > 0) form.showServerIssues(error.issues);
          requestAnimationFrame(() => summaryRef.current?.focus());
        },
      },
    );
  };

  const duplicateId = typeof failure?.params.duplicateId === 'string' ? failure.params.duplicateId : null;
  const isStale = failure?.code === 'conflict' && failure.params.reason === 'stale_version';

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <div ref={summaryRef} tabIndex={-1} aria-live="assertive">
          {duplicateId ? (
            <Alert color="orange" variant="light" title={t('form.duplicateTitle')} role="alert">
              <Text size="sm">{t('form.duplicate', { name: isolate(String(failure?.params.duplicateName ?? '')) })}</Text>
              <Anchor component={Link} to={`/cooperatives/${duplicateId}`} size="sm" fw={600}>
                {t('form.openDuplicate')}
              </Anchor>
            </Alert>
          ) : null}
          {isStale ? (
            <StaleVersionAlert title={t('form.staleTitle')} message={t('form.stale')} reloadLabel={t('form.reload')} onReload={onReload} />
          ) : null}
          {failure && !duplicateId && !isStale && form.errorFields.length === 0 ? (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(t, failure)}
            </Alert>
          ) : null}
          {form.errorFields.length > 0 && !duplicateId ? (
            <Alert color="red" variant="light" title={t('form.fixErrors', { count: form.errorFields.length })} role="alert">
              <List size="sm">
                {[...form.errorFields].sort((a, b) => fieldOrder.indexOf(a) - fieldOrder.indexOf(b)).map((field) => (
                  <List.Item key={field}>
                    <Anchor href={`#field-${field}`} size="sm">
                      {t(`fields.${field}`, { defaultValue: field })}
                    </Anchor>{' '}
                    — {form.error(field)}
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
        </div>

        <Section title={t('cooperative.sections.identity')}>
          <TextInput {...textProps('nameFr')} lang="fr" dir="ltr" />
          <TextInput {...textProps('nameAr')} lang="ar" dir="rtl" />
          <TextInput {...textProps('registrationNumber')} dir="ltr" />
          <Select
            id="field-legalForm"
            label={t('fields.legalForm')}
            data={legalFormOptions(t)}
            value={values.legalForm}
            onChange={(value) => setField('legalForm', value ?? 'cooperative')}
            allowDeselect={false}
            error={form.error('legalForm')}
          />
          <DayInput
            id="field-creationDate"
            label={t('fields.creationDate')}
            placeholder={t('form.datePlaceholder')}
            value={values.creationDate}
            onChange={(value) => setField('creationDate', value)}
            maxDate={new Date()}
            clearable
            error={form.error('creationDate')}
          />
          <Select
            id="field-sector"
            label={t('fields.sector')}
            placeholder={t('form.choose')}
            required
            data={sectorOptions(t, locale)}
            value={values.sector}
            onChange={(value) => setField('sector', value)}
            error={form.error('sector')}
          />
          <TextInput {...textProps('valueChain')} dir="auto" />
          <Select
            id="field-status"
            label={t('fields.status')}
            data={statusOptions(t)}
            value={values.status}
            onChange={(value) => setField('status', value ?? 'active')}
            allowDeselect={false}
            error={form.error('status')}
          />
        </Section>

        <Section title={t('cooperative.sections.location')}>
          <Select
            id="field-provinceCode"
            label={t('fields.provinceCode')}
            placeholder={t('form.provincePlaceholder')}
            required
            searchable
            nothingFoundMessage={t('ui.nothingFound')}
            data={provincesByRegion(locale)}
            value={values.provinceCode}
            onChange={(value) => setField('provinceCode', value)}
            error={form.error('provinceCode')}
          />
          <TextInput {...textProps('commune')} dir="auto" />
          <TextInput {...textProps('address')} dir="auto" />
          <Group grow align="flex-start" gap="sm">
            <NumberInput {...numberProps('latitude')} decimalScale={6} dir="ltr" />
            <NumberInput {...numberProps('longitude')} decimalScale={6} dir="ltr" />
          </Group>
        </Section>

        <Section title={t('cooperative.sections.members')}>
          <NumberInput {...numberProps('membersTotal')} allowNegative={false} allowDecimal={false} />
          <NumberInput {...numberProps('membersWomen')} allowNegative={false} allowDecimal={false} />
          <NumberInput {...numberProps('membersYoung')} allowNegative={false} allowDecimal={false} />
        </Section>

        <Section title={t('cooperative.sections.economy')}>
          <NumberInput {...numberProps('capitalMad')} allowNegative={false} thousandSeparator=" " />
          <NumberInput {...numberProps('turnoverMad')} allowNegative={false} thousandSeparator=" " />
          <NumberInput {...numberProps('turnoverYear')} allowNegative={false} allowDecimal={false} />
          <TagsInput
            id="field-products"
            label={t('fields.products')}
            description={t('form.productsHint')}
            placeholder={values.products.length === 0 ? t('form.productsPlaceholder') : undefined}
            value={values.products}
            onChange={(value) => setField('products', splitProducts(value))}
            splitChars={[',', ';', '،']}
            maxTags={30}
            clearable
            acceptValueOnBlur
            error={form.error('products')}
          />
        </Section>

        <Section title={t('cooperative.sections.contacts')}>
          <TextInput {...textProps('presidentName')} dir="auto" />
          <TextInput {...textProps('presidentPhone')} type="tel" inputMode="tel" dir="ltr" placeholder="06 12 34 56 78" />
          <TextInput {...textProps('managerName')} dir="auto" />
          <TextInput {...textProps('managerPhone')} type="tel" inputMode="tel" dir="ltr" placeholder="06 12 34 56 78" />
          <TextInput {...textProps('email')} type="email" inputMode="email" dir="ltr" />
          <TextInput {...textProps('phone')} type="tel" inputMode="tel" dir="ltr" placeholder="05 28 12 34 56" />
        </Section>

        <Group justify="flex-end" gap="sm" className="form-actions">
          <Button variant="default" component={Link} to={existing ? `/cooperatives/${existing.id}` : '/cooperatives'}>
            {t('ui.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {existing ? t('form.save') : t('form.create')}
          </Button>
        </Group>
        {existing ? (
          <Text size="xs" c="dimmed" ta="end">
            {t('form.editing', { name: isolate(nameOf(existing)) })}
          </Text>
        ) : null}
      </Stack>
    </form>
  );
}

export default function CooperativeFormPage() {
  const { cooperativeId } = useParams();
  const { t } = useTranslation();
  const permissions = usePermissions();
  const nameOf = useCooperativeName();
  const cooperative = useCooperative(cooperativeId);
  const [formKey, setFormKey] = useState(0);

  if (!permissions.canWriteRegistry) return <ForbiddenPage />;
  if (cooperativeId && cooperative.isPending) return <LoadingState />;
  if (cooperativeId && cooperative.isError) {
    if (isApiError(cooperative.error, 'not_found', 'validation')) return <NotFoundPage />;
    return <ErrorState error={cooperative.error} onRetry={() => void cooperative.refetch()} />;
  }
  const existing = cooperativeId ? (cooperative.data ?? null) : null;
  return (
    <Stack gap="md" maw={980}>
      <BackToRegistry />
      <Title order={1} size="h2">
        {existing ? t('form.editTitle', { name: nameOf(existing) }) : t('form.newTitle')}
      </Title>
      <CooperativeForm
        key={`${existing?.id ?? 'new'}-${existing?.version ?? 0}-${formKey}`}
        existing={existing}
        onReload={async () => {
          await cooperative.refetch();
          setFormKey((key) => key + 1);
        }}
      />
    </Stack>
  );
}
