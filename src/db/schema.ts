// The database as Kysely sees it. Kept by hand beside the SQL migrations.
import type { ColumnType, Generated } from 'kysely';
import type { DocumentBatchesTable, DocumentBatchItemsTable, DocumentImagesTable } from './schema-documents.ts';
import type { ReminderTemplatesTable, ReminderSettingsTable, ReminderSendsTable, ReminderTargetsTable, ReminderDeliveriesTable, ReminderScheduleMarksTable, ReminderRateBucketsTable, CallNotesTable, UserLineLinksTable } from './schema-chasing.ts';
import type { CommitteesTable, CommitteeMembersTable, CommitteeCommentsTable, WorkshopsTable, WorkshopDocumentsTable, WorkshopAttendeesTable } from './schema-dla-programmes.ts';

// The tables of later areas live beside this file; everything is exported from here.
export type * from './schema-documents.ts';
export type * from './schema-chasing.ts';
export type * from './schema-dla-programmes.ts';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

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

export interface ProgrammesTable {
  id: Generated<number>;
  code: string;
  title: string;
  owner: 'odloc' | 'dla';
  respondents: 'lao' | 'province_office' | 'district_office';
  frequency: 'yearly' | 'quarterly';
  scored: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
}

export interface FrameworkVersionsTable {
  id: Generated<number>;
  programme_id: number;
  code: string;
  title: string;
  fiscal_year: number;
  previous_version_id: number | null;
  document: ColumnType<unknown, string, string>;
  status: ColumnType<'draft' | 'frozen', 'draft' | 'frozen' | undefined, 'draft' | 'frozen'>;
  source_file_name: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  frozen_at: Date | null;
}

export type RoundState = 'draft' | 'open' | 'closed' | 'published';

export interface RoundsTable {
  id: Generated<number>;
  programme_id: number;
  framework_version_id: number;
  title: string;
  fiscal_year: number;
  quarter: number | null;
  state: ColumnType<RoundState, RoundState | undefined, RoundState>;
  opens_at: Timestamp;
  due_at: Timestamp;
  late_until: Timestamp;
  edit_closes_at: Timestamp;
  lao_types: string[] | null;
  province_codes: string[] | null;
  excluded_province_codes: ColumnType<string[], string[] | undefined, string[]>;
  demo: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: string | null;
  created_at: Timestamp;
  opened_at: Date | null;
  closed_at: Date | null;
  published_at: Date | null;
}

export interface RoundRespondentsTable {
  round_id: number;
  org_unit_id: number;
  lao_type: string | null;
  province_code: string | null;
  district_code: string | null;
}

export type ExtensionScope = 'all' | 'province' | 'respondent';
export type ExtensionStatus = 'requested' | 'granted' | 'refused';

export interface ExtensionsTable {
  id: Generated<number>;
  round_id: number;
  scope: ExtensionScope;
  org_unit_id: number | null;
  new_due_at: Timestamp;
  reason: string;
  status: ExtensionStatus;
  requested_by: string | null;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
}

export interface InternalDeadlinesTable {
  id: Generated<number>;
  round_id: number;
  org_unit_id: number | null;
  title: string;
  due_at: Timestamp;
  created_by: string | null;
  created_at: Timestamp;
}

export type SubmissionState = 'in_progress' | 'awaiting_approval' | 'submitted' | 'returned' | 'accepted';

export interface SubmissionsTable {
  id: Generated<number>;
  round_id: number;
  org_unit_id: number;
  state: ColumnType<SubmissionState, SubmissionState | undefined, SubmissionState>;
  version: ColumnType<number, number | undefined, number>;
  started_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: Date | null;
  submitted_by: string | null;
}

export interface SubmissionValuesTable {
  submission_id: number;
  field_key: string;
  item_code: ColumnType<string, string | undefined, string>;
  value: ColumnType<unknown, string | null, string | null>;
  version: ColumnType<number, number | undefined, number>;
  note: string | null;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface SubmissionPartsTable {
  submission_id: number;
  part_code: string;
  state: ColumnType<'in_progress' | 'ready' | 'returned', 'in_progress' | 'ready' | 'returned' | undefined, 'in_progress' | 'ready' | 'returned'>;
  assigned_user_id: string | null;
  updated_at: Timestamp;
}

export interface EvidenceTable {
  id: Generated<number>;
  submission_id: number;
  indicator_code: string | null;
  field_key: string | null;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
  removed_at: Date | null;
}

export interface SubmissionSnapshotsTable {
  submission_id: number;
  seq: number;
  values: ColumnType<unknown, string, string>;
  submitted_at: Timestamp;
  submitted_by: string | null;
}

export interface ReviewCommentsTable {
  id: Generated<number>;
  submission_id: number;
  field_key: string | null;
  item_code: ColumnType<string, string | undefined, string>;
  section_code: string | null;
  body: string;
  returns_field: ColumnType<boolean, boolean | undefined, boolean>;
  author_id: string | null;
  created_at: Timestamp;
  resolved_at: Date | null;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  scope: string;
  status: number;
  response: ColumnType<unknown, string, string>;
  created_at: Timestamp;
}

export interface ResultsTable {
  submission_id: number;
  indicator_code: string;
  framework_version_id: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  state: 'met' | 'needs_development' | 'no_service' | 'not_done' | 'missing';
  level: number | null;
  score: number | null;
  computed_at: Timestamp;
}

export type ImprovementProgress = 'not_started' | 'in_progress' | 'done';

export interface ImprovementPlansTable {
  submission_id: number;
  indicator_code: string;
  action: string;
  owner: string;
  due_date: ColumnType<string, string, string>;
  progress: ColumnType<ImprovementProgress, ImprovementProgress | undefined, ImprovementProgress>;
  progress_percent: number | null;
  progress_note: string | null;
  version: ColumnType<number, number | undefined, number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: Timestamp;
  read_at: Date | null;
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
  programmes: ProgrammesTable;
  framework_versions: FrameworkVersionsTable;
  rounds: RoundsTable;
  round_respondents: RoundRespondentsTable;
  extensions: ExtensionsTable;
  internal_deadlines: InternalDeadlinesTable;
  submissions: SubmissionsTable;
  submission_values: SubmissionValuesTable;
  notifications: NotificationsTable;
  submission_parts: SubmissionPartsTable;
  evidence: EvidenceTable;
  submission_snapshots: SubmissionSnapshotsTable;
  review_comments: ReviewCommentsTable;
  idempotency_keys: IdempotencyKeysTable;
  results: ResultsTable;
  improvement_plans: ImprovementPlansTable;
  document_batches: DocumentBatchesTable;
  document_batch_items: DocumentBatchItemsTable;
  document_images: DocumentImagesTable;
  reminder_templates: ReminderTemplatesTable;
  reminder_settings: ReminderSettingsTable;
  reminder_sends: ReminderSendsTable;
  reminder_targets: ReminderTargetsTable;
  reminder_deliveries: ReminderDeliveriesTable;
  reminder_schedule_marks: ReminderScheduleMarksTable;
  reminder_rate_buckets: ReminderRateBucketsTable;
  call_notes: CallNotesTable;
  user_line_links: UserLineLinksTable;
  committees: CommitteesTable;
  committee_members: CommitteeMembersTable;
  committee_comments: CommitteeCommentsTable;
  workshops: WorkshopsTable;
  workshop_documents: WorkshopDocumentsTable;
  workshop_attendees: WorkshopAttendeesTable;
}
