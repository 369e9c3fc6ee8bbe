import type { Locale } from '../access/roles.js';
import type { Need } from '../diagnostics/diagnostic.schema.js';
import type { LocalizedText } from '../diagnostics/framework.schema.js';
import { rankNeeds } from '../diagnostics/report.js';
import { messages } from '../i18n/messages.js';
import type { SectorCode } from '../registry/sectors.js';
import { toMoroccanWallClock } from '../sessions/local-time.js';
import { getProvince } from '../territories/territories.js';
import type { Cell, DocumentTable, Fact, LocalizedNames, NeedVocabulary, TitledList } from '../training/guide.js';

/**
 * The action plan of one cooperative as a document model — the paper handed to
 * the cooperative: every label translated, every number, amount and date
 * formatted, in the order the pages show them. The PDF template
 * (assets/templates/action-plan.typ) and the DOCX writer
 * (src/server/action-plans/document.docx.ts) lay out the same model, so that
 * both files say exactly the same thing. Digits are Western in Arabic too, as
 * in the training guide and in Moroccan administrative documents.
 */

export type { Cell, DocumentTable, Fact, LocalizedNames, TitledList };

export type PlanStatus = 'draft' | 'agreed';
export type ActionStatus = 'planned' | 'in_progress' | 'done' | 'blocked' | 'cancelled';
export type ExecutorKind = 'member' | 'consultant' | 'organisation';
export type FinancingSource = 'programme' | 'own_funds' | 'partner' | 'loan';
export type IndicatorKind = 'monitoring' | 'performance';

/* ---------- What the document is built from ---------- */

export interface SourceIndicator {
  kind: IndicatorKind;
  label: string;
  unit: string;
  baseline: number | null;
  target: number;
  targetDate: string | null;
  measurements: ReadonlyArray<{ measuredOn: string; value: number; note: string | null }>;
}

export interface SourceAction {
  position: number;
  title: string;
  description: string | null;
  domainKey: string | null;
  /** `domain.question`, or `domain` for the domain as a whole. */
  needKeys: readonly string[];
  executor: {
    kind: ExecutorKind;
    /** The member's, the consultant's or the organisation's name, when one is named. */
    name: LocalizedNames | null;
    /** A member's function in the cooperative (see memberRoles). */
    memberRole: string | null;
    /** Free text naming the executor when nobody in the registry or directory is. */
    label: string | null;
  };
  startsOn: string;
  dueOn: string;
  agreedDueOn: string | null;
  status: ActionStatus;
  progress: number;
  doneOn: string | null;
  budgetMad: number | null;
  financingSource: FinancingSource | null;
  stakeholders: ReadonlyArray<{ name: LocalizedNames; acronym: string | null; role: string | null }>;
  indicators: readonly SourceIndicator[];
}

export interface ActionPlanDocumentSource {
  programme: { code: string; name: LocalizedNames; operator: LocalizedNames | null };
  cooperative: {
    nameFr: string | null;
    nameAr: string | null;
    registrationNumber: string | null;
    provinceCode: string | null;
    sector: SectorCode | null;
    valueChain: string | null;
  };
  plan: {
    status: PlanStatus;
    revision: number;
    updatedAt: string;
    acceptedAt: string | null;
    acceptedByName: string | null;
    /** Recorded by the programme's team from a plan signed on paper, not accepted in Taawon by the representative. */
    acceptedOnPaper: boolean;
    acceptanceNote: string | null;
  };
  /** Names printed on the signature lines, when known. */
  signatories: { representative: string | null; consultant: string | null };
  /** The validated diagnostic the plan was drafted from, if any. */
  diagnostic: { validatedAt: string | null; needs: readonly Need[] } | null;
  /** Frameworks naming the domains and needs; the first that knows a key names it. */
  frameworks: readonly NeedVocabulary[];
  actions: readonly SourceAction[];
}

/* ---------- The document model ---------- */

export interface IndicatorTable {
  title: string;
  table: DocumentTable;
}

export interface ActionView {
  number: string;
  /** "3. Title". */
  heading: string;
  description: string | null;
  status: ActionStatus;
  statusLabel: string;
  facts: Fact[];
  stakeholders: TitledList;
  indicators: IndicatorTable;
}

export type TimelineCell = 'none' | 'active' | 'late';
export type TimelineTone = ActionStatus | 'late';

export interface TimelineView {
  title: string;
  intro: string;
  corner: string;
  /** Years over the columns, each spanning its months (or quarters). */
  groups: Array<{ label: string; span: number }>;
  columns: string[];
  /** The column of today (in Morocco), when it falls within the plan. */
  current: number | null;
  rows: Array<{ label: string; title: string; tone: ActionStatus; cells: TimelineCell[] }>;
  legend: Array<{ tone: TimelineTone; label: string }>;
}

export interface SignatureBlock {
  title: string;
  lines: Fact[];
}

export interface ActionPlanDocument {
  lang: Locale;
  dir: 'ltr' | 'rtl';
  /** The document's title, for its metadata. */
  title: string;
  brand: string;
  /** A plan not yet accepted says so on every page. */
  mark: { title: string; help: string } | null;
  cover: { title: string; subject: string; otherName: string | null; facts: Fact[] };
  summary: { title: string; facts: Fact[] };
  needs: { title: string; intro: string; table: DocumentTable };
  actions: { title: string; items: ActionView[]; empty: string };
  timeline: TimelineView | null;
  acceptance: {
    title: string;
    accepted: { text: string; note: Fact | null } | null;
    signatures: { intro: string; blocks: SignatureBlock[] } | null;
  };
  footer: { text: string; generated: string; pageNumber: string };
}

/* ---------- Formatting ---------- */

const intlLocales: Record<Locale, string> = { fr: 'fr-MA', ar: 'ar-MA-u-nu-latn', en: 'en-GB' };

function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

const day = (value: string) => new Date(`${value.slice(0, 10)}T00:00:00Z`);

function formatting(locale: Locale) {
  const tag = intlLocales[locale];
  const text = messages[locale].actionPlanDocument.document;
  const numberFormat = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const calendarDate = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  const instant = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'Africa/Casablanca' });
  const monthName = new Intl.DateTimeFormat(tag, { month: 'short', timeZone: 'UTC' });
  const number = (value: number) => numberFormat.format(value);
  return {
    number,
    amount: (value: number) => interpolate(text.amount, { amount: number(value) }),
    percent: (value: number) => interpolate(text.progressValue, { value: number(Math.round(value)) }),
    /** A calendar day (YYYY-MM-DD), never shifted by a time zone. */
    date: (value: string) => calendarDate.format(day(value)),
    /** A moment (a timestamp), as a day in Morocco. */
    instant: (value: string | Date) => instant.format(typeof value === 'string' ? new Date(value) : value),
    monthName: (year: number, month: number) => monthName.format(new Date(Date.UTC(year, month, 1))),
  };
}

/** A name in the wanted language; another stands in for a missing one. */
function nameIn(locale: Locale, names: LocalizedNames): string {
  const order = locale === 'ar' ? [names.ar, names.fr, names.en] : locale === 'en' ? [names.en, names.fr, names.ar] : [names.fr, names.ar, names.en];
  return order.find((name): name is string => typeof name === 'string' && name.trim() !== '') ?? '';
}

const pick = (text: LocalizedText | undefined, locale: Locale) => (text ? text[locale] || text.fr : '');

/* ---------- Needs ---------- */

/** The key an action names a need by: `domain` for a domain as a whole, `domain.question` for a question. */
export function needKeyOf(need: Pick<Need, 'kind' | 'domainKey' | 'questionKey'>): string {
  return need.kind === 'domain' || !need.questionKey ? need.domainKey : `${need.domainKey}.${need.questionKey}`;
}

/** Whether an action's need key names this need (a bare question key is accepted too). */
function answers(needKeys: readonly string[], need: Pick<Need, 'kind' | 'domainKey' | 'questionKey'>): boolean {
  const key = needKeyOf(need);
  return needKeys.some((candidate) => candidate === key || (need.kind === 'question' && need.questionKey !== null && candidate === need.questionKey));
}

/** How many leading needs of the diagnostic the document lists besides those the actions answer. */
export const leadingNeedsShown = 8;

/* ---------- Timeline ---------- */

interface Period {
  year: number;
  /** 0–11 for a month; 0–3 for a quarter. */
  index: number;
}

const monthIndex = (value: string) => {
  const date = day(value);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
};

/**
 * The actions on a time axis: one column per month from the first start to
 * the last due date (per quarter beyond `maxMonths` months). A month is
 * `active` from an action's start to its agreed due date (its due date when
 * none was agreed), and `late` from there to a due date moved later.
 */
export function layoutTimeline(
  actions: ReadonlyArray<Pick<SourceAction, 'startsOn' | 'dueOn' | 'agreedDueOn'>>,
  today: string,
  maxMonths = 24,
): { periods: Period[]; byQuarter: boolean; current: number | null; cells: TimelineCell[][] } {
  if (actions.length === 0) return { periods: [], byQuarter: false, current: null, cells: [] };
  const first = Math.min(...actions.map((action) => monthIndex(action.startsOn)));
  const last = Math.max(...actions.map((action) => Math.max(monthIndex(action.dueOn), action.agreedDueOn ? monthIndex(action.agreedDueOn) : -Infinity)));
  const byQuarter = last - first + 1 > maxMonths;
  const unit = byQuarter ? 3 : 1;
  const columnOf = (month: number) => (byQuarter ? Math.floor(month / 3) - Math.floor(first / 3) : month - first);
  const count = columnOf(last) + 1;
  const periods = Array.from({ length: count }, (_, column): Period => {
    const start = byQuarter ? (Math.floor(first / 3) + column) * 3 : first + column;
    return { year: Math.floor(start / 12), index: (start % 12) / unit };
  });
  const cells = actions.map((action) => {
    const row: TimelineCell[] = Array.from({ length: count }, () => 'none');
    const start = monthIndex(action.startsOn);
    const due = monthIndex(action.dueOn);
    const agreed = action.agreedDueOn ? monthIndex(action.agreedDueOn) : due;
    const activeEnd = Math.min(due, Math.max(agreed, start));
    for (let month = start; month <= due; month += 1) {
      const column = columnOf(month);
      const state: TimelineCell = month <= activeEnd ? 'active' : 'late';
      // Within a quarter, the planned months prevail over the delay.
      if (row[column] !== 'active') row[column] = state;
    }
    return row;
  });
  const todayMonth = monthIndex(today);
  const current = todayMonth >= first && todayMonth <= last ? columnOf(todayMonth) : null;
  return { periods, byQuarter, current, cells };
}

/* ---------- The document ---------- */

const actionStatuses: readonly ActionStatus[] = ['planned', 'in_progress', 'done', 'blocked', 'cancelled'];
const financingSources: readonly FinancingSource[] = ['programme', 'own_funds', 'partner', 'loan'];

/** The action plan handed to the cooperative, in one language. */
export function buildActionPlanDocument(source: ActionPlanDocumentSource, locale: Locale, generatedAt: Date): ActionPlanDocument {
  const text = messages[locale].actionPlanDocument.document;
  const format = formatting(locale);
  const sectors = messages[locale].sectors as Record<string, string>;
  const memberRoles = messages[locale].memberRoles as Record<string, string>;
  const { cooperative, plan, programme } = source;

  const domainLabels = new Map<string, string>();
  const questionLabels = new Map<string, string>();
  for (const framework of source.frameworks) {
    for (const domain of framework.domains) {
      if (!domainLabels.has(domain.key)) domainLabels.set(domain.key, pick(domain.label, locale));
      for (const question of domain.questions) if (!questionLabels.has(question.key)) questionLabels.set(question.key, pick(question.text, locale));
    }
  }
  const domainLabel = (key: string) => domainLabels.get(key) || key;
  const needLabel = (needKey: string) => {
    const [domainKey = needKey, questionKey] = needKey.split('.');
    if (questionKey) return questionLabels.get(questionKey) || questionKey;
    // A bare key: a domain, or a question named without its domain.
    if (domainLabels.has(domainKey)) return `${domainLabel(domainKey)} — ${text.wholeDomain}`;
    return questionLabels.get(domainKey) || domainKey;
  };

  const cooperativeName = nameIn(locale, { fr: cooperative.nameFr, ar: cooperative.nameAr, en: null });
  const otherName = locale === 'ar' ? cooperative.nameFr : cooperative.nameAr;
  const province = cooperative.provinceCode ? getProvince(cooperative.provinceCode) : undefined;
  const provinceName = province ? (locale === 'ar' ? province.name.ar : province.name.fr) : (cooperative.provinceCode ?? '—');

  // Actions in the plan's order, numbered from 1.
  const actions = [...source.actions].sort((a, b) => a.position - b.position || a.startsOn.localeCompare(b.startsOn) || a.title.localeCompare(b.title));
  const numberOf = (index: number) => format.number(index + 1);

  /* Cover */
  const coverFacts: Fact[] = [{ label: text.programme, value: nameIn(locale, programme.name) || programme.code }];
  if (programme.operator) coverFacts.push({ label: text.operator, value: nameIn(locale, programme.operator) });
  coverFacts.push({ label: text.registrationNumber, value: cooperative.registrationNumber || '—' });
  coverFacts.push({ label: text.province, value: provinceName });
  if (cooperative.sector) {
    const sector = sectors[cooperative.sector] ?? cooperative.sector;
    coverFacts.push({ label: text.sector, value: cooperative.valueChain ? interpolate(text.sectorValue, { sector, valueChain: cooperative.valueChain }) : sector });
  }
  coverFacts.push(
    { label: text.status, value: text.statuses[plan.status] },
    { label: text.revision, value: format.number(plan.revision) },
    { label: text.updated, value: format.instant(plan.updatedAt) },
  );

  /* Summary */
  const counted = actions.filter((action) => action.status !== 'cancelled');
  const summaryFacts: Fact[] = [{ label: text.actionsCount, value: format.number(actions.length) }];
  if (actions.length > 0) {
    const from = actions.map((action) => action.startsOn).sort()[0]!;
    const to = actions.map((action) => action.dueOn).sort().at(-1)!;
    summaryFacts.push(
      { label: text.period, value: interpolate(text.periodValue, { from: format.date(from), to: format.date(to) }) },
      {
        label: text.byStatus,
        value: actionStatuses
          .map((status) => ({ status, count: actions.filter((action) => action.status === status).length }))
          .filter((entry) => entry.count > 0)
          .map((entry) => interpolate(text.statusCount, { status: text.actionStatuses[entry.status], count: format.number(entry.count) })),
      },
    );
    if (counted.length > 0) summaryFacts.push({ label: text.overallProgress, value: format.percent(counted.reduce((sum, action) => sum + action.progress, 0) / counted.length) });
  }
  const budgeted = counted.filter((action) => action.budgetMad !== null && action.budgetMad > 0);
  if (budgeted.length > 0) {
    summaryFacts.push({ label: text.totalBudget, value: format.amount(budgeted.reduce((sum, action) => sum + (action.budgetMad ?? 0), 0)) });
    const bySource = financingSources
      .map((financing) => ({ financing, amount: budgeted.filter((action) => action.financingSource === financing).reduce((sum, action) => sum + (action.budgetMad ?? 0), 0) }))
      .filter((entry) => entry.amount > 0);
    if (bySource.length > 0) {
      summaryFacts.push({
        label: text.bySource,
        value: bySource.map((entry) => interpolate(text.sourceAmount, { source: text.financingSources[entry.financing], amount: format.amount(entry.amount) })),
      });
    }
  }
  summaryFacts.push({ label: text.indicatorsCount, value: format.number(actions.reduce((sum, action) => sum + action.indicators.length, 0)) });

  /* Needs */
  const answeringActions = (need: Pick<Need, 'kind' | 'domainKey' | 'questionKey'>) =>
    actions.flatMap((action, index) => (answers(action.needKeys, need) ? [interpolate(text.actionNumber, { number: numberOf(index) })] : []));
  let needRows: Cell[][];
  let needsIntro: string;
  if (source.diagnostic) {
    const ranked = rankNeeds(source.diagnostic.needs);
    needRows = ranked
      .map((need, index) => ({ need, rank: index + 1, by: answeringActions(need) }))
      .filter((entry) => entry.rank <= leadingNeedsShown || entry.by.length > 0)
      .map(({ need, rank, by }) => [
        format.number(rank),
        domainLabel(need.domainKey),
        need.kind === 'domain' || !need.questionKey ? text.wholeDomain : (questionLabels.get(need.questionKey) ?? need.questionKey),
        interpolate(text.scoreValue, { score: format.number(Math.round(need.score)), threshold: format.number(Math.round(need.threshold)) }),
        by.length > 0 ? by : text.notAnswered,
      ]);
    needsIntro = source.diagnostic.validatedAt ? interpolate(text.needsIntro, { date: format.instant(source.diagnostic.validatedAt) }) : text.needsIntroUndated;
  } else {
    const keys = [...new Set(actions.flatMap((action) => action.needKeys))];
    needRows = keys.map((key) => {
      const [domainKey = key, questionKey] = key.split('.');
      const isDomain = !questionKey && domainLabels.has(domainKey);
      return [
        '—',
        questionKey || isDomain ? domainLabel(domainKey) : '—',
        questionKey ? needLabel(key) : isDomain ? text.wholeDomain : needLabel(key),
        '—',
        actions.flatMap((action, index) => (action.needKeys.includes(key) ? [interpolate(text.actionNumber, { number: numberOf(index) })] : [])),
      ];
    });
    needsIntro = text.needsIntroNoDiagnostic;
  }

  /* Actions */
  const executorOf = (executor: SourceAction['executor']) => {
    const name = (executor.name ? nameIn(locale, executor.name) : '') || executor.label || text.toBeNamed;
    const detail = executor.kind === 'member' && executor.memberRole && memberRoles[executor.memberRole] ? memberRoles[executor.memberRole]! : text.executorKinds[executor.kind];
    return interpolate(text.executorValue, { name, detail });
  };
  const indicatorRow = (indicator: SourceIndicator): Cell[] => {
    const measured = [...indicator.measurements].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn));
    const latest = measured.at(-1);
    const latestCell: Cell = latest ? [format.number(latest.value), interpolate(text.latestOn, { date: format.date(latest.measuredOn) })] : text.noMeasurement;
    if (latest) {
      const from = indicator.baseline ?? 0;
      if (indicator.target !== from) {
        const reached = Math.max(0, ((latest.value - from) / (indicator.target - from)) * 100);
        (latestCell as string[]).push(interpolate(text.reached, { value: format.number(Math.round(reached)) }));
      }
    }
    return [
      [indicator.label, text.indicatorKinds[indicator.kind], interpolate(text.unitValue, { unit: indicator.unit })],
      indicator.baseline === null ? '—' : format.number(indicator.baseline),
      indicator.targetDate ? [format.number(indicator.target), interpolate(text.targetBy, { date: format.date(indicator.targetDate) })] : format.number(indicator.target),
      latestCell,
      measured.map((measurement) => {
        const line = interpolate(text.measurement, { date: format.date(measurement.measuredOn), value: format.number(measurement.value) });
        return measurement.note ? `${line} — ${measurement.note}` : line;
      }),
    ];
  };
  const actionViews = actions.map((action, index): ActionView => {
    const facts: Fact[] = [];
    if (action.domainKey) facts.push({ label: text.domain, value: domainLabel(action.domainKey) });
    if (action.needKeys.length > 0) facts.push({ label: text.needs, value: action.needKeys.map(needLabel) });
    facts.push(
      { label: text.executor, value: executorOf(action.executor) },
      { label: text.dates, value: interpolate(text.periodValue, { from: format.date(action.startsOn), to: format.date(action.dueOn) }) },
    );
    if (action.agreedDueOn && action.agreedDueOn !== action.dueOn) {
      facts.push({ label: text.agreedDue, value: interpolate(text.agreedDueMoved, { agreed: format.date(action.agreedDueOn), due: format.date(action.dueOn) }) });
    }
    facts.push({ label: text.actionStatus, value: text.actionStatuses[action.status] }, { label: text.progress, value: format.percent(action.progress) });
    if (action.doneOn) facts.push({ label: text.doneOn, value: format.date(action.doneOn) });
    facts.push({ label: text.budget, value: action.budgetMad !== null && action.budgetMad > 0 ? format.amount(action.budgetMad) : text.noBudget });
    if (action.financingSource) facts.push({ label: text.financing, value: text.financingSources[action.financingSource] });
    const indicators = [...action.indicators].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'monitoring' ? -1 : 1));
    return {
      number: numberOf(index),
      heading: `${numberOf(index)}. ${action.title}`,
      description: action.description?.trim() || null,
      status: action.status,
      statusLabel: text.actionStatuses[action.status],
      facts,
      stakeholders: {
        title: text.stakeholders,
        items: action.stakeholders.map((stakeholder) => {
          const name = nameIn(locale, stakeholder.name);
          const named = stakeholder.acronym && !name.includes(stakeholder.acronym) ? `${name} (${stakeholder.acronym})` : name;
          return stakeholder.role ? interpolate(text.stakeholderRole, { name: named, role: stakeholder.role }) : named;
        }),
        empty: text.noStakeholders,
      },
      indicators: {
        title: text.indicators,
        table: { headers: [text.indicator, text.baseline, text.target, text.latest, text.history], rows: indicators.map(indicatorRow), empty: text.noIndicators },
      },
    };
  });

  /* Timeline */
  let timeline: TimelineView | null = null;
  if (actions.length > 0) {
    const today = toMoroccanWallClock(generatedAt.toISOString()).date;
    const layout = layoutTimeline(actions, today);
    const groups: TimelineView['groups'] = [];
    for (const period of layout.periods) {
      const label = String(period.year);
      const last = groups.at(-1);
      if (last && last.label === label) last.span += 1;
      else groups.push({ label, span: 1 });
    }
    const columns = layout.periods.map((period) => {
      if (layout.byQuarter) return interpolate(text.quarter, { number: format.number(period.index + 1) });
      return layout.periods.length <= 12 ? format.monthName(period.year, period.index) : String(period.index + 1).padStart(2, '0');
    });
    const hasDelay = layout.cells.some((row) => row.includes('late'));
    timeline = {
      title: text.timelineTitle,
      intro: text.timelineIntro,
      corner: text.timelineAction,
      groups,
      columns,
      current: layout.current,
      rows: actions.map((action, index) => ({ label: numberOf(index), title: action.title, tone: action.status, cells: layout.cells[index]! })),
      legend: [
        ...actionStatuses.filter((status) => actions.some((action) => action.status === status)).map((status) => ({ tone: status, label: text.actionStatuses[status] })),
        ...(hasDelay ? [{ tone: 'late' as const, label: text.legendDelay }] : []),
      ],
    };
  }

  /* Acceptance */
  const isAccepted = plan.status === 'agreed' && plan.acceptedAt !== null;
  const signatureLines = (name: string | null): Fact[] => [
    { label: text.signatureName, value: name ?? '' },
    { label: text.signatureDate, value: '' },
    { label: text.signature, value: '' },
  ];
  const acceptance: ActionPlanDocument['acceptance'] = {
    title: text.acceptanceTitle,
    accepted: isAccepted
      ? {
          text: !plan.acceptedByName
            ? interpolate(text.acceptedTextAnonymous, { date: format.instant(plan.acceptedAt!) })
            : interpolate(plan.acceptedOnPaper ? text.acceptedOnPaper : text.acceptedText, { name: plan.acceptedByName, date: format.instant(plan.acceptedAt!) }),
          note: plan.acceptanceNote?.trim() ? { label: text.acceptanceNote, value: plan.acceptanceNote.trim() } : null,
        }
      : null,
    signatures: isAccepted
      ? null
      : {
          intro: text.signatureIntro,
          blocks: [
            { title: text.signatureRepresentative, lines: signatureLines(source.signatories.representative) },
            { title: text.signatureConsultant, lines: signatureLines(source.signatories.consultant) },
          ],
        },
  };

  return {
    lang: locale,
    dir: locale === 'ar' ? 'rtl' : 'ltr',
    title: `${text.title} — ${cooperativeName}`,
    brand: text.brand,
    mark: plan.status === 'draft' ? { title: text.mark, help: text.markHelp } : null,
    cover: { title: text.title, subject: cooperativeName, otherName: otherName && otherName !== cooperativeName ? otherName : null, facts: coverFacts },
    summary: { title: text.summaryTitle, facts: summaryFacts },
    needs: { title: text.needsTitle, intro: needsIntro, table: { headers: [text.rank, text.domain, text.need, text.score, text.answeredBy], rows: needRows, empty: text.noNeeds } },
    actions: { title: text.actionsTitle, items: actionViews, empty: text.noActions },
    timeline,
    acceptance,
    footer: { text: text.footer, generated: interpolate(text.generatedOn, { date: format.instant(generatedAt) }), pageNumber: text.pageNumber },
  };
}

/**
 * A text stored in the language the plan was drafted in, shown in the
 * document's language when it is still one of its template's texts (an
 * action drafted from a template and not reworded). A reworded text is shown
 * as typed.
 */
export function inDocumentLanguage(stored: string, template: LocalizedText | undefined, locale: Locale): string {
  if (!template) return stored;
  const typed = stored.trim();
  return typed === template.fr.trim() || typed === template.ar.trim() || typed === template.en.trim() ? template[locale] || stored : stored;
}
