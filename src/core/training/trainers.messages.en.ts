import { plural } from '../i18n/plural.js';

/** Trainers' unavailability and the sessions of an approved plan, in English. */
export const trainersEn = {
  issues: {
    unavailability_order: 'The end of the period must come after its start.',
  },
  fields: {},
  trainers: {
    title: 'Trainers and unavailability',
    intro: 'The plan gives a trainer no session while they are unavailable, nor on a day they already lead a session of another programme.',
    none: 'The programme’s team has no trainer, consultant or coach.',
    noPeriods: 'Available',
    from: 'From',
    to: 'To',
    reason: 'Reason (optional)',
    add: 'Add unavailability',
    addFor: 'Add unavailability for {{name}}',
    remove: 'Remove the unavailability from {{from}} to {{to}}',
    period: 'from {{from}} to {{to}}',
    roles: { trainer: 'Trainer', consultant: 'Consultant', coach: 'Coach', former: 'Former team member' },
    workshopTitle: 'Practical workshop no. {{number}} — {{place}}',
    sessionsTitle: 'Sessions of the plan',
    sessionsIntro: 'Each group’s trainings and the practical workshops of the approved plan go into the programme’s calendar.',
    sessionsToCreate: plural({ one: '{{count}} session to create', other: '{{count}} sessions to create' }),
    sessionsCreated: plural({ one: '{{count}} session already created', other: '{{count}} sessions already created' }),
    createSessions: 'Create the sessions',
    created: plural({ one: '{{count}} session created.', other: '{{count}} sessions created.' }),
    allCreated: 'Every session of the plan is in the calendar.',
    openCalendar: 'Open the calendar',
    approveFirst: 'Sessions are created from the approved version.',
  },
};
