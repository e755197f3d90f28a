import crypto from 'node:crypto';
import type pg from 'pg';

// What a backup holds and how tables are read for it: shared by create, restore and verify.
//
// A backup is a folder: db/<schema>.<table>.copy.gz (COPY text format, gzip) for every table, files/<storage key>
// for every stored file a row points at, and manifest.json — written last, so a folder without it is not a backup.
// The schema itself is not in it: the release that made it creates the schema with its migrations (the manifest
// lists them, and a restore refuses a release whose migrations differ).

export type BackupTable = { schema: string; name: string; columns: string[]; rows: number; checksum: string; file: string; sha256: string; verify: boolean };
export type BackupFile = { key: string; bytes: number; sha256: string };
export type BackupManifest = {
  format: 1;
  createdAt: string;
  migrations: { name: string; checksum: string }[];
  tables: BackupTable[];
  files: BackupFile[];
};

export const sha256 = (b: Buffer | string) => crypto.createHash('sha256').update(b).digest('hex');
export const quoteTable = (t: { schema: string; name: string }) => `"${t.schema}"."${t.name}"`;
const quoteColumns = (columns: string[]) => columns.map((c) => `"${c.replaceAll('"', '""')}"`).join(', ');
export const copyColumns = quoteColumns;

/** Our tables and the job queue's, parents before children (so a restore satisfies every foreign key as it goes). */
export async function listTables(client: pg.PoolClient): Promise<{ schema: string; name: string; columns: string[]; verify: boolean }[]> {
  const tables = (await client.query<{ schema: string; name: string; columns: string[] }>(`
    select n.nspname as schema, c.relname as name,
           array_agg(a.attname::text order by a.attnum) as columns
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
    where c.relkind in ('r', 'p') and not c.relispartition
      and (n.nspname = 'public' or (n.nspname = 'graphile_worker' and c.relname like '\\_private\\_%'))
      and not (n.nspname = 'public' and c.relname = 'schema_migrations')
    group by 1, 2 order by 1, 2`)).rows;
  const edges = (await client.query<{ child: string; parent: string }>(`
    select cn.nspname || '.' || cc.relname as child, pn.nspname || '.' || pc.relname as parent
    from pg_constraint k
    join pg_class cc on cc.oid = k.conrelid join pg_namespace cn on cn.oid = cc.relnamespace
    join pg_class pc on pc.oid = k.confrelid join pg_namespace pn on pn.oid = pc.relnamespace
    where k.contype = 'f' and k.conrelid <> k.confrelid`)).rows;
  const byName = new Map(tables.map((t) => [`${t.schema}.${t.name}`, t]));
  const ordered: typeof tables = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    if (state.get(name) === 'done' || !byName.has(name)) return;
    if (state.get(name) === 'visiting') throw new Error(`backup: foreign keys form a cycle through ${name}`);
    state.set(name, 'visiting');
    for (const e of edges) if (e.child === name) visit(e.parent);
    state.set(name, 'done');
    ordered.push(byName.get(name)!);
  };
  for (const t of tables) visit(`${t.schema}.${t.name}`);
  // The queue's rows are work in motion (locks, attempts): carried over, but not compared by verify.
  return ordered.map((t) => ({ ...t, verify: t.schema === 'public' }));
}

/** Row count and an order-independent checksum of a table's contents, as text in UTC. */
export async function tableChecksum(client: pg.PoolClient, table: { schema: string; name: string; columns: string[] }): Promise<{ rows: number; checksum: string }> {
  const r = await client.query<{ rows: string; checksum: string }>(
    `select count(*)::text as rows, md5(coalesce(string_agg(h, '' order by h), '')) as checksum
     from (select md5(row(${quoteColumns(table.columns)})::text) as h from ${quoteTable(table)}) t`);
  return { rows: Number(r.rows[0]!.rows), checksum: r.rows[0]!.checksum };
}

/** Storage keys the database points at: every `storage_key` column of our tables. */
export async function listStorageKeys(client: pg.PoolClient): Promise<string[]> {
  const cols = (await client.query<{ table: string }>(`select table_name as table from information_schema.columns where table_schema = 'public' and column_name = 'storage_key' order by 1`)).rows;
  const keys = new Set<string>();
  for (const c of cols) {
    for (const row of (await client.query<{ key: string }>(`select distinct storage_key as key from public."${c.table}" where storage_key is not null`)).rows) keys.add(row.key);
  }
  return [...keys].sort();
}
