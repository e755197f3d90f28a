-- Register imports: what the report needs beyond 0001 (reopened and moved LAOs, the full problem count when
-- the stored list is cut short) and the phase, so a progress display can say what the processed_rows count.
alter table register_imports
  add column reopened      integer not null default 0,
  add column moved         integer not null default 0,
  add column problem_count integer not null default 0,
  add column phase         text not null default 'reading' check (phase in ('reading', 'checking', 'writing', 'finished')),
  add column as_of         date;
create index register_imports_started_idx on register_imports (started_at desc);

-- The importer reads every LAO by code; (kind, code) is unique already, this serves "open LAOs" scans.
create index org_units_open_lao_idx on org_units (code) where kind = 'lao' and valid_to is null;
