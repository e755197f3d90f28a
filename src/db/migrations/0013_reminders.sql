-- Chasing: reminder templates, sends with their targets and deliveries, the scheduled reminders' marks, the
-- delivery rate buckets, notes about calls made, and LINE user ids people link to their account.

-- The wording of reminders, edited by the programme owners. The shipped rows are examples (example = true) until an
-- owner saves their own wording: they are not official letters.
create table reminder_templates (
  code        text primary key check (code ~ '^[a-z_]{2,40}$'),
  kind        text not null check (kind in ('respondent', 'escalation')),
  title       text not null,
  subject     text not null check (length(subject) between 1 and 200),
  body        text not null check (length(body) between 1 and 2000),
  example     boolean not null default true,
  sort_order  smallint not null default 0,
  updated_by  text references "user" (id) on delete set null,
  updated_at  timestamptz not null default now()
);

insert into reminder_templates (code, kind, title, subject, body, sort_order) values
  ('before_due', 'respondent', 'ใกล้ถึงกำหนดส่ง', 'ใกล้ถึงกำหนดส่งข้อมูล {round}',
   E'เรียน {lao}\n\nกำหนดส่งข้อมูล {round} คือวันที่ {dueDate} ขณะนี้ยังไม่ได้รับข้อมูลของหน่วยงานท่าน โปรดกรอกและส่งข้อมูลให้ทันกำหนด\n\nกรอกข้อมูลได้ที่ {link}', 1),
  ('overdue', 'respondent', 'เลยกำหนดส่งแล้ว', 'เลยกำหนดส่งข้อมูล {round} แล้ว',
   E'เรียน {lao}\n\nกำหนดส่งข้อมูล {round} คือวันที่ {dueDate} ซึ่งเลยมาแล้ว และยังไม่ได้รับข้อมูลของหน่วยงานท่าน โปรดส่งข้อมูลโดยเร็ว หากมีเหตุจำเป็น ขอขยายเวลาได้ในระบบ\n\nกรอกข้อมูลได้ที่ {link}', 2),
  ('extension_granted', 'respondent', 'ขยายกำหนดส่ง', 'ขยายกำหนดส่งข้อมูล {round}',
   E'เรียน {lao}\n\nกำหนดส่งข้อมูล {round} ของหน่วยงานท่านขยายถึงวันที่ {dueDate} โปรดกรอกและส่งข้อมูลภายในกำหนดใหม่\n\nกรอกข้อมูลได้ที่ {link}', 3),
  ('escalation', 'escalation', 'แจ้งหน่วยงานกำกับ', 'หน่วยงานที่ยังไม่ส่งข้อมูล {round} ({count} แห่ง)',
   E'เรียน {office}\n\nหน่วยงานในความรับผิดชอบต่อไปนี้ยังไม่ส่งข้อมูล {round} ทั้งที่เลยกำหนดส่งมาแล้ว โปรดติดตาม\n\n{list}\n\nดูรายการและส่งข้อความเตือนได้ที่ {link}', 4);

-- When the scheduled reminders run for a round (a round without a row uses the defaults: 7 and 1 days before the
-- deadline, escalation 3 days after it).
create table reminder_settings (
  round_id             integer primary key references rounds (id) on delete cascade,
  enabled              boolean not null default true,
  days_before          smallint[] not null default '{7,1}',
  escalate_after_days  smallint not null default 3 check (escalate_after_days between 1 and 60),
  updated_by           text references "user" (id) on delete set null,
  updated_at           timestamptz not null default now()
);

-- One reminder action: sent by a person from the chase page (sent_by), or by the system (scheduled, null).
-- The template's wording is copied, so editing a template later does not rewrite history.
create table reminder_sends (
  id            bigserial primary key,
  round_id      integer not null references rounds (id) on delete cascade,
  kind          text not null check (kind in ('manual', 'before_due', 'extension', 'escalation')),
  template_code text not null,
  subject       text not null,
  body          text not null,
  channels      text[] not null,
  filter        jsonb not null default '{}',
  sent_by       text references "user" (id) on delete set null,
  created_at    timestamptz not null default now(),
  target_count  integer not null default 0,
  finished_at   timestamptz
);
create index reminder_sends_round_idx on reminder_sends (round_id, created_at desc);

-- Whom a send is about, with the text rendered for them: a respondent (reminders), or the unit whose office is told
-- (escalation: the district for an LAO, the province for a district office). recipient_count 0 is shown as
-- "ไม่มีผู้รับ", never dropped.
create table reminder_targets (
  send_id         bigint not null references reminder_sends (id) on delete cascade,
  org_unit_id     integer not null references org_units (id),
  subject         text not null,
  body            text not null,
  link            text not null,
  recipient_count integer not null default 0,
  primary key (send_id, org_unit_id)
);
create index reminder_targets_unit_idx on reminder_targets (org_unit_id);

-- One message to one person by one channel: the unit of exactly-once delivery.
create table reminder_deliveries (
  id          bigserial primary key,
  send_id     bigint not null,
  org_unit_id integer not null,
  user_id     text not null references "user" (id) on delete cascade,
  channel     text not null check (channel in ('in_app', 'email', 'line')),
  address     text,
  state       text not null default 'queued' check (state in ('queued', 'sending', 'sent', 'failed')),
  attempts    smallint not null default 0,
  claimed_at  timestamptz,
  retry_at    timestamptz,
  sent_at     timestamptz,
  error       text,
  unique (send_id, org_unit_id, user_id, channel),
  foreign key (send_id, org_unit_id) references reminder_targets (send_id, org_unit_id) on delete cascade
);
create index reminder_deliveries_open_idx on reminder_deliveries (send_id, channel, id) where state in ('queued', 'sending');

-- Scheduled reminders run every hour; a mark per respondent and reason makes each run idempotent
-- ('before_due:7:2026-08-29' — the days and the deadline it was for; 'extension:12'; 'escalation:3:2026-08-29').
create table reminder_schedule_marks (
  round_id    integer not null references rounds (id) on delete cascade,
  org_unit_id integer not null references org_units (id),
  mark        text not null,
  send_id     bigint references reminder_sends (id) on delete set null,
  created_at  timestamptz not null default now(),
  primary key (round_id, org_unit_id, mark)
);

-- The delivery rate limit: one token bucket per channel, shared by every worker process.
create table reminder_rate_buckets (
  channel     text primary key,
  tokens      double precision not null,
  refilled_at timestamptz not null
);

-- "โทรติดตามแล้ว": a note about a call made to a respondent.
create table call_notes (
  id          bigserial primary key,
  round_id    integer not null references rounds (id) on delete cascade,
  org_unit_id integer not null references org_units (id),
  note        text not null check (length(note) between 1 and 500),
  created_by  text references "user" (id) on delete set null,
  created_at  timestamptz not null default now()
);
create index call_notes_round_idx on call_notes (round_id, org_unit_id, created_at desc);

-- The LINE user id a person linked to their account (reminders by LINE go only to people who linked one).
create table user_line_links (
  user_id      text primary key references "user" (id) on delete cascade,
  line_user_id text not null check (line_user_id ~ '^U[0-9a-f]{32}$'),
  linked_at    timestamptz not null default now()
);
