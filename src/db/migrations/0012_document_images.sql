-- Images the official documents print: the Garuda (ตราครุฑ) the deployment uploads once for every document, or an
-- LAO's own seal. One of each at a time: uploading again replaces it. The bytes live in the evidence storage.
create table document_images (
  id           serial primary key,
  kind         text not null check (kind in ('garuda', 'seal')),
  org_unit_id  integer references org_units (id) on delete cascade,
  content_type text not null check (content_type in ('image/png', 'image/jpeg')),
  size_bytes   integer not null check (size_bytes > 0),
  width_px     integer not null check (width_px > 0),
  height_px    integer not null check (height_px > 0),
  sha256       text not null,
  storage_key  text not null,
  uploaded_by  text references "user" (id) on delete set null,
  uploaded_at  timestamptz not null default now(),
  -- Garuda belongs to the deployment; a seal to one unit.
  check ((kind = 'garuda') = (org_unit_id is null))
);
create unique index document_images_one_each on document_images (kind, coalesce(org_unit_id, 0));
