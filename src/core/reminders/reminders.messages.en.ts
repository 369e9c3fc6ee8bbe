import { plural } from '../i18n/plural.js';
import type { remindersFr } from './reminders.messages.fr.js';

/** Reminders by e-mail and the outbox, in English. */
export const remindersEn: typeof remindersFr = {
  issues: {},
  fields: {},
  reminders: {
    mail: {
      subject: plural({ one: 'Taawon: {{count}} overdue follow-up to record', other: 'Taawon: {{count}} overdue follow-ups to record' }),
      greeting: 'Hello {{name}},',
      intro: plural({
        one: 'This planned follow-up has not been recorded yet. Please hold it or record it as soon as you can:',
        other: 'These {{count}} planned follow-ups have not been recorded yet. Please hold them or record them as soon as you can:',
      }),
      plannedOn: 'Planned on',
      late: 'Late by',
      daysLate: plural({ one: '{{count}} day', other: '{{count}} days' }),
      record: 'Record the follow-up',
      kinds: { remote_follow_up: 'Remote follow-up', coaching: 'Individual coaching' },
      footer: 'Sent automatically by Taawon every morning while follow-ups are overdue.',
    },
    outbox: {
      title: 'Outbox',
      subtitle: 'The e-mails Taawon sent or would have sent: follow-up reminders, newest first.',
      smtpOn: 'SMTP server configured: e-mails are sent, from {{from}}.',
      smtpOff: 'No SMTP server configured (SMTP_URL): e-mails are not sent, they are kept here to be read.',
      workersOff: 'Background jobs do not run in this server: the daily 7 am reminders do not leave from here.',
      runNow: 'Send the reminders now',
      ran: plural({ one: '{{count}} reminder put in the outbox.', other: '{{count}} reminders put in the outbox.' }),
      ranNone: 'No new reminder: no overdue follow-up, or today’s reminders are already here.',
      search: 'Recipient',
      searchPlaceholder: 'Name or address',
      status: 'Status',
      kind: 'Type',
      all: 'All',
      count: plural({ one: '{{count}} e-mail', other: '{{count}} e-mails' }),
      empty: 'No e-mail',
      emptyHint: 'Reminders of overdue follow-ups appear here every morning at 7 am.',
      to: 'Recipient',
      subject: 'Subject',
      date: 'Date',
      sentAt: 'Sent on',
      attempts: plural({ one: '{{count}} attempt', other: '{{count}} attempts' }),
      lastError: 'Last error',
      text: 'Text',
      html: 'Layout',
      open: 'Read',
      more: 'Show more',
      statuses: { queued: 'Waiting', sent: 'Sent', failed: 'Failed', kept: 'Kept (not sent)' },
      kinds: { follow_up_reminder: 'Follow-up reminder' },
    },
  },
};
