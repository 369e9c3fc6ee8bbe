import { plural } from '../i18n/plural.js';

/** Trainers' unavailability and the sessions of an approved plan, in French. */
export const trainersFr = {
  issues: {
    unavailability_order: 'La fin de la période doit suivre son début.',
  },
  fields: {},
  trainers: {
    title: 'Formateurs et indisponibilités',
    intro: 'Le plan n’attribue aucune séance à un formateur pendant ses indisponibilités, ni un jour où il anime déjà une séance d’un autre programme.',
    none: 'L’équipe du programme ne compte aucun formateur, consultant ou coach.',
    noPeriods: 'Disponible',
    from: 'Du',
    to: 'Au',
    reason: 'Motif (facultatif)',
    add: 'Ajouter une indisponibilité',
    addFor: 'Ajouter une indisponibilité pour {{name}}',
    remove: 'Supprimer l’indisponibilité du {{from}} au {{to}}',
    period: 'du {{from}} au {{to}}',
    roles: { trainer: 'Formateur', consultant: 'Consultant', coach: 'Coach', former: 'Ancien membre de l’équipe' },
    workshopTitle: 'Atelier pratique n° {{number}} — {{place}}',
    sessionsTitle: 'Séances du plan',
    sessionsIntro: 'Les formations de chaque groupe et les ateliers pratiques du plan approuvé entrent dans le calendrier du programme.',
    sessionsToCreate: plural({ one: '{{count}} séance à créer', other: '{{count}} séances à créer' }),
    sessionsCreated: plural({ one: '{{count}} séance déjà créée', other: '{{count}} séances déjà créées' }),
    createSessions: 'Créer les séances',
    created: plural({ one: '{{count}} séance créée.', other: '{{count}} séances créées.' }),
    allCreated: 'Toutes les séances du plan sont dans le calendrier.',
    openCalendar: 'Ouvrir le calendrier',
    approveFirst: 'Les séances se créent à partir de la version approuvée.',
  },
};
