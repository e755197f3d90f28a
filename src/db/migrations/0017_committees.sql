-- A province's monitoring committee (คณะกรรมการติดตามการดำเนินงานตามคู่มือมาตรฐานการจัดบริการสาธารณะฯ, seed 000):
-- one per province, appointed by a provincial order (คำสั่งจังหวัด) whose number, date and signatory are kept here so
-- the order prints the same every time. `duties_example` stays true while the duties are DLA's model wording
-- (ค่าตัวอย่าง), and turns false once someone edits them.
create table committees (
  id                 serial primary key,
  province_unit_id   bigint not null unique references org_units (id),
  title              text not null check (length(title) between 1 and 400),
  duties             text not null check (length(duties) <= 8000),
  duties_example     boolean not null default true,
  order_no           text not null default '' check (length(order_no) <= 60),
  order_date         date,
  signatory_name     text not null default '' check (length(signatory_name) <= 120),
  signatory_position text not null default '' check (length(signatory_position) <= 200),
  version            integer not null default 1,
  created_at         timestamptz not null default now(),
  created_by         text references "user" (id) on delete set null,
  updated_at         timestamptz not null default now()
);

-- A member is a user account, a position in an office of the org tree (ผู้อำนวยการกลุ่มงาน…, ท้องถิ่นอำเภอ ทุกอำเภอ),
-- or a named person. A user account's committee_member membership on the province, when this row made it, is
-- remembered so removing the member removes only that.
create table committee_members (
  id                 serial primary key,
  committee_id       integer not null references committees (id) on delete cascade,
  sort_order         integer not null,
  kind               text not null check (kind in ('user', 'office', 'person')),
  user_id            text references "user" (id) on delete cascade,
  org_unit_id        bigint references org_units (id),
  name               text not null default '' check (length(name) <= 200),
  position_title     text not null default '' check (length(position_title) <= 300),
  agency             text not null default '' check (length(agency) <= 300),
  committee_position text not null check (committee_position in ('chair', 'member', 'secretary', 'assistant_secretary', 'adviser')),
  membership_id      bigint references memberships (id) on delete set null,
  created_at         timestamptz not null default now(),
  created_by         text references "user" (id) on delete set null,
  check ((kind = 'user') = (user_id is not null)),
  check (kind <> 'person' or length(name) > 0),
  check (kind <> 'office' or length(position_title) > 0),
  unique (committee_id, user_id)
);
create index committee_members_committee_idx on committee_members (committee_id, sort_order);
create index committee_members_user_idx on committee_members (user_id) where user_id is not null;

-- What committee members say about their province's quarterly report: on the whole report or on one standard
-- (item_code). Separate from review comments, which belong to the office above and can send fields back.
create table committee_comments (
  id           serial primary key,
  round_id     integer not null references rounds (id) on delete cascade,
  org_unit_id  bigint not null references org_units (id),
  item_code    text not null default '',
  body         text not null check (length(body) between 1 and 4000),
  author_id    text references "user" (id) on delete set null,
  created_at   timestamptz not null default now()
);
create index committee_comments_report_idx on committee_comments (round_id, org_unit_id, created_at);
