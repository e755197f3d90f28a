-- Memberships: a role over one org unit's subtree (org_unit_id is the reach); office_unit_id names the office or
-- division the person works in, where that differs (a provincial office user in one division, a programme admin of DLA).
create table memberships (
  id             bigint generated always as identity primary key,
  user_id        text not null references "user" (id) on delete cascade,
  role           text not null check (role in ('lao_officer', 'lao_executive', 'district_office', 'province_office', 'committee_member', 'programme_admin', 'system_admin')),
  org_unit_id    bigint not null references org_units (id),
  office_unit_id bigint references org_units (id),
  created_at     timestamptz not null default now(),
  created_by     text references "user" (id) on delete set null,
  unique (user_id, role, org_unit_id)
);
create index memberships_unit_idx on memberships (org_unit_id);

-- Personal API tokens: only a hash is kept; the token is shown once.
create table api_tokens (
  id           bigint generated always as identity primary key,
  user_id      text not null references "user" (id) on delete cascade,
  name         text not null check (length(name) between 1 and 100),
  token_hash   text not null unique,
  token_prefix text not null,
  created_at   timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at   timestamptz
);
create index api_tokens_user_idx on api_tokens (user_id);

-- Failed sign-ins, per account and per address, shared by every app process.
create table sign_in_throttle (
  key               text primary key,
  failures          integer not null default 0,
  window_started_at timestamptz not null,
  locked_until      timestamptz
);
