import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './schema.ts';

// The tables of chasing: reminder templates, sends, deliveries, schedules, rate buckets, call notes, LINE links.

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
