-- Data entry, evidence, review and submission.

-- A part of a submission (one form): who it is assigned to and where it stands.
create table submission_parts (
  submission_id   integer not null references submissions (id) on delete cascade,
  part_code       text not null,
  state           text not null default 'in_progress' check (state in ('in_progress', 'ready', 'returned')),
  assigned_user_id text references "user" (id) on delete set null,
  updated_at      timestamptz not null default now(),
  primary key (submission_id, part_code)
);

alter table submission_values add column note text;

-- Evidence files, tied to an indicator or a field; stored by key in the configured storage.
create table evidence (
  id            serial primary key,
  submission_id integer not null references submissions (id) on delete cascade,
  indicator_code text,
  field_key     text,
  file_name     text not null,
  content_type  text not null,
  size_bytes    integer not null,
  sha256        text not null,
  storage_key   text not null,
  uploaded_by   text references "user" (id) on delete set null,
  uploaded_at   timestamptz not null default now(),
  removed_at    timestamptz,
  check (indicator_code is not null or field_key is not null)
);
create index evidence_submission_idx on evidence (submission_id) where removed_at is null;

-- What was sent each time (a returned submission shows what changed since the last one).
create table submission_snapshots (
  submission_id integer not null references submissions (id) on delete cascade,
  seq           integer not null,
  values        jsonb not null,
  submitted_at  timestamptz not null,
  submitted_by  text references "user" (id) on delete set null,
  primary key (submission_id, seq)
);

-- Review: comments on fields or sections, and the fields a return reopens.
create table review_comments (
  id            serial primary key,
  submission_id integer not null references submissions (id) on delete cascade,
  field_key     text,
  item_code     text not null default '',
  section_code  text,
  body          text not null,
  returns_field boolean not null default false,
  author_id     text references "user" (id) on delete set null,
  created_at    timestamptz not null default now(),
  resolved_at   timestamptz
);
create index review_comments_submission_idx on review_comments (submission_id);

-- A retried request with the same key gets the first answer (submit is idempotent).
create table idempotency_keys (
  user_id     text not null references "user" (id) on delete cascade,
  key         text not null,
  scope       text not null,
  status      integer not null,
  response    jsonb not null,
  created_at  timestamptz not null default now(),
  primary key (user_id, key)
);
