import type { Locale } from '../access/roles.js';
import { messages } from '../i18n/messages.js';
import type { PluralForms } from '../i18n/plural.js';
import { programmeName } from '../programmes/programme.schema.js';

/**
 * The daily e-mail that tells a consultant which planned follow-ups they have not
 * recorded yet: subject, plain text and HTML, in the consultant's language (Arabic
 * right to left). Pure: the job gives it the rows and the day.
 */

export interface OverdueFollowUp {
  sessionId: string;
  programmeId: string;
  /** The programme's French name; the Arabic and English ones when it has them. */
  programmeName: string;
  programmeNameAr: string | null;
  programmeNameEn: string | null;
  cooperativeId: string;
  cooperativeNameFr: string | null;
  cooperativeNameAr: string | null;
  kind: 'remote_follow_up' | 'coaching';
  /** The planned day in Morocco, YYYY-MM-DD. */
  plannedOn: string;
}

export interface ReminderMail {
  subject: string;
  text: string;
  html: string;
}

const intlLocales: Record<Locale, string> = { fr: 'fr-MA', ar: 'ar-MA-u-nu-latn', en: 'en-GB' };
const dayMs = 86_400_000;

export function asLocale(value: string | null | undefined): Locale {
  return value === 'ar' || value === 'en' ? value : 'fr';
}

/** Whole days between the planned day and today (both YYYY-MM-DD). */
export function daysLate(plannedOn: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${plannedOn}T00:00:00Z`)) / dayMs);
}

/** Where the consultant records the follow-up: the follow-up form, filled for this session. */
export function recordFollowUpUrl(publicUrl: string, item: Pick<OverdueFollowUp, 'programmeId' | 'cooperativeId' | 'sessionId'>): string {
  const query = new URLSearchParams({ programmeId: item.programmeId, cooperativeId: item.cooperativeId, sessionId: item.sessionId });
  return `${publicUrl.replace(/\/+$/, '')}/follow-ups/new?${query.toString()}`;
}

/** The cooperative's name in the reader's language, the other one failing that. */
export function cooperativeName(item: Pick<OverdueFollowUp, 'cooperativeNameFr' | 'cooperativeNameAr'>, locale: Locale): string {
  const names = locale === 'ar' ? [item.cooperativeNameAr, item.cooperativeNameFr] : [item.cooperativeNameFr, item.cooperativeNameAr];
  return names.find((name) => name && name.trim()) ?? '—';
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!);
}

function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function composeFollowUpReminder(input: { locale: Locale; recipientName: string; today: string; publicUrl: string; items: OverdueFollowUp[] }): ReminderMail {
  const { locale, today, publicUrl } = input;
  const text = messages[locale].reminders.mail;
  const tag = intlLocales[locale];
  const plurals = new Intl.PluralRules(tag);
  const numbers = new Intl.NumberFormat(tag);
  const count = (forms: PluralForms, value: number) => interpolate(forms[plurals.select(value) as keyof PluralForms] ?? forms.other, { count: numbers.format(value) });
  const dateFormat = new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const formatDate = (day: string) => dateFormat.format(new Date(`${day}T00:00:00Z`));

  const items = [...input.items]
    .sort((a, b) => a.plannedOn.localeCompare(b.plannedOn) || a.sessionId.localeCompare(b.sessionId))
    .map((item) => ({
      cooperative: cooperativeName(item, locale),
      programme: programmeName({ nameFr: item.programmeName, nameAr: item.programmeNameAr, nameEn: item.programmeNameEn }, locale),
      kind: text.kinds[item.kind],
      plannedOn: formatDate(item.plannedOn),
      late: count(text.daysLate, Math.max(1, daysLate(item.plannedOn, today))),
      url: recordFollowUpUrl(publicUrl, item),
    }));
  const subject = count(text.subject, items.length);
  const greeting = interpolate(text.greeting, { name: input.recipientName });
  const intro = count(text.intro, items.length);

  // French puts a space before the colon.
  const colon = locale === 'fr' ? ' : ' : ': ';
  const plain = [
    greeting,
    '',
    intro,
    '',
    ...items.flatMap((item) => [
      `• ${item.cooperative} — ${item.programme}`,
      `  ${item.kind} · ${text.plannedOn}${colon}${item.plannedOn} · ${text.late}${colon}${item.late}`,
      `  ${text.record}${colon}${item.url}`,
      '',
    ]),
    '—',
    text.footer,
  ].join('\n');

  const direction = locale === 'ar' ? 'rtl' : 'ltr';
  const align = locale === 'ar' ? 'right' : 'left';
  // Blocks rather than a table: consultants read these e-mails on their phones.
  const blocks = items
    .map(
      (item) => `<div style="border:1px solid #dee2e6;border-radius:8px;padding:12px;margin:0 0 12px">
<div style="font-weight:bold" dir="auto">${escapeHtml(item.cooperative)}</div>
<div style="color:#495057" dir="auto">${escapeHtml(item.programme)}</div>
<div style="margin-top:4px">${escapeHtml(item.kind)} · ${escapeHtml(text.plannedOn)}${escapeHtml(colon)}${escapeHtml(item.plannedOn)} · <span style="color:#c92a2a">${escapeHtml(text.late)}${escapeHtml(colon)}${escapeHtml(item.late)}</span></div>
<div style="margin-top:8px"><a href="${escapeHtml(item.url)}" style="display:inline-block;background:#0b7285;color:#ffffff;text-decoration:none;padding:6px 12px;border-radius:6px">${escapeHtml(text.record)}</a></div>
</div>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="${locale}" dir="${direction}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:16px;font-family:Arial,'Noto Sans Arabic',sans-serif;font-size:15px;line-height:1.5;color:#212529;direction:${direction};text-align:${align}">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
<div style="max-width:640px">
${blocks}
</div>
<p style="color:#868e96;font-size:13px">${escapeHtml(text.footer)}</p>
</body>
</html>`;
  return { subject, text: plain, html };
}
