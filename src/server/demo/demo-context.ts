/** What the demo's later parts (action plans, follow-ups, financing, outcomes) receive from its first. */

export interface DemoCohort {
  programmeId: string;
  /** The programme's first day. */
  start: Date;
  cooperatives: Array<{ id: string; provinceCode: string }>;
}

export interface DemoCohorts {
  /** INJAZ: 18 cooperatives of Laâyoune, Tarfaya and Boujdour. */
  south: DemoCohort;
  /** Mourafaka: 33 new cooperatives of Souss-Massa. */
  souss: DemoCohort;
}

export interface DemoContext {
  today: Date;
  managerId: string;
  consultantId: string;
  trainerId: string;
  representativeId: string;
  /** Demo organisations by key (see demo-programmes.ts): 'injaz', 'corporate', 'odco', 'cam', 'amana'… */
  organisationIds: ReadonlyMap<string, string>;
}
