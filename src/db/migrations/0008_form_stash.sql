-- A form posted after its session expired: kept here (by the hash of a random token held in a short-lived cookie)
-- until the person signs in again and comes back to the page, which puts the values back into the form unsaved.
create table form_stashes (
  token_hash  text primary key,
  path        text not null,
  fields      jsonb not null,
  created_at  timestamptz not null,
  expires_at  timestamptz not null
);
create index form_stashes_expires_idx on form_stashes (expires_at);
