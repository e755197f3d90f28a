-- Programmes, their framework versions, rounds with their dates, extensions and the expected respondents.

create table programmes (
  id          serial primary key,
  code        text not null unique,
  title       text not null,
  owner       text not null check (owner in ('odloc', 'dla')),
  respondents text not null check (respondents in ('lao', 'province_office', 'district_office')),
  frequency   text not null check (frequency in ('yearly', 'quarterly')),
  scored      boolean not null default false,
  created_at  timestamptz not null default now()
);

-- A framework version (กรอบการประเมิน) is stored as its validated document; it is frozen once a round uses it.
create table framework_versions (
  id                  serial primary key,
  programme_id        integer not null references programmes (id),
  code                text not null unique,
  title               text not null,
  fiscal_year         integer not null,
  previous_version_id integer references framework_versions (id),
  document            jsonb not null,
  status              text not null default 'draft' check (status in ('draft', 'frozen')),
  source_file_name    text,
  created_by          text references "user" (id),
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  frozen_at           timestamptz
);
create index framework_versions_programme_idx on framework_versions (programme_id, fiscal_year desc);

create table rounds (
  id                   serial primary key,
  programme_id         integer not null references programmes (id),
  framework_version_id integer not null references framework_versions (id),
  title                text not null,
  fiscal_year          integer not null,
  quarter              smallint check (quarter between 1 and 4),
  state                text not null default 'draft' check (state in ('draft', 'open', 'closed', 'published')),
  opens_at             timestamptz not null,
  due_at               timestamptz not null,
  late_until           timestamptz not null,
  edit_closes_at       timestamptz not null,
  lao_types            text[],
  province_codes       text[],
  excluded_province_codes text[] not null default '{}',
  demo                 boolean not null default false,
  created_by           text references "user" (id),
  created_at           timestamptz not null default now(),
  opened_at            timestamptz,
  closed_at            timestamptz,
  published_at         timestamptz,
  check (opens_at < due_at and due_at <= late_until and late_until <= edit_closes_at)
);
create unique index rounds_period_idx on rounds (programme_id, fiscal_year, coalesce(quarter, 0));

-- Who is expected to respond, fixed when the round opens (the register changes every year).
create table round_respondents (
  round_id      integer not null references rounds (id) on delete cascade,
  org_unit_id   integer not null references org_units (id),
  lao_type      text,
  province_code text,
  district_code text,
  primary key (round_id, org_unit_id)
);
create index round_respondents_area_idx on round_respondents (round_id, province_code, district_code);

create table extensions (
  id            serial primary key,
  round_id      integer not null references rounds (id) on delete cascade,
  scope         text not null check (scope in ('all', 'province', 'respondent')),
  org_unit_id   integer references org_units (id),
  new_due_at    timestamptz not null,
  reason        text not null,
  status        text not null check (status in ('requested', 'granted', 'refused')),
  requested_by  text references "user" (id),
  requested_at  timestamptz not null default now(),
  decided_by    text references "user" (id),
  decided_at    timestamptz,
  decision_note text,
  check ((scope = 'all') = (org_unit_id is null))
);
create index extensions_round_idx on extensions (round_id, status);

-- A deadline inside the chain: a division or district office reports to its provincial office before the office
-- reports on (set for the whole round, or by one provincial office for its own people).
create table internal_deadlines (
  id          serial primary key,
  round_id    integer not null references rounds (id) on delete cascade,
  org_unit_id integer references org_units (id),
  title       text not null,
  due_at      timestamptz not null,
  created_by  text references "user" (id),
  created_at  timestamptz not null default now()
);

-- One respondent in one round. Data entry and review arrive later; the state is here from the start.
create table submissions (
  id           serial primary key,
  round_id     integer not null references rounds (id) on delete cascade,
  org_unit_id  integer not null references org_units (id),
  state        text not null default 'in_progress'
               check (state in ('in_progress', 'awaiting_approval', 'submitted', 'returned', 'accepted')),
  version      integer not null default 1,
  started_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  submitted_at timestamptz,
  submitted_by text references "user" (id),
  unique (round_id, org_unit_id)
);

create table submission_values (
  submission_id integer not null references submissions (id) on delete cascade,
  field_key     text not null,
  item_code     text not null default '',
  value         jsonb,
  version       integer not null default 1,
  updated_by    text references "user" (id),
  updated_at    timestamptz not null default now(),
  primary key (submission_id, field_key, item_code)
);

-- What people are told in the product (mail and LINE delivery build on these rows).
create table notifications (
  id          bigserial primary key,
  user_id     text not null references "user" (id) on delete cascade,
  kind        text not null,
  title       text not null,
  body        text not null,
  link        text,
  created_at  timestamptz not null default now(),
  read_at     timestamptz
);
create index notifications_user_idx on notifications (user_id, created_at desc);
