import type { ColumnType, Generated } from 'kysely';

// The database as Kysely sees it. Kept by hand beside the SQL migrations.
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface OrgUnitsTable {
  id: Generated<number>;
  kind: string;
  code: string;
  parent_id: number | null;
  path: string;
  name_th: string;
  name_en: string | null;
  lao_type: string | null;
  province_code: string | null;
  district_code: string | null;
  valid_from: ColumnType<string, string | undefined, string>;
  valid_to: string | null;
  generated: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AuditEventsTable {
  id: Generated<number>;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  old_value: unknown;
  new_value: unknown;
  ip: string | null;
  request_id: string | null;
}

export interface RegisterImportsTable {
  id: Generated<number>;
  started_by: string | null;
  file_name: string;
  mode: 'dry_run' | 'import';
  status: 'running' | 'done' | 'rejected' | 'failed';
  total_rows: ColumnType<number, number | undefined, number>;
  processed_rows: ColumnType<number, number | undefined, number>;
  added: ColumnType<number, number | undefined, number>;
  updated: ColumnType<number, number | undefined, number>;
  closed: ColumnType<number, number | undefined, number>;
  unchanged: ColumnType<number, number | undefined, number>;
  problems: ColumnType<unknown, string | undefined, string>;
  started_at: Timestamp;
  finished_at: Date | null;
  reopened: ColumnType<number, number | undefined, number>;
  moved: ColumnType<number, number | undefined, number>;
  problem_count: ColumnType<number, number | undefined, number>;
  phase: ColumnType<'reading' | 'checking' | 'writing' | 'finished', 'reading' | 'checking' | 'writing' | 'finished' | undefined, 'reading' | 'checking' | 'writing' | 'finished'>;
  as_of: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  image: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  username: string | null;
  displayUsername: string | null;
  twoFactorEnabled: boolean | null;
  isActive: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface SessionTable {
  id: string;
  expiresAt: Timestamp;
  token: string;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  ipAddress: string | null;
  userAgent: string | null;
  userId: string;
}

export interface VerificationTable {
  id: string;
  identifier: string;
  value: string;
  expiresAt: Timestamp;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface MembershipsTable {
  id: Generated<number>;
  user_id: string;
  role: string;
  org_unit_id: number;
  office_unit_id: number | null;
  created_at: Timestamp;
  created_by: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_at: Timestamp;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface SignInThrottleTable {
  key: string;
  failures: number;
  window_started_at: Timestamp;
  locked_until: Date | null;
}

export interface Database {
  org_units: OrgUnitsTable;
  audit_events: AuditEventsTable;
  register_imports: RegisterImportsTable;
  user: UserTable;
  session: SessionTable;
  verification: VerificationTable;
  memberships: MembershipsTable;
  api_tokens: ApiTokensTable;
  sign_in_throttle: SignInThrottleTable;
}
