-- A document batch: one official document for every respondent of a round (the results report of each LAO, for
-- publication), rendered in the background by the job queue. Items are claimed and marked one by one, so a worker
-- killed mid-way leaves the done ones done and the rest pending for the next worker.
create table document_batches (
  id            serial primary key,
  round_id      integer not null references rounds (id) on delete cascade,
  kind          text not null check (kind in ('results_report')),
  requested_by  text references "user" (id) on delete set null,
  requested_at  timestamptz not null,
  total         integer not null,
  finished_at   timestamptz
);
create index document_batches_round_idx on document_batches (round_id, requested_at desc);

create table document_batch_items (
  batch_id      integer not null references document_batches (id) on delete cascade,
  org_unit_id   integer not null references org_units (id),
  state         text not null default 'pending' check (state in ('pending', 'done', 'failed')),
  storage_key   text,
  bytes         integer,
  error         text,
  attempts      smallint not null default 0,
  done_at       timestamptz,
  primary key (batch_id, org_unit_id)
);
create index document_batch_items_pending_idx on document_batch_items (batch_id) where state = 'pending';
