import type { Db } from '../../src/server/db/database.js';
import { signedIn, type Case, type Expected, type Fixture } from './support.js';

/* ---------- Records to work on (also used by test/financing.http.test.ts) ---------- */

let organisationCount = 0;

/** A funder organisation of the programme, with its contribution. */
export async function makeFunder(db: Db, programmeId: string, contributionMad: number | null = 1_000_000, nameFr = `Bailleur ${(organisationCount += 1)}`): Promise<string> {
  const { id } = await db.insertInto('organisations').values({ nameFr, kind: 'funder' }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('programmeOrganisations').values({ programmeId, organisationId: id, role: 'funder', contributionMad }).execute();
  return id;
}

export async function makeLine(db: Db, programmeId: string, funderId: string, amountMad: number, category: 'diagnostic' | 'training' | 'coaching' | 'action_financing' | 'other' = 'action_financing', label = 'Financement des actions'): Promise<string> {
  return (await db.insertInto('budgetLines').values({ programmeId, funderId, category, label, amountMad }).returning('id').executeTakeFirstOrThrow()).id;
}

/** An action of the cooperative's plan in the programme (the plan is made on first use). */
export async function makeAction(
  db: Db,
  programmeId: string,
  cooperativeId: string,
  overrides: { title?: string; budgetMad?: number | null; financingSource?: 'programme' | 'own_funds' | 'partner' | 'loan' | null } = {},
): Promise<string> {
  const plan =
    (await db.selectFrom('actionPlans').select('id').where('programmeId', '=', programmeId).where('cooperativeId', '=', cooperativeId).executeTakeFirst()) ??
    (await db.insertInto('actionPlans').values({ programmeId, cooperativeId, status: 'agreed' }).returning('id').executeTakeFirstOrThrow());
  const action = await db
    .insertInto('planActions')
    .values({
      actionPlanId: plan.id,
      title: overrides.title ?? 'Acquérir une balance homologuée',
      executorKind: 'consultant',
      startsOn: '2026-02-01',
      dueOn: '2026-05-31',
      budgetMad: overrides.budgetMad === undefined ? 40_000 : overrides.budgetMad,
      financingSource: overrides.financingSource === undefined ? 'programme' : overrides.financingSource,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return action.id;
}

export async function makeCommitment(db: Db, values: { programmeId: string; budgetLineId: string; cooperativeId: string | null; actionId?: string | null; amountMad: number }): Promise<string> {
  return (await db.insertInto('financingCommitments').values({ actionId: null, committedOn: '2026-03-02', ...values }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function makeDisbursement(db: Db, commitmentId: string, amountMad: number): Promise<string> {
  return (await db.insertInto('financingDisbursements').values({ commitmentId, amountMad, paidOn: '2026-03-10' }).returning('id').executeTakeFirstOrThrow()).id;
}

export async function makeDocument(db: Db, owner: { commitmentId: string } | { disbursementId: string }): Promise<string> {
  const content = Buffer.from('%PDF-1.4 convention');
  return (
    await db
      .insertInto('financingDocuments')
      .values({ commitmentId: null, disbursementId: null, ...owner, fileName: 'convention.pdf', contentType: 'application/pdf', content, size: content.length })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/* ---------- The fixture's programme ---------- */

let shared: Promise<{ funderId: string; lineId: string }> | undefined;
let sharedFor: Fixture | undefined;

/** A funder and a roomy line in the fixture's programme, made once per database. */
async function financed(fixture: Fixture) {
  if (sharedFor !== fixture) {
    sharedFor = fixture;
    shared = (async () => {
      const funderId = await makeFunder(fixture.db, fixture.programmeId, 5_000_000);
      return { funderId, lineId: await makeLine(fixture.db, fixture.programmeId, funderId, 5_000_000) };
    })();
  }
  return shared!;
}

/** A fresh commitment for the representative's cooperative. */
async function freshCommitment(fixture: Fixture): Promise<string> {
  const { lineId } = await financed(fixture);
  return makeCommitment(fixture.db, { programmeId: fixture.programmeId, budgetLineId: lineId, cooperativeId: fixture.cooperativeId, amountMad: 1_000 });
}

/** The team and the funders read; a representative of an enrolled cooperative sees the programme (403), another does not (404). */
const financingReaders = (status: number): Expected => ({ ...signedIn(status), representative: 403, otherRepresentative: 404 });
/** The programme's managers and admins write. */
const financingManagers = (status: number): Expected => ({ ...financingReaders(403), admin: status, manager: status });
/** A line is no cooperative's: a representative does not learn it exists. */
const lineManagers = (status: number): Expected => ({ ...financingManagers(status), representative: 404 });
/** One action: also its cooperative's representative. */
const actionReaders = (status: number): Expected => ({ ...signedIn(status), otherRepresentative: 404 });
/** Documents: the team and the cooperative's representative, not funders. */
const documentReaders = (status: number): Expected => ({ ...actionReaders(status), funder: 403 });

const multipartPdf = () => {
  const boundary = 'financingboundary';
  return {
    payload: Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="facture.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 facture\r\n--${boundary}--\r\n`),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
};

export const financingCases: Case[] = [
  {
    method: 'GET',
    route: '/api/programmes/{programmeId}/financing',
    expected: financingReaders(200),
    request: async (fixture) => {
      await financed(fixture);
      return { url: `/api/programmes/${fixture.programmeId}/financing` };
    },
  },
  {
    method: 'POST',
    route: '/api/programmes/{programmeId}/budget-lines',
    expected: financingManagers(201),
    request: async (fixture) => ({ url: `/api/programmes/${fixture.programmeId}/budget-lines`, payload: { funderId: (await financed(fixture)).funderId, category: 'training', label: 'Formations groupées', amountMad: 100_000 } }),
  },
  {
    method: 'PATCH',
    route: '/api/budget-lines/{id}',
    expected: lineManagers(200),
    request: async (fixture) => {
      const lineId = await makeLine(fixture.db, fixture.programmeId, (await financed(fixture)).funderId, 10_000, 'coaching', 'Coaching');
      return { url: `/api/budget-lines/${lineId}`, payload: { amountMad: 12_000, version: 1 } };
    },
  },
  {
    method: 'DELETE',
    route: '/api/budget-lines/{id}',
    expected: lineManagers(204),
    request: async (fixture) => ({ url: `/api/budget-lines/${await makeLine(fixture.db, fixture.programmeId, (await financed(fixture)).funderId, 10_000, 'other', 'Divers')}` }),
  },
  {
    method: 'POST',
    route: '/api/programmes/{programmeId}/commitments',
    expected: financingManagers(201),
    request: async (fixture) => {
      const actionId = await makeAction(fixture.db, fixture.programmeId, fixture.cooperativeId);
      return { url: `/api/programmes/${fixture.programmeId}/commitments`, payload: { budgetLineId: (await financed(fixture)).lineId, actionId, amountMad: 1_500, committedOn: '2026-03-02', reference: 'CONV-1' } };
    },
  },
  {
    method: 'DELETE',
    route: '/api/commitments/{id}',
    expected: financingManagers(204),
    request: async (fixture) => ({ url: `/api/commitments/${await freshCommitment(fixture)}` }),
  },
  {
    method: 'POST',
    route: '/api/commitments/{id}/disbursements',
    expected: financingManagers(201),
    request: async (fixture) => ({ url: `/api/commitments/${await freshCommitment(fixture)}/disbursements`, payload: { amountMad: 400, paidOn: '2026-03-15' } }),
  },
  {
    method: 'DELETE',
    route: '/api/disbursements/{id}',
    expected: financingManagers(204),
    request: async (fixture) => ({ url: `/api/disbursements/${await makeDisbursement(fixture.db, await freshCommitment(fixture), 100)}` }),
  },
  {
    method: 'POST',
    route: '/api/commitments/{id}/documents',
    expected: financingManagers(201),
    request: async (fixture) => ({ url: `/api/commitments/${await freshCommitment(fixture)}/documents`, ...multipartPdf() }),
  },
  {
    method: 'POST',
    route: '/api/disbursements/{id}/documents',
    expected: financingManagers(201),
    request: async (fixture) => ({ url: `/api/disbursements/${await makeDisbursement(fixture.db, await freshCommitment(fixture), 100)}/documents`, ...multipartPdf() }),
  },
  {
    method: 'GET',
    route: '/api/financing-documents/{id}',
    expected: documentReaders(200),
    request: async (fixture) => ({ url: `/api/financing-documents/${await makeDocument(fixture.db, { commitmentId: await freshCommitment(fixture) })}` }),
  },
  {
    method: 'DELETE',
    route: '/api/financing-documents/{id}',
    expected: financingManagers(204),
    request: async (fixture) => ({ url: `/api/financing-documents/${await makeDocument(fixture.db, { commitmentId: await freshCommitment(fixture) })}` }),
  },
  {
    method: 'GET',
    route: '/api/actions/{actionId}/financing',
    expected: actionReaders(200),
    request: async (fixture) => ({ url: `/api/actions/${await makeAction(fixture.db, fixture.programmeId, fixture.cooperativeId)}/financing` }),
  },
];
