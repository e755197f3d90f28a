-- The improvement plan (แผนพัฒนา): for each indicator of a submission that needs development, what the respondent
-- will do, who does it, by when, and how far it has got. Versioned for optimistic locking; every change audited.
create table improvement_plans (
  submission_id    integer not null references submissions (id) on delete cascade,
  indicator_code   text not null,
  action           text not null,
  owner            text not null,
  due_date         date not null,
  progress         text not null default 'not_started' check (progress in ('not_started', 'in_progress', 'done')),
  progress_percent smallint check (progress_percent between 0 and 100),
  progress_note    text,
  version          integer not null default 1,
  updated_by       text references "user" (id) on delete set null,
  updated_at       timestamptz not null default now(),
  primary key (submission_id, indicator_code)
);
