-- Workshops (การประชุมเชิงปฏิบัติการ/อบรม) a programme owner announces to LAOs (seed 001): when (Bangkok), where
-- (an https link and/or a place), for whom (LAO types, provinces: null = all), until when people may register, how
-- many per LAO; the documents handed out (manuals, user guides: the owner's uploads, bytes in the evidence storage);
-- and each LAO's attendees. Every change is audited in the same transaction (audit_events).

create table workshops (
  id                     serial primary key,
  programme_id           integer not null references programmes (id),
  title                  text not null check (length(title) between 1 and 300),
  starts_at              timestamptz not null,
  ends_at                timestamptz not null,
  online_url             text check (online_url is null or (online_url like 'https://%' and length(online_url) <= 500)),
  place                  text check (place is null or length(place) between 1 and 500),
  lao_types              text[],
  province_codes         text[],
  registration_closes_at timestamptz not null,
  max_attendees_per_lao  integer check (max_attendees_per_lao between 1 and 100),
  description            text not null default '' check (length(description) <= 4000),
  created_by             text references "user" (id) on delete set null,
  created_at             timestamptz not null default now(),
  updated_by             text references "user" (id) on delete set null,
  updated_at             timestamptz not null default now(),
  check (starts_at < ends_at),
  check (registration_closes_at <= ends_at),
  check (online_url is not null or place is not null)
);
create index workshops_ends_idx on workshops (ends_at);

create table workshop_documents (
  id           serial primary key,
  workshop_id  integer not null references workshops (id) on delete cascade,
  title        text not null check (length(title) between 1 and 200),
  file_name    text not null,
  content_type text not null check (content_type in (
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')),
  size_bytes   integer not null check (size_bytes > 0),
  sha256       text not null,
  storage_key  text not null unique,
  uploaded_by  text references "user" (id) on delete set null,
  uploaded_at  timestamptz not null default now()
);
create index workshop_documents_workshop_idx on workshop_documents (workshop_id, id);

-- An LAO's attendees. name_key is the name as compared for duplicates (no title, no spaces, lower case); e-mail is
-- stored lower case. One person once per LAO and workshop.
create table workshop_attendees (
  id           serial primary key,
  workshop_id  integer not null references workshops (id) on delete cascade,
  org_unit_id  integer not null references org_units (id),
  name         text not null check (length(name) between 1 and 150),
  name_key     text not null,
  position     text not null check (length(position) between 1 and 150),
  phone        text not null,
  email        text check (email is null or email = lower(email)),
  created_by   text references "user" (id) on delete set null,
  created_at   timestamptz not null default now(),
  updated_by   text references "user" (id) on delete set null,
  updated_at   timestamptz not null default now()
);
create unique index workshop_attendees_name_idx on workshop_attendees (workshop_id, org_unit_id, name_key);
create unique index workshop_attendees_email_idx on workshop_attendees (workshop_id, org_unit_id, email) where email is not null;
create index workshop_attendees_unit_idx on workshop_attendees (org_unit_id, workshop_id);
