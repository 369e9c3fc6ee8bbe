import type { Locale } from '../access/roles.js';
import type { LocalizedText } from '../diagnostics/framework.schema.js';
import { messages } from '../i18n/messages.js';
import type { PluralForms } from '../i18n/plural.js';
import { programmeEndDate } from '../programmes/calendar.js';
import type { PhaseKindCode } from '../programmes/programme-settings.schema.js';
import { getProvince, getRegion } from '../territories/territories.js';
import type { TrainingModuleDefinition } from './module.schema.js';
import type { PlanResult, PlanStatus } from './plan.schema.js';

/**
 * The training guide of a plan version and the training path of one of its
 * cooperatives, as document models: every label translated, every date and
 * number formatted, in the order the pages show them. The PDF template
 * (assets/templates/training-guide.typ) and the DOCX writer lay out the same
 * model, so that both files say exactly the same thing.
 */

/* ---------- What the documents are built from ---------- */

export interface LocalizedNames {
  fr: string | null;
  ar: string | null;
  en: string | null;
}

export interface GuideProgramme {
  code: string;
  name: LocalizedNames;
  description: LocalizedNames;
  operator: LocalizedNames | null;
  regionCodes: readonly string[];
  provinceCodes: readonly string[];
  startDate: string | null;
  durationMonths: number | null;
  phases: ReadonlyArray<{ kind: PhaseKindCode; label: string | null; startsOn: string; endsOn: string }>;
  funders: readonly LocalizedNames[];
}

export interface GuidePlan {
  version: number;
  status: PlanStatus;
  createdAt: string;
  approvedAt: string | null;
  result: PlanResult;
}

/** Labels of the diagnostic domains and questions the needs refer to. */
export interface NeedVocabulary {
  domains: ReadonlyArray<{ key: string; label: LocalizedText; questions: ReadonlyArray<{ key: string; text: LocalizedText }> }>;
}

export interface GuideSource {
  programme: GuideProgramme;
  plan: GuidePlan;
  /** The catalogue modules the plan names, and those their prerequisites name. */
  modules: ReadonlyArray<{ id: string; code: string; definition: TrainingModuleDefinition }>;
  cooperatives: ReadonlyArray<{ id: string; nameFr: string | null; nameAr: string | null; provinceCode: string | null }>;
  /** Display names of the trainers, by user id. */
  trainers: Readonly<Record<string, string>>;
  /** The frameworks of the diagnostics the needs come from; the first that knows a key names it. */
  frameworks: readonly NeedVocabulary[];
}

/* ---------- The document model ---------- */

/** A table cell: one line, or several. */
export type Cell = string | string[];

export interface DocumentTable {
  headers: string[];
  rows: Cell[][];
  /** Said instead of the table when it has no row. */
  empty: string;
}

export interface Fact {
  label: string;
  value: Cell;
}

export interface TitledList {
  title: string;
  items: string[];
  empty: string;
}

export interface GroupView {
  title: string;
  facts: Fact[];
  participants: string;
  cooperatives: string[];
}

export interface ModuleView {
  code: string;
  title: string;
  facts: Fact[];
  objectives: TitledList;
  sequences: { title: string; table: DocumentTable; total: string };
  materials: TitledList;
  groups: { title: string; items: GroupView[] };
  /** Cooperatives coached individually on this module. */
  coached: TitledList | null;
}

export interface PathView {
  cooperativeId: string;
  name: string;
  /** The name in the other script, when it has one. */
  otherName: string | null;
  /** For the cover of the path document. */
  facts: Fact[];
  /** "Province : Tarfaya", under the name in the guide's annex. */
  provinceLine: string;
  summary: string;
  /** Each need and its answer: in the path document, not in the guide's annex. */
  needs: { title: string; table: DocumentTable } | null;
  modules: { title: string; table: DocumentTable };
  coaching: { title: string; table: DocumentTable } | null;
  workshops: { title: string; table: DocumentTable };
}

export interface TrainingDocument {
  kind: 'guide' | 'path';
  lang: Locale;
  dir: 'ltr' | 'rtl';
  /** The document's title, for its metadata. */
  title: string;
  brand: string;
  /** A version that is not the approved one says so on every page. */
  mark: { title: string; help: string } | null;
  cover: { title: string; subject: string; otherName: string | null; facts: Fact[] };
  brief: {
    title: string;
    description: string | null;
    facts: Fact[];
    phases: { title: string; table: DocumentTable };
    figures: { title: string; facts: Fact[] };
  } | null;
  needs: { title: string; intro: string; domains: Array<{ title: string; table: DocumentTable }>; empty: string } | null;
  modules: { title: string; items: ModuleView[]; empty: string } | null;
  coaching: { title: string; intro: string; table: DocumentTable } | null;
  workshops: { title: string; intro: string; table: DocumentTable } | null;
  annex: { title: string; intro: string; paths: PathView[] } | null;
  path: PathView | null;
  footer: { text: string; generated: string; pageNumber: string };
}

/* ---------- Formatting ---------- */

const intlLocales: Record<Locale, string> = { fr: 'fr-MA', ar: 'ar-MA-u-nu-latn', en: 'en-GB' };

function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function formatting(locale: Locale) {
  const tag = intlLocales[locale];
  const text = messages[locale].guide.document;
  const numberFormat = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
  const plurals = new Intl.PluralRules(tag);
  const calendarDate = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  const sessionDate = new Intl.DateTimeFormat(tag, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const instant = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'Africa/Casablanca' });
  const list = new Intl.ListFormat(tag, { type: 'conjunction' });
  const collator = new Intl.Collator(tag);
  const day = (value: string) => new Date(`${value.slice(0, 10)}T00:00:00Z`);
  const number = (value: number) => numberFormat.format(value);
  return {
    number,
    /** A calendar day (YYYY-MM-DD), never shifted by a time zone. */
    date: (value: string) => calendarDate.format(day(value)),
    sessionDate: (value: string) => sessionDate.format(day(value)),
    /** A moment (a timestamp), as a day in Morocco. */
    instant: (value: string | Date) => instant.format(typeof value === 'string' ? new Date(value) : value),
    list: (values: string[]) => list.format(values),
    compare: (a: string, b: string) => collator.compare(a, b),
    count: (forms: PluralForms, count: number, values: Record<string, string | number> = {}) => {
      const category = plurals.select(count) as keyof PluralForms;
      return interpolate(forms[category] ?? forms.other, { ...values, count: number(count) });
    },
    /** 90 → "1 h 30", 45 → "45 min", 120 → "2 h". */
    minutes: (total: number) => {
      const rounded = Math.round(total);
      const hours = Math.floor(rounded / 60);
      const minutes = rounded % 60;
      if (hours === 0) return interpolate(text.minutes, { value: number(minutes) });
      if (minutes === 0) return interpolate(text.hours, { value: number(hours) });
      return interpolate(text.hoursMinutes, { hours: number(hours), minutes: String(minutes).padStart(2, '0') });
    },
  };
}

/** A name in the wanted language; another stands in for a missing one. */
function nameIn(locale: Locale, names: LocalizedNames): string {
  const order = locale === 'ar' ? [names.ar, names.fr, names.en] : locale === 'en' ? [names.en, names.fr, names.ar] : [names.fr, names.ar, names.en];
  return order.find((name): name is string => typeof name === 'string' && name.trim() !== '') ?? '';
}

function pick(text: LocalizedText | undefined, locale: Locale): string {
  return text ? text[locale] || text.fr : '';
}

/* ---------- The plan, read for the documents ---------- */

/** Every cooperative a plan names: in its needs, its groups, its coaching or its workshops. */
export function planCooperativeIds(result: PlanResult): string[] {
  const ids = new Set<string>();
  for (const entry of result.coverage) ids.add(entry.cooperativeId);
  for (const planned of result.modules) for (const group of planned.groups) for (const id of group.cooperativeIds) ids.add(id);
  for (const entry of result.coaching) ids.add(entry.cooperativeId);
  for (const workshop of result.workshops) for (const id of workshop.cooperativeIds) ids.add(id);
  return [...ids];
}

/** What both documents need, resolved once: names, labels and formatters in one language. */
function contextOf(source: GuideSource, locale: Locale) {
  const text = messages[locale].guide.document;
  const format = formatting(locale);
  const { result } = source.plan;
  const modules = new Map(source.modules.map((module) => [module.id, module]));
  const modulesByCode = new Map(source.modules.map((module) => [module.code, module]));
  const codes = new Map(result.modules.map((planned) => [planned.moduleId, planned.code]));
  const cooperatives = new Map(source.cooperatives.map((cooperative) => [cooperative.id, cooperative]));

  const provinceName = (code: string | null) => {
    if (!code) return '—';
    const province = getProvince(code);
    return province ? (locale === 'ar' ? province.name.ar : province.name.fr) : code;
  };
  /** The planner names a place after its province (in French); an edited place is shown as typed. */
  const placeName = (place: string, provinceCode: string) => {
    const province = getProvince(provinceCode);
    return province && place === province.name.fr ? provinceName(provinceCode) : place;
  };
  const cooperativeName = (id: string) => {
    const found = cooperatives.get(id);
    return found ? nameIn(locale, { fr: found.nameFr, ar: found.nameAr, en: null }) || id : id;
  };
  const otherCooperativeName = (id: string) => {
    const found = cooperatives.get(id);
    if (!found) return null;
    const other = locale === 'ar' ? found.nameFr : found.nameAr;
    return other && other !== cooperativeName(id) ? other : null;
  };
  const moduleCode = (id: string) => modules.get(id)?.code ?? codes.get(id) ?? id;
  const moduleTitle = (id: string) => {
    const title = pick(modules.get(id)?.definition.title, locale);
    return title ? `${moduleCode(id)} — ${title}` : moduleCode(id);
  };
  const trainerName = (id: string | null) => (id ? (source.trainers[id] ?? text.toBeNamed) : text.toBeNamed);

  const domainLabels = new Map<string, string>();
  const questionLabels = new Map<string, string>();
  const domainOrder = new Map<string, number>();
  const questionOrder = new Map<string, number>();
  for (const framework of source.frameworks) {
    framework.domains.forEach((domain) => {
      if (!domainLabels.has(domain.key)) domainLabels.set(domain.key, pick(domain.label, locale));
      if (!domainOrder.has(domain.key)) domainOrder.set(domain.key, domainOrder.size);
      for (const question of domain.questions) {
        if (!questionLabels.has(question.key)) questionLabels.set(question.key, pick(question.text, locale));
        if (!questionOrder.has(question.key)) questionOrder.set(question.key, questionOrder.size);
      }
    });
  }
  const domainLabel = (key: string) => domainLabels.get(key) || key;
  const needLabel = (questionKey: string | null) => (questionKey ? questionLabels.get(questionKey) || questionKey : text.wholeDomain);
  /** A need key as the planner writes it: `domain.question`, or `domain` for the domain as a whole. */
  const needKeyLabel = (needKey: string) => {
    const [domainKey = needKey, questionKey] = needKey.split('.');
    return questionKey ? needLabel(questionKey) : `${domainLabel(domainKey)} — ${text.wholeDomain}`;
  };
  const reasonLabel = (reason: string) => (messages[locale].training.plan.reasons as Record<string, string>)[reason] ?? reason;

  const sessionText = (session: { date: string; hours: number }) =>
    interpolate(text.sessionOn, { date: format.sessionDate(session.date), hours: interpolate(text.hours, { value: format.number(session.hours) }) });

  const byName = (a: string, b: string) => format.compare(cooperativeName(a), cooperativeName(b)) || a.localeCompare(b);

  return {
    text,
    format,
    locale,
    result,
    modules,
    modulesByCode,
    provinceName,
    placeName,
    cooperativeName,
    otherCooperativeName,
    cooperatives,
    moduleCode,
    moduleTitle,
    trainerName,
    domainLabel,
    needLabel,
    needKeyLabel,
    domainOrder,
    questionOrder,
    reasonLabel,
    sessionText,
    byName,
  };
}

type Context = ReturnType<typeof contextOf>;

/* ---------- Parts shared by both documents ---------- */

function markOf(context: Context, status: PlanStatus): TrainingDocument['mark'] {
  if (status === 'approved') return null;
  return { title: context.text.marks[status], help: context.text.markHelp[status] };
}

function versionFacts(context: Context, plan: GuidePlan): Fact[] {
  const { text, format } = context;
  return [
    { label: text.version, value: format.number(plan.version) },
    { label: text.status, value: text.statuses[plan.status] },
    {
      label: text.date,
      value: plan.approvedAt ? interpolate(text.approvedOn, { date: format.instant(plan.approvedAt) }) : interpolate(text.createdOn, { date: format.instant(plan.createdAt) }),
    },
  ];
}

function footerOf(context: Context, kind: 'guide' | 'path', generatedAt: Date): TrainingDocument['footer'] {
  const { text, format } = context;
  return {
    text: kind === 'guide' ? text.footer : text.pathFooter,
    generated: interpolate(text.generatedOn, { date: format.instant(generatedAt) }),
    pageNumber: text.pageNumber,
  };
}

function pathOf(context: Context, cooperativeId: string, withNeeds: boolean): PathView {
  const { text, format, result } = context;
  const coverage = result.coverage.filter((entry) => entry.cooperativeId === cooperativeId);
  const counted = (status: string) => format.number(coverage.filter((entry) => entry.status === status).length);

  const groups = result.modules
    .flatMap((planned) => planned.groups.filter((group) => group.cooperativeIds.includes(cooperativeId)).map((group) => ({ moduleId: planned.moduleId, group })))
    .sort((a, b) => (a.group.sessions[0]?.date ?? '').localeCompare(b.group.sessions[0]?.date ?? '') || context.moduleCode(a.moduleId).localeCompare(context.moduleCode(b.moduleId)));
  const coaching = result.coaching.filter((entry) => entry.cooperativeId === cooperativeId);
  const workshops = result.workshops.filter((workshop) => workshop.cooperativeIds.includes(cooperativeId)).sort((a, b) => a.date.localeCompare(b.date));

  const answerOf = (entry: PlanResult['coverage'][number]) => {
    if (entry.status === 'group') return interpolate(text.answerGroup, { module: context.moduleCode(entry.moduleId), number: format.number(entry.groupNumber) });
    if (entry.status === 'coaching') return interpolate(text.answerCoaching, { module: context.moduleCode(entry.moduleId) });
    return interpolate(text.answerUnanswered, { reason: context.reasonLabel(entry.reason) });
  };
  const cooperative = context.cooperatives.get(cooperativeId);

  return {
    cooperativeId,
    name: context.cooperativeName(cooperativeId),
    otherName: context.otherCooperativeName(cooperativeId),
    facts: [{ label: text.province, value: context.provinceName(cooperative?.provinceCode ?? null) }],
    provinceLine: interpolate(text.provinceLine, { province: context.provinceName(cooperative?.provinceCode ?? null) }),
    summary: format.count(text.pathSummary, coverage.length, { groups: counted('group'), coaching: counted('coaching'), unanswered: counted('unanswered') }),
    needs: withNeeds
      ? {
          title: text.pathNeeds,
          table: {
            headers: [text.domain, text.need, text.priority, text.answer],
            rows: [...coverage]
              .sort((a, b) => b.priority - a.priority || a.needKey.localeCompare(b.needKey))
              .map((entry) => [context.domainLabel(entry.domainKey), context.needLabel(entry.questionKey), format.number(Math.round(entry.priority * 10) / 10), answerOf(entry)]),
            empty: text.noNeeds,
          },
        }
      : null,
    modules: {
      title: text.pathModules,
      table: {
        headers: [text.module, text.schedule, text.place, text.trainer],
        rows: groups.map(({ moduleId, group }) => [
          [context.moduleTitle(moduleId), interpolate(text.group, { number: format.number(group.number) })],
          group.sessions.map(context.sessionText),
          context.placeName(group.place, group.hubProvinceCode),
          context.trainerName(group.trainerId),
        ]),
        empty: text.noPathModules,
      },
    },
    coaching:
      coaching.length === 0
        ? null
        : {
            title: text.pathCoaching,
            table: {
              headers: [text.module, text.needs],
              rows: coaching.map((entry) => [context.moduleTitle(entry.moduleId), entry.needKeys.map(context.needKeyLabel)]),
              empty: text.noCoaching,
            },
          },
    workshops: {
      title: text.pathWorkshops,
      table: {
        headers: [text.date, text.place, text.trainer],
        rows: workshops.map((workshop) => [format.sessionDate(workshop.date), context.placeName(workshop.place, workshop.provinceCode), context.trainerName(workshop.trainerId)]),
        empty: text.noWorkshops,
      },
    },
  };
}

/* ---------- The guide ---------- */

function briefOf(context: Context, source: GuideSource): NonNullable<TrainingDocument['brief']> {
  const { text, format, locale, result } = context;
  const { programme } = source;
  const phaseKinds = messages[locale].programmes.phaseKinds as Record<string, string>;
  const territory = programme.provinceCodes.length > 0 ? programme.provinceCodes.map(context.provinceName) : programme.regionCodes.map((code) => {
    const region = getRegion(code);
    return region ? (locale === 'ar' ? region.name.ar : region.name.fr) : code;
  });
  const end = programmeEndDate(programme.startDate, programme.durationMonths);
  const facts: Fact[] = [
    { label: text.programme, value: nameIn(locale, programme.name) },
    { label: text.code, value: programme.code },
  ];
  if (programme.operator) facts.push({ label: text.operator, value: nameIn(locale, programme.operator) });
  if (territory.length > 0) facts.push({ label: text.territory, value: format.list(territory) });
  if (programme.startDate && end) facts.push({ label: text.period, value: interpolate(text.periodValue, { from: format.date(programme.startDate), to: format.date(end) }) });
  if (programme.funders.length > 0) facts.push({ label: text.funders, value: programme.funders.map((funder) => nameIn(locale, funder)) });
  const description = nameIn(locale, programme.description);
  const { summary } = result;
  return {
    title: text.brief,
    description: description || null,
    facts,
    phases: {
      title: text.phases,
      table: {
        headers: [text.phase, text.starts, text.ends],
        rows: [...programme.phases]
          .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
          .map((phase) => [phase.label || phaseKinds[phase.kind] || phase.kind, format.date(phase.startsOn), format.date(phase.endsOn)]),
        empty: text.none,
      },
    },
    figures: {
      title: text.figures,
      facts: [
        { label: text.cooperatives, value: format.number(planCooperativeIds(result).length) },
        { label: text.needsCount, value: format.number(summary.needs) },
        { label: text.answeredByGroups, value: format.number(summary.answeredByGroups) },
        { label: text.answeredByCoaching, value: format.number(summary.answeredByCoaching) },
        { label: text.unanswered, value: format.number(summary.unanswered) },
        { label: text.groupsCount, value: format.number(summary.groups) },
        { label: text.sessionsCount, value: format.number(summary.sessions) },
        { label: text.workshopsCount, value: format.number(result.workshops.length) },
      ],
    },
  };
}

function needsOf(context: Context): NonNullable<TrainingDocument['needs']> {
  const { text, format, result } = context;
  interface Tally {
    domainKey: string;
    questionKey: string | null;
    cooperatives: Set<string>;
    group: number;
    coaching: number;
    reasons: Map<string, number>;
  }
  const tallies = new Map<string, Tally>();
  for (const entry of result.coverage) {
    let tally = tallies.get(entry.needKey);
    if (!tally) {
      tally = { domainKey: entry.domainKey, questionKey: entry.questionKey, cooperatives: new Set(), group: 0, coaching: 0, reasons: new Map() };
      tallies.set(entry.needKey, tally);
    }
    tally.cooperatives.add(entry.cooperativeId);
    if (entry.status === 'group') tally.group += 1;
    else if (entry.status === 'coaching') tally.coaching += 1;
    else tally.reasons.set(entry.reason, (tally.reasons.get(entry.reason) ?? 0) + 1);
  }
  const unknown = Number.MAX_SAFE_INTEGER;
  const domainRank = (key: string) => context.domainOrder.get(key) ?? unknown;
  // The domain as a whole first, then its questions in the framework's order.
  const questionRank = (key: string | null) => (key === null ? -1 : (context.questionOrder.get(key) ?? unknown));
  const domainKeys = [...new Set([...tallies.values()].map((tally) => tally.domainKey))].sort((a, b) => domainRank(a) - domainRank(b) || a.localeCompare(b));
  return {
    title: text.needsTitle,
    intro: text.needsIntro,
    empty: text.noNeeds,
    domains: domainKeys.map((domainKey) => ({
      title: context.domainLabel(domainKey),
      table: {
        headers: [text.need, text.cooperatives, text.byGroups, text.byCoaching, text.unanswered, text.reasons],
        rows: [...tallies.values()]
          .filter((tally) => tally.domainKey === domainKey)
          .sort((a, b) => questionRank(a.questionKey) - questionRank(b.questionKey) || (a.questionKey ?? '').localeCompare(b.questionKey ?? ''))
          .map((tally) => {
            const unanswered = [...tally.reasons.values()].reduce((sum, count) => sum + count, 0);
            return [
              context.needLabel(tally.questionKey),
              format.number(tally.cooperatives.size),
              format.number(tally.group),
              format.number(tally.coaching),
              format.number(unanswered),
              [...tally.reasons]
                .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
                .map(([reason, count]) => interpolate(text.reasonCount, { reason: context.reasonLabel(reason), count: format.number(count) })),
            ];
          }),
        empty: text.noNeeds,
      },
    })),
  };
}

function moduleOf(context: Context, moduleId: string): ModuleView {
  const { text, format, result, locale } = context;
  const module = context.modules.get(moduleId);
  const definition = module?.definition;
  const training = messages[locale].training;
  const planned = result.modules.find((entry) => entry.moduleId === moduleId);
  const coached = result.coaching.filter((entry) => entry.moduleId === moduleId).map((entry) => entry.cooperativeId);
  const prerequisites = (definition?.prerequisites ?? []).map((code) => {
    const found = context.modulesByCode.get(code);
    return found ? context.moduleTitle(found.id) : code;
  });
  const sequences = definition?.sequences ?? [];
  return {
    code: context.moduleCode(moduleId),
    title: context.moduleTitle(moduleId),
    facts: definition
      ? [
          { label: text.method, value: training.formats[definition.format] },
          { label: text.totalDuration, value: format.minutes(definition.durationHours * 60) },
          { label: text.audience, value: format.list(definition.audience.map((audience) => training.audiences[audience])) },
          { label: text.prerequisites, value: prerequisites.length > 0 ? prerequisites : text.none },
        ]
      : [],
    objectives: { title: text.objectives, items: (definition?.objectives ?? []).map((objective) => pick(objective, locale)), empty: text.none },
    sequences: {
      title: text.sequences,
      table: {
        headers: [text.sequence, text.duration, text.content],
        rows: sequences.map((sequence, index) => [`${format.number(index + 1)}. ${pick(sequence.title, locale)}`, format.minutes(sequence.minutes), pick(sequence.method, locale)]),
        empty: text.none,
      },
      total: interpolate(text.sequencesTotal, { value: format.minutes(sequences.reduce((sum, sequence) => sum + sequence.minutes, 0)) }),
    },
    materials: { title: text.materials, items: (definition?.materials ?? []).map((material) => pick(material, locale)), empty: text.none },
    groups: {
      title: text.groups,
      items: (planned?.groups ?? []).map((group) => ({
        title: interpolate(text.groupTitle, { number: format.number(group.number), place: context.placeName(group.place, group.hubProvinceCode) }),
        facts: [
          { label: text.schedule, value: group.sessions.map(context.sessionText) },
          { label: text.place, value: context.placeName(group.place, group.hubProvinceCode) },
          { label: text.trainer, value: context.trainerName(group.trainerId) },
        ],
        participants: format.count(text.participants, group.cooperativeIds.length),
        cooperatives: [...group.cooperativeIds].sort(context.byName).map(context.cooperativeName),
      })),
    },
    coached: coached.length === 0 ? null : { title: text.coachedCooperatives, items: [...new Set(coached)].sort(context.byName).map(context.cooperativeName), empty: text.none },
  };
}

/** The training guide of a plan version, in one language. */
export function buildTrainingGuide(source: GuideSource, locale: Locale, generatedAt: Date): TrainingDocument {
  const context = contextOf(source, locale);
  const { text, format, result } = context;
  const { programme, plan } = source;
  const programmeName = nameIn(locale, programme.name);
  const otherName = locale === 'ar' ? programme.name.fr : programme.name.ar;

  // Modules with a group, in the plan's order, then those only coached.
  const moduleIds = [
    ...result.modules.filter((planned) => planned.groups.length > 0).map((planned) => planned.moduleId),
    ...[...new Set(result.coaching.map((entry) => entry.moduleId))].sort((a, b) => context.moduleCode(a).localeCompare(context.moduleCode(b))),
  ];
  const cooperativeIds = planCooperativeIds(result).sort(context.byName);

  return {
    kind: 'guide',
    lang: locale,
    dir: locale === 'ar' ? 'rtl' : 'ltr',
    title: `${text.guideTitle} — ${programmeName}`,
    brand: text.brand,
    mark: markOf(context, plan.status),
    cover: {
      title: text.guideTitle,
      subject: programmeName,
      otherName: otherName && otherName !== programmeName ? otherName : null,
      facts: [{ label: text.code, value: programme.code }, ...versionFacts(context, plan)],
    },
    brief: briefOf(context, source),
    needs: needsOf(context),
    modules: { title: text.modulesTitle, items: [...new Set(moduleIds)].map((id) => moduleOf(context, id)), empty: text.noModules },
    coaching: {
      title: text.coachingTitle,
      intro: text.coachingIntro,
      table: {
        headers: [text.cooperative, text.module, text.needs],
        rows: [...result.coaching]
          .sort((a, b) => context.byName(a.cooperativeId, b.cooperativeId) || context.moduleCode(a.moduleId).localeCompare(context.moduleCode(b.moduleId)))
          .map((entry) => [context.cooperativeName(entry.cooperativeId), context.moduleTitle(entry.moduleId), entry.needKeys.map(context.needKeyLabel)]),
        empty: text.noCoaching,
      },
    },
    workshops: {
      title: text.workshopsTitle,
      intro: text.workshopsIntro,
      table: {
        headers: [text.date, text.place, text.trainer, text.cooperatives],
        rows: [...result.workshops]
          .sort((a, b) => a.date.localeCompare(b.date) || a.provinceCode.localeCompare(b.provinceCode))
          .map((workshop) => [format.sessionDate(workshop.date), context.placeName(workshop.place, workshop.provinceCode), context.trainerName(workshop.trainerId), format.number(workshop.cooperativeIds.length)]),
        empty: text.noWorkshops,
      },
    },
    annex: { title: text.annexTitle, intro: text.annexIntro, paths: cooperativeIds.map((id) => pathOf(context, id, false)) },
    path: null,
    footer: footerOf(context, 'guide', generatedAt),
  };
}

/** The training path of one cooperative of a plan version, in one language; undefined when the plan does not name it. */
export function buildTrainingPath(source: GuideSource, cooperativeId: string, locale: Locale, generatedAt: Date): TrainingDocument | undefined {
  if (!planCooperativeIds(source.plan.result).includes(cooperativeId)) return undefined;
  const context = contextOf(source, locale);
  const { text } = context;
  const { programme, plan } = source;
  const path = pathOf(context, cooperativeId, true);
  const programmeName = nameIn(locale, programme.name);
  return {
    kind: 'path',
    lang: locale,
    dir: locale === 'ar' ? 'rtl' : 'ltr',
    title: `${text.pathTitle} — ${path.name}`,
    brand: text.brand,
    mark: markOf(context, plan.status),
    cover: {
      title: text.pathTitle,
      subject: path.name,
      otherName: path.otherName,
      facts: [{ label: text.programme, value: programmeName }, ...path.facts, ...versionFacts(context, plan)],
    },
    brief: null,
    needs: null,
    modules: null,
    coaching: null,
    workshops: null,
    annex: null,
    path,
    footer: footerOf(context, 'path', generatedAt),
  };
}
