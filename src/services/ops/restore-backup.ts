import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { from as copyFrom } from 'pg-copy-streams';
import type { Deps } from '../../deps.ts';
import { copyColumns, quoteTable, sha256, type BackupManifest } from './backup-format.ts';

// Use case: a backup put back into an empty, freshly migrated database and its storage. All tables in one
// transaction (all or nothing), parents first; sequences moved past the restored ids; then the files, each checked
// against its checksum before it is stored.

export class RestoreRefused extends Error {}

export function readManifest(dir: string): BackupManifest {
  const file = path.join(dir, 'manifest.json');
  if (!fs.existsSync(file)) throw new RestoreRefused(`${dir} is not a complete backup (no manifest.json)`);
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.format !== 1) throw new RestoreRefused(`backup format ${String(manifest.format)} is not one this release reads`);
  return manifest;
}

export async function restoreBackup(deps: Pick<Deps, 'pool' | 'storage'>, dir: string, progress: (line: string) => void = () => {}): Promise<{ tables: number; rows: number; files: number }> {
  const manifest = readManifest(dir);
  const client = await deps.pool.connect();
  let rows = 0;
  try {
    const applied = (await client.query<{ name: string; checksum: string }>(`select name, checksum from schema_migrations order by name`)).rows;
    if (JSON.stringify(applied) !== JSON.stringify(manifest.migrations)) {
      throw new RestoreRefused('the database schema of this release differs from the backup\'s: restore with the release that made the backup (same migrations)');
    }
    const used = await client.query<{ n: number }>(`select ((select count(*) from org_units) + (select count(*) from "user"))::int as n`);
    if (used.rows[0]!.n > 0) throw new RestoreRefused('the database is not empty: restore into a new database');
    for (const t of manifest.tables) {
      if (sha256(fs.readFileSync(path.join(dir, t.file))) !== t.sha256) throw new RestoreRefused(`${t.file} is damaged (checksum differs)`);
    }
    await client.query('begin');
    await client.query(`set local timezone = 'UTC'`);
    // Reference data loaded at migration time, if any, gives way to the backup's.
    for (const t of [...manifest.tables].reverse()) await client.query(`delete from ${quoteTable(t)}`);
    for (const t of manifest.tables) {
      const copy = client.query(copyFrom(`copy ${quoteTable(t)} (${copyColumns(t.columns)}) from stdin`));
      await pipeline(fs.createReadStream(path.join(dir, t.file)), zlib.createGunzip(), copy);
      rows += t.rows;
      progress(`ตาราง ${t.schema}.${t.name}: ${t.rows.toLocaleString('en-US')} แถว`);
    }
    // Jobs held by a worker of the old database are free for this one's workers.
    await client.query(`update graphile_worker._private_jobs set locked_at = null, locked_by = null where locked_at is not null`).catch(() => {});
    const sequences = (await client.query<{ seq: string; tbl: string; col: string }>(`
      select pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) as seq,
             quote_ident(n.nspname) || '.' || quote_ident(c.relname) as tbl, quote_ident(a.attname) as col
      from pg_class c join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
      where c.relkind = 'r' and n.nspname in ('public', 'graphile_worker')
        and pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) is not null`)).rows;
    for (const s of sequences) await client.query(`select setval('${s.seq}', coalesce((select max(${s.col}) from ${s.tbl}), 0) + 1, false)`);
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
  for (const [i, f] of manifest.files.entries()) {
    const bytes = fs.readFileSync(path.join(dir, 'files', ...f.key.split('/')));
    if (sha256(bytes) !== f.sha256) throw new RestoreRefused(`files/${f.key} is damaged (checksum differs)`);
    await deps.storage.put(f.key, bytes, 'application/octet-stream');
    if ((i + 1) % 500 === 0) progress(`ไฟล์ ${i + 1}/${manifest.files.length}`);
  }
  return { tables: manifest.tables.length, rows, files: manifest.files.length };
}
