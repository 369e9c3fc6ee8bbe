import { sql, type RawBuilder } from 'kysely';
import { emptyGroupSums, type GroupSums } from '../../core/indicators/indicators.js';
import { outcomeIndicators, type BreakdownDimension, type OutcomeIndicator } from '../../core/indicators/indicators.schema.js';
import type { Db } from '../db/database.js';

/**
 * The SQL of a programme's indicators: six grouped statements, each over the
 * whole programme at once (no query per cooperative), each taking the
 * programme id. The cooperatives counted are those enrolled in the programme
 * or that completed it; a withdrawn cooperative's history stays out, as in
 * the needs reports.
 *
 * Every statement groups by `grp`, the group of the cooperative in the
 * dimension asked for (province, sector, or for "sex" its membership:
 * women's cooperative or not, by the rule of `cooperativeSexGroup`), or by a
 * single empty group without one. Sessions, which may gather cooperatives of
 * several groups, are counted once per group and, for the total, once.
 */

export interface IndicatorScope {
  programmeId: string;
  by: BreakdownDimension | null;
  province: string | null;
  sector: string | null;
  /** Today in Morocco (YYYY-MM-DD): actions past due, follow-ups held. */
  today: string;
  /** The instant today ends in Morocco: follow-ups planned before it are due. */
  endOfToday: string;
}

const groupExpression: Record<BreakdownDimension | 'none', RawBuilder<string>> = {
  none: sql<string>`''::text`,
  province: sql<string>`coalesce(e.province_code, '')`,
  sector: sql<string>`coalesce(e.sector, '')`,
  // The rule of cooperativeSexGroup (core/indicators/indicators.ts): women are the majority of the members.
  sex: sql<string>`case when c.members_total > 0 and c.members_women is not null
    then case when c.members_women * 2 > c.members_total then 'women_cooperatives' else 'other_cooperatives' end
    else 'unknown_membership' end`,
};

/** The cooperatives counted, with their group: the first common table of every statement. */
function cooperativesInScope(scope: IndicatorScope): RawBuilder<unknown> {
  const join = scope.by === 'sex' ? sql`join cooperatives c on c.id = e.cooperative_id` : sql``;
  const province = scope.province ? sql`and e.province_code = ${scope.province}` : sql``;
  const sector = scope.sector ? sql`and e.sector = ${scope.sector}` : sql``;
  return sql`coop as (
    select e.id as enrolment_id, e.cooperative_id, ${groupExpression[scope.by ?? 'none']} as grp
    from enrolments e ${join}
    where e.programme_id = ${scope.programmeId} and e.status in ('enrolled', 'completed') ${province} ${sector}
  )`;
}

/** Cooperatives, those diagnosed, and the maturity gained from the baseline to the latest validated midline or endline. */
export function cooperativesStatement(scope: IndicatorScope) {
  return sql<{ grp: string; cooperatives: number; diagnosed: number; maturityCompared: number; maturityGainSum: number | null; levelGained: number }>`
    with ${cooperativesInScope(scope)}
    select coop.grp,
      count(*) as cooperatives,
      count(b.id) as diagnosed,
      count(b.overall_score - coalesce(en.overall_score, mid.overall_score)) as maturity_compared,
      sum(coalesce(en.overall_score, mid.overall_score) - b.overall_score)::float8 as maturity_gain_sum,
      count(*) filter (where coalesce(en.maturity_level, mid.maturity_level) > b.maturity_level) as level_gained
    from coop
    left join diagnostics b on b.enrolment_id = coop.enrolment_id and b.kind = 'baseline' and b.status = 'validated'
    left join diagnostics mid on mid.enrolment_id = coop.enrolment_id and mid.kind = 'midline' and mid.status = 'validated'
    left join diagnostics en on en.enrolment_id = coop.enrolment_id and en.kind = 'endline' and en.status = 'validated'
    group by coop.grp`;
}

/** Trainings and workshops: held, scheduled (held or still planned) and hours held; per group, then once for the whole programme (`isTotal`). */
export function sessionsStatement(scope: IndicatorScope) {
  return sql<{ isTotal: boolean; grp: string | null; kind: 'training' | 'workshop'; held: number; scheduled: number; hours: number | null }>`
    with ${cooperativesInScope(scope)},
    pairs as (
      select distinct s.id, s.kind, s.status, extract(epoch from (s.ends_at - s.starts_at)) / 3600.0 as hours, coop.grp
      from programme_sessions s
      join session_cooperatives sc on sc.session_id = s.id
      join coop on coop.cooperative_id = sc.cooperative_id
      where s.programme_id = ${scope.programmeId} and s.kind in ('training', 'workshop') and s.status in ('planned', 'held')
    )
    select false as is_total, grp, kind, count(*) filter (where status = 'held') as held, count(*) as scheduled,
      (sum(hours) filter (where status = 'held'))::float8 as hours
    from pairs group by grp, kind
    union all
    select true, null, kind, count(*) filter (where status = 'held'), count(*), (sum(hours) filter (where status = 'held'))::float8
    from (select distinct id, kind, status, hours from pairs) as sessions group by kind`;
}

/**
 * People present at a training or workshop held, each counted once (the
 * member, or else the name within the cooperative), by sex. A person belongs
 * to one cooperative, hence to one group.
 */
export function participantsStatement(scope: IndicatorScope) {
  return sql<{ grp: string; women: number; men: number; unspecified: number }>`
    with ${cooperativesInScope(scope)},
    people as (
      select coop.grp, coalesce(a.member_id::text, a.cooperative_id::text || ':' || lower(a.full_name)) as person, max(a.sex) as sex
      from session_attendance a
      join programme_sessions s on s.id = a.session_id
      join coop on coop.cooperative_id = a.cooperative_id
      where s.programme_id = ${scope.programmeId} and s.kind in ('training', 'workshop') and s.status = 'held' and a.present
      group by 1, 2
    )
    select grp, count(*) filter (where sex = 'female') as women, count(*) filter (where sex = 'male') as men, count(*) filter (where sex is null) as unspecified
    from people group by grp`;
}

/** Follow-ups: confirmed and held up to today; remote follow-ups and coaching visits planned to start before today ends (not cancelled or postponed). */
export function followUpsStatement(scope: IndicatorScope) {
  return sql<{ grp: string; held: number; due: number }>`
    with ${cooperativesInScope(scope)},
    held as (
      select f.cooperative_id, count(*) as n from follow_ups f
      where f.programme_id = ${scope.programmeId} and f.status = 'confirmed' and f.held_on <= ${scope.today}
      group by f.cooperative_id
    ),
    due as (
      select sc.cooperative_id, count(*) as n
      from programme_sessions s join session_cooperatives sc on sc.session_id = s.id
      where s.programme_id = ${scope.programmeId} and s.kind in ('remote_follow_up', 'coaching') and s.status in ('planned', 'held') and s.starts_at < ${scope.endOfToday}
      group by sc.cooperative_id
    )
    select coop.grp, coalesce(sum(held.n), 0)::int8 as held, coalesce(sum(due.n), 0)::int8 as due
    from coop
    left join held on held.cooperative_id = coop.cooperative_id
    left join due on due.cooperative_id = coop.cooperative_id
    group by coop.grp`;
}

/**
 * The actions of agreed plans, cancelled ones left out: done, done by their
 * agreed due date, past due; and their indicators, reached when the latest
 * measurement is at the target (at or below it when the target is below the
 * baseline: the rule of `hasReachedTarget`).
 */
export function actionsStatement(scope: IndicatorScope) {
  return sql<{ grp: string; committed: number; done: number; onTime: number; overdue: number; tracked: number; reached: number }>`
    with ${cooperativesInScope(scope)},
    acts as (
      select coop.grp, pa.id, pa.status, pa.done_on, coalesce(pa.agreed_due_on, pa.due_on) as agreed_due_on, pa.due_on
      from coop
      join action_plans ap on ap.programme_id = ${scope.programmeId} and ap.cooperative_id = coop.cooperative_id and ap.status = 'agreed'
      join plan_actions pa on pa.action_plan_id = ap.id
      where pa.status <> 'cancelled'
    ),
    counted as (
      select grp, count(*) as committed,
        count(*) filter (where status = 'done') as done,
        count(*) filter (where status = 'done' and done_on <= agreed_due_on) as on_time,
        count(*) filter (where status <> 'done' and due_on < ${scope.today}) as overdue
      from acts group by grp
    ),
    measured as (
      select acts.grp, count(*) as tracked,
        count(*) filter (where case when ai.baseline is not null and ai.target < ai.baseline then latest.value <= ai.target else latest.value >= ai.target end) as reached
      from acts
      join action_indicators ai on ai.action_id = acts.id
      left join lateral (
        select m.value from indicator_measurements m where m.indicator_id = ai.id order by m.measured_on desc, m.created_at desc limit 1
      ) latest on true
      group by acts.grp
    )
    select counted.grp, counted.committed, counted.done, counted.on_time, counted.overdue,
      coalesce(measured.tracked, 0) as tracked, coalesce(measured.reached, 0) as reached
    from counted left join measured on measured.grp = counted.grp`;
}

/**
 * Turnover, jobs and members entered per cooperative: for each cooperative
 * with at least two figures of an indicator, its first and its latest,
 * summed per group; women and men summed where both figures split them.
 */
export function outcomesStatement(scope: IndicatorScope) {
  return sql<{
    grp: string;
    indicator: OutcomeIndicator;
    cooperatives: number;
    baseline: number;
    latest: number;
    sexCooperatives: number;
    womenBaseline: number | null;
    womenLatest: number | null;
    menBaseline: number | null;
    menLatest: number | null;
  }>`
    with ${cooperativesInScope(scope)},
    ranked as (
      select m.cooperative_id, m.indicator, m.value, m.women, m.men,
        row_number() over (partition by m.cooperative_id, m.indicator order by m.measured_on) as from_first,
        row_number() over (partition by m.cooperative_id, m.indicator order by m.measured_on desc) as from_latest
      from outcome_measurements m
      where m.programme_id = ${scope.programmeId}
    ),
    changes as (
      select f.cooperative_id, f.indicator, f.value as baseline, l.value as latest,
        f.women as women_baseline, f.men as men_baseline, l.women as women_latest, l.men as men_latest,
        (f.women is not null and f.men is not null and l.women is not null and l.men is not null) as split
      from ranked f
      join ranked l on l.cooperative_id = f.cooperative_id and l.indicator = f.indicator and l.from_latest = 1
      where f.from_first = 1 and f.from_latest > 1
    )
    select coop.grp, changes.indicator, count(*) as cooperatives,
      sum(changes.baseline)::float8 as baseline, sum(changes.latest)::float8 as latest,
      count(*) filter (where split) as sex_cooperatives,
      sum(women_baseline) filter (where split) as women_baseline, sum(women_latest) filter (where split) as women_latest,
      sum(men_baseline) filter (where split) as men_baseline, sum(men_latest) filter (where split) as men_latest
    from changes join coop on coop.cooperative_id = changes.cooperative_id
    group by coop.grp, changes.indicator`;
}

/** Every statement of the indicators, in the order `readIndicatorSums` runs them (the bench runs the same). */
export function indicatorStatements(scope: IndicatorScope) {
  return [
    cooperativesStatement(scope),
    sessionsStatement(scope),
    participantsStatement(scope),
    followUpsStatement(scope),
    actionsStatement(scope),
    outcomesStatement(scope),
  ] as const;
}

const n = (value: number | string | null | undefined) => Number(value ?? 0);

/** The sums of the programme (within the filters) and of each group of the dimension asked for. */
export async function readIndicatorSums(db: Db, scope: IndicatorScope): Promise<{ total: GroupSums; groups: Array<{ group: string; sums: GroupSums }> }> {
  const [cooperatives, sessions, participants, followUps, actions, outcomes] = indicatorStatements(scope);
  // Side by side: on PostgreSQL each on its own connection of the pool.
  const [cooperativeRows, sessionRows, participantRows, followUpRows, actionRows, outcomeRows] = await Promise.all([
    cooperatives.execute(db),
    sessions.execute(db),
    participants.execute(db),
    followUps.execute(db),
    actions.execute(db),
    outcomes.execute(db),
  ]);
  const total = emptyGroupSums();
  const groups = new Map<string, GroupSums>();
  const groupOf = (grp: string | null) => {
    const key = grp ?? '';
    let sums = groups.get(key);
    if (!sums) groups.set(key, (sums = emptyGroupSums()));
    return sums;
  };
  // Everything counted per cooperative adds up to the total; sessions do not (one session, several groups).
  const both = (grp: string | null, apply: (sums: GroupSums) => void) => {
    apply(groupOf(grp));
    apply(total);
  };
  for (const row of cooperativeRows.rows) {
    both(row.grp, (sums) => {
      sums.cooperatives += n(row.cooperatives);
      sums.diagnosed += n(row.diagnosed);
      sums.maturityCompared += n(row.maturityCompared);
      sums.maturityGainSum += n(row.maturityGainSum);
      sums.levelGained += n(row.levelGained);
    });
  }
  for (const row of sessionRows.rows) {
    const sums = row.isTotal ? total : groupOf(row.grp);
    if (row.kind === 'training') {
      sums.trainingsHeld += n(row.held);
      sums.trainingsScheduled += n(row.scheduled);
    } else {
      sums.workshopsHeld += n(row.held);
      sums.workshopsScheduled += n(row.scheduled);
    }
    sums.trainingHours += n(row.hours);
  }
  for (const row of participantRows.rows) {
    both(row.grp, (sums) => {
      sums.participantsWomen += n(row.women);
      sums.participantsMen += n(row.men);
      sums.participantsUnspecified += n(row.unspecified);
    });
  }
  for (const row of followUpRows.rows) {
    both(row.grp, (sums) => {
      sums.followUpsHeld += n(row.held);
      sums.followUpsDue += n(row.due);
    });
  }
  for (const row of actionRows.rows) {
    both(row.grp, (sums) => {
      sums.actionsCommitted += n(row.committed);
      sums.actionsDone += n(row.done);
      sums.actionsOnTime += n(row.onTime);
      sums.actionsOverdue += n(row.overdue);
      sums.indicatorsTracked += n(row.tracked);
      sums.indicatorsReached += n(row.reached);
    });
  }
  for (const row of outcomeRows.rows) {
    if (!(outcomeIndicators as readonly string[]).includes(row.indicator)) continue;
    both(row.grp, (sums) => {
      const outcome = sums.outcomes[row.indicator];
      outcome.cooperatives += n(row.cooperatives);
      outcome.baseline += n(row.baseline);
      outcome.latest += n(row.latest);
      outcome.sexCooperatives += n(row.sexCooperatives);
      outcome.womenBaseline += n(row.womenBaseline);
      outcome.womenLatest += n(row.womenLatest);
      outcome.menBaseline += n(row.menBaseline);
      outcome.menLatest += n(row.menLatest);
    });
  }
  return { total, groups: scope.by ? [...groups].map(([group, sums]) => ({ group, sums })) : [] };
}

export async function findProgrammeTarget(db: Db, programmeId: string): Promise<{ targetCooperatives: number | null } | undefined> {
  return db.selectFrom('programmes').select('targetCooperatives').where('id', '=', programmeId).executeTakeFirst();
}
