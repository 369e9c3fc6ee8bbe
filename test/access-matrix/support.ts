import type { Db } from '../../src/server/db/database.js';
import type { App } from '../../src/server/http/types.js';
import type { Agent } from '../support/http.js';

/**
 * What every access-matrix case file shares: the personas, the fixture built
 * once per database, and the shorthands for expected statuses. Each capability
 * keeps its cases in its own `*.cases.ts` file beside this one.
 */

export const personas = ['nobody', 'admin', 'manager', 'consultant', 'representative', 'otherRepresentative', 'funder'] as const;
export type Persona = (typeof personas)[number];
export type Expected = Record<Persona, number>;

/** The fixture every case may use: a cooperative the representative represents, and helpers to make fresh records. */
export interface Fixture {
  app: App;
  cooperativeId: string;
  makeUser(): Promise<string>;
  makeMember(): Promise<string>;
  makeGrant(userId: string): Promise<string>;
  makeImport(): Promise<string>;
  /** A second session of the same person, for requests that end their session. */
  freshAgent(persona: Persona): Promise<Agent>;
  /** A programme the manager, consultant and funder hold their roles in; the representative's cooperative is enrolled in it. */
  programmeId: string;
  /** The enrolment of the representative's cooperative in that programme. */
  enrolmentId: string;
  db: Db;
  agents: Record<Persona, Agent>;
  /** User ids of the personas (not `nobody`). */
  userIds: Record<Exclude<Persona, 'nobody'>, string>;
}

export interface Case {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  route: string;
  expected: Expected;
  request(fixture: Fixture, agent: Agent, persona: Persona): Promise<{ url: string; payload?: unknown; headers?: Record<string, string>; agent?: Agent } | undefined>;
}

export const everyone = (status: number): Expected => Object.fromEntries(personas.map((persona) => [persona, status])) as Expected;
export const signedIn = (status: number): Expected => ({ ...everyone(status), nobody: 401 });
export const adminOnly = (status: number): Expected => ({ ...signedIn(403), admin: status });
export const registryWriters = (status: number): Expected => ({ ...signedIn(403), admin: status, manager: status });
export const cooperativeReaders = (status: number): Expected => ({ ...signedIn(status), otherRepresentative: 404 });
export const memberEditors = (status: number): Expected => ({ ...cooperativeReaders(status), funder: 403 });
export const importOwner = (status: number): Expected => ({ ...signedIn(403), admin: status, manager: status });

