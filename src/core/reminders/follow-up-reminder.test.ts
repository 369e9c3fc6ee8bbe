import { describe, expect, it } from 'vitest';
import { composeFollowUpReminder, cooperativeName, daysLate, escapeHtml, recordFollowUpUrl, type OverdueFollowUp } from './follow-up-reminder.js';
import { canReadOutbox, canRunReminders, outboxReach } from './reminders.policies.js';
import type { Principal } from '../access/roles.js';

const programmeId = '11111111-1111-4111-8111-111111111111';
const item = (overrides: Partial<OverdueFollowUp> = {}): OverdueFollowUp => ({
  sessionId: '22222222-2222-4222-8222-222222222222',
  programmeId,
  programmeName: 'INJAZ Sud',
  programmeNameAr: 'إنجاز الجنوب',
  programmeNameEn: 'INJAZ South',
  cooperativeId: '33333333-3333-4333-8333-333333333333',
  cooperativeNameFr: 'Coopérative Al Amal',
  cooperativeNameAr: 'تعاونية الأمل',
  kind: 'remote_follow_up',
  plannedOn: '2026-11-19',
  ...overrides,
});

describe('the follow-up reminder e-mail', () => {
  it('counts the days late from the planned day to today, across months', () => {
    expect(daysLate('2026-11-19', '2026-11-22')).toBe(3);
    expect(daysLate('2026-10-31', '2026-11-01')).toBe(1);
    expect(daysLate('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('links to the follow-up form filled for the session, whatever the trailing slash', () => {
    const expected = `https://taawon.example.ma/follow-ups/new?programmeId=${programmeId}&cooperativeId=33333333-3333-4333-8333-333333333333&sessionId=22222222-2222-4222-8222-222222222222`;
    expect(recordFollowUpUrl('https://taawon.example.ma/', item())).toBe(expected);
    expect(recordFollowUpUrl('https://taawon.example.ma', item())).toBe(expected);
  });

  it('names the cooperative in the reader’s language, the other one failing that', () => {
    expect(cooperativeName(item(), 'ar')).toBe('تعاونية الأمل');
    expect(cooperativeName(item(), 'fr')).toBe('Coopérative Al Amal');
    expect(cooperativeName(item({ cooperativeNameFr: null }), 'en')).toBe('تعاونية الأمل');
    expect(cooperativeName(item({ cooperativeNameAr: '  ' }), 'ar')).toBe('Coopérative Al Amal');
  });

  it('lists every overdue follow-up in French, oldest first, with its delay and its link', () => {
    const mail = composeFollowUpReminder({
      locale: 'fr',
      recipientName: 'Karim Benali',
      today: '2026-11-22',
      publicUrl: 'https://taawon.example.ma',
      items: [item({ sessionId: '44444444-4444-4444-8444-444444444444', plannedOn: '2026-11-21', kind: 'coaching', cooperativeNameFr: 'Coopérative Tafraout' }), item()],
    });
    expect(mail.subject).toBe('Taawon : 2 suivis en retard à enregistrer');
    expect(mail.text).toContain('Bonjour Karim Benali,');
    expect(mail.text.indexOf('Al Amal')).toBeLessThan(mail.text.indexOf('Tafraout'));
    expect(mail.text).toContain('Suivi à distance · Prévu le : 19 novembre 2026 · Retard : 3 jours');
    expect(mail.text).toContain('Coaching individuel · Prévu le : 21 novembre 2026 · Retard : 1 jour');
    expect(mail.text).toContain('Enregistrer le suivi : https://taawon.example.ma/follow-ups/new?programmeId=');
    expect(mail.html).toContain('<html lang="fr" dir="ltr">');
    expect(mail.html).toContain('href="https://taawon.example.ma/follow-ups/new?programmeId=11111111-1111-4111-8111-111111111111&amp;cooperativeId=');
  });

  it('writes Arabic right to left, with Arabic plural forms and Latin digits', () => {
    const one = composeFollowUpReminder({ locale: 'ar', recipientName: 'كريم', today: '2026-11-22', publicUrl: 'https://t.ma', items: [item()] });
    expect(one.subject).toBe('تعاون: متابعة واحدة متأخرة يجب تسجيلها');
    expect(one.html).toContain('<html lang="ar" dir="rtl">');
    expect(one.html).toContain('direction:rtl');
    expect(one.html).toContain('تعاونية الأمل');
    expect(one.text).toContain('3 أيام');
    const eleven = composeFollowUpReminder({
      locale: 'ar',
      recipientName: 'كريم',
      today: '2026-11-22',
      publicUrl: 'https://t.ma',
      items: Array.from({ length: 11 }, (_, index) => item({ sessionId: `55555555-5555-4555-8555-5555555555${String(index).padStart(2, '0')}`, plannedOn: '2026-11-11' })),
    });
    expect(eleven.subject).toBe('تعاون: 11 متابعة متأخرة يجب تسجيلها');
    expect(eleven.text).toContain('11 يومًا');
  });

  it('writes English with English dates', () => {
    const mail = composeFollowUpReminder({ locale: 'en', recipientName: 'Sara', today: '2026-11-22', publicUrl: 'https://t.ma', items: [item()] });
    expect(mail.subject).toBe('Taawon: 1 overdue follow-up to record');
    expect(mail.text).toContain('Planned on: 19 November 2026 · Late by: 3 days');
  });

  it('names the programme in the reader’s language, in French when it has no name in that language', () => {
    const compose = (locale: 'fr' | 'ar' | 'en', overrides: Partial<OverdueFollowUp> = {}) =>
      composeFollowUpReminder({ locale, recipientName: 'Karim', today: '2026-11-22', publicUrl: 'https://t.ma', items: [item(overrides)] });
    expect(compose('fr').text).toContain('• Coopérative Al Amal — INJAZ Sud');
    const arabic = compose('ar');
    expect(arabic.text).toContain('• تعاونية الأمل — إنجاز الجنوب');
    expect(arabic.html).toContain('إنجاز الجنوب');
    expect(arabic.text).not.toContain('INJAZ Sud');
    expect(compose('en').text).toContain('— INJAZ South');
    expect(compose('ar', { programmeNameAr: null }).text).toContain('• تعاونية الأمل — INJAZ Sud');
    expect(compose('en', { programmeNameEn: null }).text).toContain('— INJAZ Sud');
  });

  it('escapes names in the HTML', () => {
    const mail = composeFollowUpReminder({ locale: 'fr', recipientName: '<b>Ali</b>', today: '2026-11-22', publicUrl: 'https://t.ma', items: [item({ cooperativeNameFr: 'A & B <script>' })] });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('A &amp; B &lt;script&gt;');
    expect(mail.html).toContain('&lt;b&gt;Ali&lt;/b&gt;');
    expect(escapeHtml(`"'`)).toBe('&quot;&#39;');
  });
});

describe('who reads the outbox', () => {
  const principal = (grants: Array<Partial<Principal['grants'][number]>>): Principal => ({
    userId: 'u',
    email: 'u@x.ma',
    displayName: 'U',
    locale: 'fr',
    grants: grants.map((grant, index) => ({ id: `g${index}`, role: 'consultant', programmeId: null, cooperativeId: null, ...grant })),
  });

  it('lets admins and managers read it and run the reminders, not others', () => {
    expect(canReadOutbox(principal([{ role: 'admin' }]))).toBe(true);
    expect(canRunReminders(principal([{ role: 'programme_manager', programmeId }]))).toBe(true);
    expect(canReadOutbox(principal([{ role: 'consultant' }]))).toBe(false);
    expect(canReadOutbox(principal([{ role: 'funder', programmeId }]))).toBe(false);
  });

  it('shows managers of some programmes the e-mails of these programmes only', () => {
    expect(outboxReach(principal([{ role: 'admin' }]))).toEqual({ kind: 'all' });
    expect(outboxReach(principal([{ role: 'programme_manager' }]))).toEqual({ kind: 'all' });
    expect(outboxReach(principal([{ role: 'programme_manager', programmeId }, { role: 'programme_manager', programmeId }]))).toEqual({ kind: 'programmes', programmeIds: [programmeId] });
    expect(outboxReach(principal([{ role: 'consultant' }]))).toEqual({ kind: 'none' });
  });
});
