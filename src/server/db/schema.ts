import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Role } from '../../core/access/roles.js';
import type { CooperativeStatus, LegalForm, SectorCode } from '../../core/registry/sectors.js';

/**
 * The database as Kysely sees it, in camelCase (CamelCasePlugin maps to the
 * snake_case tables). Dates and timestamps come back as ISO strings and
 * numerics as numbers on both PGlite and PostgreSQL (see database.ts).
 */

type Timestamp = ColumnType<string, string | undefined, string>;

export interface RegionTable {
  code: string;
  isoCode: string;
  nameFr: string;
  nameAr: string;
  capital: string;
  population2024: number;
  latitude: number;
  longitude: number;
}

export interface ProvinceTable {
  code: string;
  regionCode: string;
  isoCode: string;
  kind: 'prefecture' | 'province';
  nameFr: string;
  nameAr: string;
  population2024: number;
  households2024: number;
  communeCount: number;
  latitude: number;
  longitude: number;
}

export interface ProgrammeTable {
  id: Generated<string>;
  code: string;
  nameFr: string;
  nameAr: string | null;
  nameEn: string | null;
  isDemo: Generated<boolean>;
  createdAt: Timestamp;
}

export interface UserTable {
  id: Generated<string>;
  email: string;
  displayName: string;
  passwordHash: string;
  locale: Generated<'fr' | 'ar' | 'en'>;
  isActive: Generated<boolean>;
  isDemo: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface RoleGrantTable {
  id: Generated<string>;
  userId: string;
  role: Role;
  programmeId: string | null;
  cooperativeId: string | null;
  createdAt: Timestamp;
}

export interface SessionTable {
  id: string;
  userId: string;
  createdAt: Timestamp;
  expiresAt: string;
  lastSeenAt: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  occurredAt: Timestamp;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  after: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  context: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
}

export interface CooperativeTable {
  id: Generated<string>;
  registrationNumber: string | null;
  nameFr: string | null;
  nameAr: string | null;
  searchText: string;
  nameKey: string;
  legalForm: LegalForm;
  creationDate: string | null;
  sector: SectorCode;
  valueChain: string | null;
  regionCode: string;
  provinceCode: string;
  commune: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  membersTotal: number | null;
  membersWomen: number | null;
  membersYoung: number | null;
  capitalMad: number | null;
  presidentName: string | null;
  presidentPhone: string | null;
  managerName: string | null;
  managerPhone: string | null;
  email: string | null;
  phone: string | null;
  products: ColumnType<string[], string[] | undefined, string[]>;
  turnoverMad: number | null;
  turnoverYear: number | null;
  status: ColumnType<CooperativeStatus, CooperativeStatus | undefined, CooperativeStatus>;
  isDemo: Generated<boolean>;
  archivedAt: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface CooperativeMemberTable {
  id: Generated<string>;
  cooperativeId: string;
  fullName: string;
  role: string;
  sex: string | null;
  ageGroup: string | null;
  phone: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ImportTable {
  id: Generated<string>;
  createdBy: string;
  createdAt: Timestamp;
  fileName: string;
  content: Uint8Array;
  status: Generated<string>;
  summary: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  finishedAt: string | null;
}

export interface Database {
  regions: RegionTable;
  provinces: ProvinceTable;
  programmes: ProgrammeTable;
  users: UserTable;
  roleGrants: RoleGrantTable;
  sessions: SessionTable;
  auditLog: AuditLogTable;
  cooperatives: CooperativeTable;
  cooperativeMembers: CooperativeMemberTable;
  imports: ImportTable;
}
