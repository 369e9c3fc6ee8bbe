import { makeDraft } from './plans.cases.js';
import { signedIn, type Case, type Expected, type Fixture } from './support.js';

/** Editing and copying plans: the programme's managers and admins; its team readers 403; a representative sees the programme (403), another does not (404). */
const planEditors = (status: number): Expected => ({ ...signedIn(403), representative: 403, otherRepresentative: 404, admin: status, manager: status });

/** A fresh draft holding one workshop, so that each edit answers as on a real one. */
const makeEditableDraft = (fixture: Fixture) =>
  makeDraft(fixture, [{ provinceCode: '11.537', place: 'Tarfaya', date: '2027-04-05', trainerId: null, cooperativeIds: [fixture.cooperativeId] }]);

/** Editing draft plans. */
export const planEditCases: Case[] = [
  {
    method: 'PUT',
    route: '/api/plans/{planId}',
    expected: planEditors(200),
    request: async (fixture) => ({
      url: `/api/plans/${await makeEditableDraft(fixture)}`,
      payload: { revision: 1, edits: [{ type: 'set_workshop', workshopIndex: 0, date: '2027-04-06', trainerId: null }] },
    }),
  },
  { method: 'POST', route: '/api/plans/{planId}/copy', expected: planEditors(201), request: async (fixture) => ({ url: `/api/plans/${await makeEditableDraft(fixture)}/copy` }) },
];
