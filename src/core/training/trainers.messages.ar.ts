import { plural } from '../i18n/plural.js';

/** Trainers' unavailability and the sessions of an approved plan, in Arabic. */
export const trainersAr = {
  issues: {
    unavailability_order: 'يجب أن تأتي نهاية الفترة بعد بدايتها.',
  },
  fields: {},
  trainers: {
    title: 'المكونون وفترات عدم التوفر',
    intro: 'لا يسند المخطط أي حصة لمكون خلال فترات عدم توفره، ولا في يوم يؤطر فيه حصة من برنامج آخر.',
    none: 'لا يضم فريق البرنامج أي مكون أو مستشار أو مواكب.',
    noPeriods: 'متوفر',
    from: 'من',
    to: 'إلى',
    reason: 'السبب (اختياري)',
    add: 'إضافة فترة عدم توفر',
    addFor: 'إضافة فترة عدم توفر لـ {{name}}',
    remove: 'حذف فترة عدم التوفر من {{from}} إلى {{to}}',
    period: 'من {{from}} إلى {{to}}',
    roles: { trainer: 'مكون', consultant: 'مستشار', coach: 'مواكب', former: 'عضو سابق في الفريق' },
    workshopTitle: 'الورشة التطبيقية رقم {{number}} — {{place}}',
    sessionsTitle: 'حصص المخطط',
    sessionsIntro: 'تدخل تكوينات كل مجموعة والورشات التطبيقية للمخطط المعتمد في جدولة البرنامج.',
    sessionsToCreate: plural({ zero: 'لا حصة للإنشاء', one: 'حصة واحدة للإنشاء', two: 'حصتان للإنشاء', few: '{{count}} حصص للإنشاء', many: '{{count}} حصة للإنشاء', other: '{{count}} حصة للإنشاء' }),
    sessionsCreated: plural({ zero: 'لم تنشأ أي حصة بعد', one: 'حصة واحدة منشأة', two: 'حصتان منشأتان', few: '{{count}} حصص منشأة', many: '{{count}} حصة منشأة', other: '{{count}} حصة منشأة' }),
    createSessions: 'إنشاء الحصص',
    created: plural({ zero: 'لم تنشأ أي حصة.', one: 'أنشئت حصة واحدة.', two: 'أنشئت حصتان.', few: 'أنشئت {{count}} حصص.', many: 'أنشئت {{count}} حصة.', other: 'أنشئت {{count}} حصة.' }),
    allCreated: 'كل حصص المخطط موجودة في الجدولة.',
    openCalendar: 'فتح الجدولة',
    approveFirst: 'تنشأ الحصص انطلاقا من النسخة المعتمدة.',
  },
};
