import type { Deps } from '../../deps.ts';
import { sha256, tableChecksum } from './backup-format.ts';
import { readManifest } from './restore-backup.ts';

// Use case: does the database (and its storage) hold exactly what a backup holds? Every table's row count and
// content checksum, every file's checksum. Run after a restore; the answer lists each difference.

export async function verifyBackup(deps: Pick<Deps, 'pool' | 'storage'>, dir: string): Promise<{ tables: number; files: number; problems: string[] }> {
  const manifest = readManifest(dir);
  const problems: string[] = [];
  const client = await deps.pool.connect();
  let tables = 0;
  try {
    await client.query('begin isolation level repeatable read read only');
    await client.query(`set local timezone = 'UTC'`);
    for (const t of manifest.tables.filter((x) => x.verify)) {
      const now = await tableChecksum(client, t);
      tables++;
      if (now.rows !== t.rows) problems.push(`${t.schema}.${t.name}: ${now.rows} rows, the backup has ${t.rows}`);
      else if (now.checksum !== t.checksum) problems.push(`${t.schema}.${t.name}: contents differ from the backup`);
    }
    await client.query('commit');
  } finally {
    client.release();
  }
  for (const f of manifest.files) {
    const bytes = await deps.storage.get(f.key);
    if (!bytes) problems.push(`file ${f.key}: missing`);
    else if (sha256(bytes) !== f.sha256) problems.push(`file ${f.key}: contents differ from the backup`);
  }
  return { tables, files: manifest.files.length, problems };
}
