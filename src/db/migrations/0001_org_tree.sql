-- The org tree: country → province → district → LAO, and the offices (provincial office with its divisions,
-- district office, programme agencies). One table, one materialised path of ids for subtree reach.
create table org_units (
  id          bigint generated always as identity primary key,
  kind        text not null check (kind in ('country', 'agency', 'province', 'district', 'lao', 'province_office', 'division', 'district_office')),
  code        text not null check (length(code) between 1 and 32),
  parent_id   bigint references org_units (id),
  path        text not null,                                   -- '/<id>/<id>/…/' from the root, this unit last
  name_th     text collate "th-TH-x-icu" not null check (length(name_th) between 1 and 300),
  name_en     text,
  lao_type    text check (lao_type in ('pao', 'city', 'town', 'subdistrict', 'sao', 'special')),
  province_code text check (province_code ~ '^[0-9]{2}$'),
  district_code text check (district_code ~ '^[0-9]{4}$'),
  valid_from  date not null default date '1900-01-01',
  valid_to    date,                                            -- null: still in the register; else the last day it was
  generated   boolean not null default false,                  -- true for the generated demo/benchmark register
  created_at  timestamptz not null default now(),
  updated_at  timestamptz not null default now(),
  unique (kind, code),
  check ((kind = 'lao') = (lao_type is not null)),
  check (valid_to is null or valid_to >= valid_from)
);
create index org_units_path_idx on org_units (path text_pattern_ops);
create index org_units_parent_idx on org_units (parent_id);
create index org_units_lao_idx on org_units (province_code, district_code) where kind = 'lao';

create table audit_events (
  id            bigint generated always as identity primary key,
  occurred_at   timestamptz not null default now(),
  actor_user_id text,
  action        text not null,
  entity_type   text not null,
  entity_id     text not null,
  old_value     jsonb,
  new_value     jsonb,
  ip            text,
  request_id    text
);
create index audit_events_entity_idx on audit_events (entity_type, entity_id, occurred_at desc);
create index audit_events_actor_idx on audit_events (actor_user_id, occurred_at desc);

-- Register imports: their dry-run report and progress, so the browser and the CLI can follow a large file.
create table register_imports (
  id            bigint generated always as identity primary key,
  started_by    text,
  file_name     text not null,
  mode          text not null check (mode in ('dry_run', 'import')),
  status        text not null check (status in ('running', 'done', 'rejected', 'failed')),
  total_rows    integer not null default 0,
  processed_rows integer not null default 0,
  added         integer not null default 0,
  updated       integer not null default 0,
  closed        integer not null default 0,
  unchanged     integer not null default 0,
  problems      jsonb not null default '[]'::jsonb,
  started_at    timestamptz not null default now(),
  finished_at   timestamptz
);
