import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { to as copyTo } from 'pg-copy-streams';
import type { Deps } from '../../deps.ts';
import { copyColumns, listStorageKeys, listTables, quoteTable, sha256, tableChecksum, type BackupManifest, type BackupTable } from './backup-format.ts';

// Use case: a backup of the database and of every stored file a row points at, into a new folder. The tables are
// read in one snapshot (repeatable read), so they agree with each other whatever is written meanwhile; files are
// never changed in place (a new upload is a new key), so the ones the snapshot points at are the right ones.

export async function createBackup(deps: Pick<Deps, 'pool' | 'storage' | 'clock'>, parentDir: string, progress: (line: string) => void = () => {}): Promise<{ dir: string; manifest: BackupManifest }> {
  const at = deps.clock.now();
  const dir = path.join(parentDir, `matrathan-backup-${at.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-')}`);
  fs.mkdirSync(path.join(dir, 'db'), { recursive: true });
  const client = await deps.pool.connect();
  const tables: BackupTable[] = [];
  let keys: string[] = [];
  let migrations: BackupManifest['migrations'] = [];
  try {
    await client.query(`begin isolation level repeatable read read only`);
    await client.query(`set local timezone = 'UTC'`);
    migrations = (await client.query<{ name: string; checksum: string }>(`select name, checksum from schema_migrations order by name`)).rows;
    for (const table of await listTables(client)) {
      const file = `db/${table.schema}.${table.name}.copy.gz`;
      const { rows, checksum } = await tableChecksum(client, table);
      const copy = client.query(copyTo(`copy ${quoteTable(table)} (${copyColumns(table.columns)}) to stdout`));
      await pipeline(copy, zlib.createGzip(), fs.createWriteStream(path.join(dir, file)));
      tables.push({ ...table, rows, checksum, file, sha256: sha256(fs.readFileSync(path.join(dir, file))) });
      progress(`ตาราง ${table.schema}.${table.name}: ${rows.toLocaleString('en-US')} แถว`);
    }
    keys = await listStorageKeys(client);
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
  const files: BackupManifest['files'] = [];
  for (const [i, key] of keys.entries()) {
    const bytes = await deps.storage.get(key);
    if (!bytes) throw new Error(`backup: stored file ${key} is missing from storage`);
    const target = path.join(dir, 'files', ...key.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, bytes);
    files.push({ key, bytes: bytes.length, sha256: sha256(bytes) });
    if ((i + 1) % 500 === 0) progress(`ไฟล์ ${i + 1}/${keys.length}`);
  }
  const manifest: BackupManifest = { format: 1, createdAt: at.toISOString(), migrations, tables, files };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  progress(`เสร็จ: ${tables.length} ตาราง, ${files.length} ไฟล์ → ${dir}`);
  return { dir, manifest };
}
