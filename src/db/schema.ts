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
}

export interface Database {
  org_units: OrgUnitsTable;
  audit_events: AuditEventsTable;
  register_imports: RegisterImportsTable;
}
