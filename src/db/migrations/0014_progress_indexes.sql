-- The progress dashboard's respondent list in Thai alphabetical order: walking this index gives the first page of
-- names without comparing thousands of them through ICU (a sort of the nation's 7,850 names costs 20–250 ms on two
-- cores; the walk, about 3 ms). The rest of the dashboard is served by the round's own indexes.
create index org_units_name_idx on org_units (name_th, code);
