import type { DiagnosticStatus } from '../../src/core/diagnostics/diagnostic.schema.js';
import { completeTestAnswers, createTestDiagnostic, createTestEnrolment, createTestFramework } from '../support/diagnostic-factories.js';
import { createTestCooperative } from '../support/factories.js';
import { signedIn, type Case, type Expected, type Fixture } from './support.js';

/**
 * Diagnostics: filling, comments, workflow. The diagnostic under test is the
 * fixture cooperative's midline (its representative may read it), created
 * once per database; each workflow case puts it back in the status its
 * action starts from before every persona tries.
 */

const diagnosticOf = new WeakMap<Fixture, Promise<string>>();

function fixtureDiagnostic(fixture: Fixture): Promise<string> {
  let pending = diagnosticOf.get(fixture);
  if (!pending) {
    pending = (async () => {
      const enrolment = await fixture.db.selectFrom('enrolments').select(['id', 'programmeId', 'cooperativeId']).where('id', '=', fixture.enrolmentId).executeTakeFirstOrThrow();
      const existing = await fixture.db.selectFrom('diagnostics').select('id').where('enrolmentId', '=', enrolment.id).where('kind', '=', 'midline').executeTakeFirst();
      if (existing) return existing.id;
      const framework = await createTestFramework(fixture.db);
      return (await createTestDiagnostic(fixture.db, enrolment, framework.id, 'midline')).id;
    })();
    diagnosticOf.set(fixture, pending);
  }
  return pending;
}

/** The fixture diagnostic in `status`, with every scored question settled; returns its id and version. */
async function diagnosticIn(fixture: Fixture, status: DiagnosticStatus) {
  const id = await fixtureDiagnostic(fixture);
  await fixture.db
    .insertInto('diagnosticAnswers')
    .values(completeTestAnswers.map((answer) => ({ diagnosticId: id, questionKey: answer.questionKey, value: answer.value === null ? null : JSON.stringify(answer.value), notApplicable: answer.notApplicable })))
    .onConflict((conflict) => conflict.columns(['diagnosticId', 'questionKey']).doNothing())
    .execute();
  const row = await fixture.db.updateTable('diagnostics').set({ status }).where('id', '=', id).returning('version').executeTakeFirstOrThrow();
  return { id, version: row.version };
}

/** A fresh enrolled cooperative in the fixture programme, whose framework is the default one (made if there is none yet). */
async function freshEnrolment(fixture: Fixture) {
  const programme = await fixture.db.selectFrom('programmes').select('frameworkId').where('id', '=', fixture.programmeId).executeTakeFirstOrThrow();
  if (!programme.frameworkId) {
    const fallback = await fixture.db.selectFrom('diagnosticFrameworks').select('id').where('isDefault', '=', true).executeTakeFirst();
    if (!fallback) await createTestFramework(fixture.db, { isDefault: true });
  }
  const cooperative = await createTestCooperative(fixture.db);
  return createTestEnrolment(fixture.db, fixture.programmeId, cooperative.id);
}

/** The programme team reads and fills; the representative reads; another representative does not see it; the funder sees that it exists only. */
const fillers = (status: number): Expected => ({ ...signedIn(403), admin: status, manager: status, consultant: status, otherRepresentative: 404 });
const validators = (status: number): Expected => ({ ...signedIn(403), admin: status, manager: status, otherRepresentative: 404 });
const readers = (status: number): Expected => ({ ...fillers(status), representative: status });

export const diagnosticsCases: Case[] = [
  {
    method: 'POST',
    route: '/api/enrolments/{enrolmentId}/diagnostics',
    // A fresh cooperative: its representative is not the fixture's, so both representatives get 404.
    expected: { ...fillers(201), representative: 404 },
    request: async (fixture) => ({ url: `/api/enrolments/${(await freshEnrolment(fixture)).id}/diagnostics`, payload: { kind: 'baseline' } }),
  },
  {
    method: 'GET',
    route: '/api/diagnostics/{diagnosticId}',
    expected: readers(200),
    request: async (fixture) => ({ url: `/api/diagnostics/${await fixtureDiagnostic(fixture)}` }),
  },
  {
    method: 'PUT',
    route: '/api/diagnostics/{diagnosticId}/answers',
    expected: fillers(200),
    request: async (fixture) => {
      const { id, version } = await diagnosticIn(fixture, 'draft');
      return { url: `/api/diagnostics/${id}/answers`, payload: { answers: [{ questionKey: 'general_assembly', value: 1 + (version % 4), notApplicable: false }], version } };
    },
  },
  {
    method: 'POST',
    route: '/api/diagnostics/{diagnosticId}/comments',
    expected: readers(201),
    request: async (fixture) => ({ url: `/api/diagnostics/${await fixtureDiagnostic(fixture)}/comments`, payload: { body: 'Vu avec la présidente.' } }),
  },
  {
    method: 'POST',
    route: '/api/diagnostics/{diagnosticId}/submit',
    expected: fillers(200),
    request: async (fixture) => ({ url: `/api/diagnostics/${(await diagnosticIn(fixture, 'draft')).id}/submit` }),
  },
  {
    method: 'POST',
    route: '/api/diagnostics/{diagnosticId}/validate',
    expected: validators(200),
    request: async (fixture) => ({ url: `/api/diagnostics/${(await diagnosticIn(fixture, 'submitted')).id}/validate` }),
  },
  {
    method: 'POST',
    route: '/api/diagnostics/{diagnosticId}/return',
    expected: validators(200),
    request: async (fixture) => ({ url: `/api/diagnostics/${(await diagnosticIn(fixture, 'submitted')).id}/return`, payload: { comment: 'À compléter.' } }),
  },
];
