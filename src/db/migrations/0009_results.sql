-- Results per indicator, kept current with the answers (rewritten in the transaction of every save), so that
-- comparisons across LAOs and public pages read them without recomputing.
create table results (
  submission_id        integer not null references submissions (id) on delete cascade,
  indicator_code       text not null,
  framework_version_id integer not null references framework_versions (id),
  value                double precision,
  numerator            double precision,
  denominator          double precision,
  state                text not null check (state in ('met', 'needs_development', 'no_service', 'not_done', 'missing')),
  level                smallint,
  score                double precision,
  computed_at          timestamptz not null default now(),
  primary key (submission_id, indicator_code)
);
create index results_indicator_idx on results (framework_version_id, indicator_code);
