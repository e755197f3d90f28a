import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from './schema.ts';

// The tables of the DLA programmes' own work: committees and their members and comments, workshops.

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
