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

export interface DocumentBatchesTable {
  id: Generated<number>;
  round_id: number;
  kind: 'results_report';
  requested_by: string | null;
  requested_at: Date;
  total: number;
  finished_at: Date | null;
}

export type DocumentBatchItemState = 'pending' | 'done' | 'failed';

export interface DocumentBatchItemsTable {
  batch_id: number;
  org_unit_id: number;
  state: ColumnType<DocumentBatchItemState, DocumentBatchItemState | undefined, DocumentBatchItemState>;
  storage_key: string | null;
  bytes: number | null;
  error: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  done_at: Date | null;
}

export interface DocumentImagesTable {
  id: Generated<number>;
  kind: 'garuda' | 'seal';
  org_unit_id: number | null;
  content_type: 'image/png' | 'image/jpeg';
  size_bytes: number;
  width_px: number;
  height_px: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

// Chasing (0013_reminders.sql): templates, sends, targets, deliveries, schedule marks, rate buckets, call notes, LINE ids.
export interface ReminderTemplatesTable {
  code: string;
  kind: 'respondent' | 'escalation';
  title: string;
  subject: string;
  body: string;
  example: ColumnType<boolean, boolean | undefined, boolean>;
  sort_order: ColumnType<number, number | undefined, number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface ReminderSettingsTable {
  round_id: number;
  enabled: ColumnType<boolean, boolean | undefined, boolean>;
  days_before: ColumnType<number[], number[] | undefined, number[]>;
  escalate_after_days: ColumnType<number, number | undefined, number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export type ReminderSendKind = 'manual' | 'before_due' | 'extension' | 'escalation';
export type ReminderChannel = 'in_app' | 'email' | 'line';

export interface ReminderSendsTable {
  id: Generated<number>;
  round_id: number;
  kind: ReminderSendKind;
  template_code: string;
  subject: string;
  body: string;
  channels: string[];
  filter: ColumnType<unknown, string | undefined, string>;
  sent_by: string | null;
  created_at: Timestamp;
  target_count: ColumnType<number, number | undefined, number>;
  finished_at: Date | null;
}

export interface ReminderTargetsTable {
  send_id: number;
  org_unit_id: number;
  subject: string;
  body: string;
  link: string;
  recipient_count: ColumnType<number, number | undefined, number>;
}

export interface ReminderDeliveriesTable {
  id: Generated<number>;
  send_id: number;
  org_unit_id: number;
  user_id: string;
  channel: ReminderChannel;
  address: string | null;
  state: ColumnType<'queued' | 'sending' | 'sent' | 'failed', 'queued' | 'sending' | 'sent' | 'failed' | undefined, 'queued' | 'sending' | 'sent' | 'failed'>;
  attempts: ColumnType<number, number | undefined, number>;
  claimed_at: Date | null;
  retry_at: Date | null;
  sent_at: Date | null;
  error: string | null;
}

export interface ReminderScheduleMarksTable {
  round_id: number;
  org_unit_id: number;
  mark: string;
  send_id: number | null;
  created_at: Timestamp;
}

export interface ReminderRateBucketsTable {
  channel: string;
  tokens: number;
  refilled_at: Timestamp;
}

export interface CallNotesTable {
  id: Generated<number>;
  round_id: number;
  org_unit_id: number;
  note: string;
  created_by: string | null;
  created_at: Timestamp;
}

export interface UserLineLinksTable {
  user_id: string;
  line_user_id: string;
  linked_at: Timestamp;
}

// Committees (0017_committees.sql): a province's monitoring committee, its members, their comments on reports.
export type CommitteePosition = 'chair' | 'member' | 'secretary' | 'assistant_secretary' | 'adviser';

export interface CommitteesTable {
  id: Generated<number>;
  province_unit_id: number;
  title: string;
  duties: string;
  duties_example: ColumnType<boolean, boolean | undefined, boolean>;
  order_no: ColumnType<string, string | undefined, string>;
  order_date: ColumnType<string | null, string | null | undefined, string | null>;
  signatory_name: ColumnType<string, string | undefined, string>;
  signatory_position: ColumnType<string, string | undefined, string>;
  version: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  created_by: string | null;
  updated_at: Timestamp;
}

export interface CommitteeMembersTable {
  id: Generated<number>;
  committee_id: number;
  sort_order: number;
  kind: 'user' | 'office' | 'person';
  user_id: string | null;
  org_unit_id: number | null;
  name: ColumnType<string, string | undefined, string>;
  position_title: ColumnType<string, string | undefined, string>;
  agency: ColumnType<string, string | undefined, string>;
  committee_position: CommitteePosition;
  membership_id: number | null;
  created_at: Timestamp;
  created_by: string | null;
}

export interface CommitteeCommentsTable {
  id: Generated<number>;
  round_id: number;
  org_unit_id: number;
  item_code: ColumnType<string, string | undefined, string>;
  body: string;
  author_id: string | null;
  created_at: Timestamp;
}

// Workshops (0018_workshops.sql): announcements, their documents, each LAO's attendees.
export interface WorkshopsTable {
  id: Generated<number>;
  programme_id: number;
  title: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  online_url: string | null;
  place: string | null;
  lao_types: string[] | null;
  province_codes: string[] | null;
  registration_closes_at: Timestamp;
  max_attendees_per_lao: number | null;
  description: ColumnType<string, string | undefined, string>;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface WorkshopDocumentsTable {
  id: Generated<number>;
  workshop_id: number;
  title: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  uploaded_at: Timestamp;
}

export interface WorkshopAttendeesTable {
  id: Generated<number>;
  workshop_id: number;
  org_unit_id: number;
  name: string;
  name_key: string;
  position: string;
  phone: string;
  email: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_by: string | null;
  updated_at: Timestamp;
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
