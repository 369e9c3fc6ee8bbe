import type { BudgetCategory } from '../../core/financing/financing.schema.js';
import type { Db } from '../db/database.js';
import { representedCooperativeNumber } from './demo-data.js';
import type { DemoCohort, DemoCohorts, DemoContext } from './demo-context.js';

/**
 * The money of both programmes: budget lines per funder and category adding
 * up to each funder's contribution (see demo-programmes.ts), the
 * consultancy's contracts committed on the diagnostic, training and coaching
 * lines and paid in instalments, and commitments on the cooperatives'
 * actions financed by the programme — some paid in full, some in part, some
 * not yet. Every date lies in the part of the programme already elapsed.
 */

interface DemoContract {
  /** Days after the programme's start. */
  committedDay: number;
  share: number;
  reference: string;
  note: string;
  /** Instalments: days after the start, share of the contract. */
  instalments: Array<[day: number, share: number]>;
}

interface DemoLine {
  funder: string;
  category: BudgetCategory;
  label: string;
  amountMad: number;
  contract?: DemoContract;
}

const demoLines: Record<'south' | 'souss', DemoLine[]> = {
  // INJAZ: 1 200 000 MAD from the corporate partner.
  south: [
    {
      funder: 'corporate',
      category: 'diagnostic',
      label: 'Diagnostic des besoins des 18 coopératives',
      amountMad: 240_000,
      contract: { committedDay: 4, share: 0.9, reference: 'Contrat CONS-INJ-01 (lot 1)', note: 'Appel à consultation — diagnostic technique, financier et juridique.', instalments: [[30, 0.4], [64, 0.6]] },
    },
    {
      funder: 'corporate',
      category: 'training',
      label: 'Plan, guide et sessions de formation',
      amountMad: 360_000,
      contract: { committedDay: 58, share: 0.9, reference: 'Contrat CONS-INJ-01 (lot 2)', note: 'Formations groupées et guide de formation bilingue.', instalments: [[75, 0.3]] },
    },
    {
      funder: 'corporate',
      category: 'coaching',
      label: 'Ateliers pratiques mensuels et suivi à distance',
      amountMad: 300_000,
      contract: { committedDay: 100, share: 0.5, reference: 'Avenant CONS-INJ-01/A1', note: 'Six ateliers pratiques par pôle et suivi bimensuel.', instalments: [] },
    },
    { funder: 'corporate', category: 'action_financing', label: 'Financement des plans d’action', amountMad: 300_000 },
  ],
  // Mourafaka: 935 000 MAD from the ministry of the social economy, 467 500 MAD from the ministry of finance.
  souss: [
    {
      funder: 'ministry-sse',
      category: 'diagnostic',
      label: 'Diagnostic stratégique des 33 coopératives',
      amountMad: 165_000,
      contract: { committedDay: 3, share: 0.9, reference: 'Marché MRF-T2-01', note: 'Diagnostic stratégique et SWOT par coopérative.', instalments: [[40, 0.5], [70, 0.5]] },
    },
    {
      funder: 'ministry-sse',
      category: 'training',
      label: 'Formation groupée des gestionnaires',
      amountMad: 280_000,
      contract: { committedDay: 44, share: 0.85, reference: 'Marché MRF-T2-02', note: 'Six modules de formation groupée, quatre groupes.', instalments: [[80, 0.25]] },
    },
    {
      funder: 'ministry-sse',
      category: 'coaching',
      label: 'Accompagnement individuel de proximité (24 mois)',
      amountMad: 490_000,
      contract: { committedDay: 60, share: 0.4, reference: 'Marché MRF-T2-03 (tranche ferme)', note: 'Douze visites d’accompagnement par coopérative.', instalments: [[85, 0.15]] },
    },
    { funder: 'ministry-finance', category: 'action_financing', label: 'Financement d’actions des coopératives', amountMad: 467_500 },
  ],
};

/** Days after the start of the first commitment on actions: once the action plans are agreed. */
const actionsCommittedFrom: Record<'south' | 'souss', number> = { south: 70, souss: 62 };
/** At most this share of the action line is committed, so that the demo has room for "Engager". */
const actionLineCeiling = 0.8;

const dayMs = 24 * 3600 * 1000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const roundMad = (amount: number) => Math.round(amount * 100) / 100;
/** Rounded to the hundred dirhams, as contracts are written. */
const roundHundreds = (amount: number) => Math.round(amount / 100) * 100;

export async function loadDemoFinancing(trx: Db, cohorts: DemoCohorts, context: DemoContext): Promise<void> {
  const represented = await trx.selectFrom('cooperatives').select('id').where('registrationNumber', '=', representedCooperativeNumber).executeTakeFirst();
  for (const key of ['south', 'souss'] as const) {
    await loadProgrammeFinancing(trx, key, cohorts[key], context, represented?.id ?? null);
  }
}

async function loadProgrammeFinancing(trx: Db, key: 'south' | 'souss', cohort: DemoCohort, context: DemoContext, representedId: string | null) {
  const lastDay = new Date(context.today.getTime() - dayMs);
  /** A day of the programme, never after yesterday. */
  const day = (offset: number) => isoDay(new Date(Math.min(cohort.start.getTime() + offset * dayMs, lastDay.getTime())));
  const inserted = await trx
    .insertInto('budgetLines')
    .values(demoLines[key].map((line) => ({ programmeId: cohort.programmeId, funderId: context.organisationIds.get(line.funder)!, category: line.category, label: line.label, amountMad: line.amountMad })))
    .returning(['id', 'category'])
    .execute();
  const lineIds = inserted.map((row) => row.id);

  const commitments: Array<{ values: CommitmentValues; instalments: Array<[day: string, amountMad: number]> }> = [];
  demoLines[key].forEach((line, index) => {
    if (!line.contract) return;
    const amountMad = roundHundreds(line.amountMad * line.contract.share);
    commitments.push({
      values: { budgetLineId: lineIds[index]!, programmeId: cohort.programmeId, cooperativeId: null, actionId: null, amountMad, committedOn: day(line.contract.committedDay), reference: line.contract.reference, note: line.contract.note },
      instalments: line.contract.instalments.filter(([offset]) => cohort.start.getTime() + offset * dayMs <= lastDay.getTime()).map(([offset, share]) => [day(offset), roundMad(amountMad * share)]),
    });
  });

  // The actions the programme finances, the represented cooperative's first so that its representative sees money move.
  const actionLineIndex = demoLines[key].findIndex((line) => line.category === 'action_financing');
  const actionLine = demoLines[key][actionLineIndex]!;
  const actions = await trx
    .selectFrom('planActions')
    .innerJoin('actionPlans', 'actionPlans.id', 'planActions.actionPlanId')
    .select(['planActions.id', 'planActions.title', 'planActions.budgetMad', 'actionPlans.cooperativeId'])
    .where('actionPlans.programmeId', '=', cohort.programmeId)
    .where('planActions.financingSource', '=', 'programme')
    .where('planActions.budgetMad', '>', 0)
    .where('planActions.status', '<>', 'cancelled')
    .orderBy('actionPlans.cooperativeId')
    .orderBy('planActions.position')
    .execute();
  const ordered = [...actions.filter((action) => action.cooperativeId === representedId), ...actions.filter((action) => action.cooperativeId !== representedId)];
  let committed = 0;
  ordered.forEach((action, index) => {
    const amountMad = roundMad(Number(action.budgetMad));
    if (committed + amountMad > actionLine.amountMad * actionLineCeiling) return;
    committed += amountMad;
    const committedOffset = actionsCommittedFrom[key] + ((index * 5) % 35);
    const committedOn = day(committedOffset);
    // A third paid in full, a third paid half, a third waiting.
    const paid = index % 3 === 0 ? [[day(committedOffset + 12), amountMad] as [string, number]] : index % 3 === 1 ? [[day(committedOffset + 9), roundMad(amountMad / 2)] as [string, number]] : [];
    commitments.push({
      values: {
        budgetLineId: lineIds[actionLineIndex]!,
        programmeId: cohort.programmeId,
        cooperativeId: action.cooperativeId,
        actionId: action.id,
        amountMad,
        committedOn,
        reference: `CONV-${key === 'south' ? 'INJ' : 'MRF'}-${String(index + 1).padStart(3, '0')}`,
        note: null,
      },
      instalments: paid.filter(([paidOn]) => paidOn >= committedOn),
    });
  });

  if (commitments.length === 0) return;
  const rows = await trx
    .insertInto('financingCommitments')
    .values(commitments.map(({ values }) => ({ ...values, createdBy: context.managerId })))
    .returning('id')
    .execute();
  const disbursements = commitments.flatMap(({ instalments }, index) =>
    instalments.map(([paidOn, amountMad], number) => ({ commitmentId: rows[index]!.id, amountMad, paidOn, reference: `OV-${paidOn.replaceAll('-', '')}-${index + 1}-${number + 1}`, createdBy: context.managerId })),
  );
  if (disbursements.length > 0) await trx.insertInto('financingDisbursements').values(disbursements).execute();
}

interface CommitmentValues {
  budgetLineId: string;
  programmeId: string;
  cooperativeId: string | null;
  actionId: string | null;
  amountMad: number;
  committedOn: string;
  reference: string;
  note: string | null;
}
