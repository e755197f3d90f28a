import fs from 'node:fs/promises';
import path from 'node:path';
import { bangkokDate } from '../../domain/dates/bangkok-time.ts';
import { logFilePattern } from '../../log-files.ts';

// Use case (a daily job): delete the log files older than the retention period, never a newer one, never a file
// that is not one of ours.

export async function pruneLogFiles(input: { logDir: string; retentionDays: number; now: Date }): Promise<{ deleted: string[]; kept: number }> {
  const cutoff = bangkokDate(new Date(input.now.getTime() - input.retentionDays * 86_400_000));
  let names: string[];
  try {
    names = await fs.readdir(input.logDir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { deleted: [], kept: 0 };
    throw e;
  }
  const deleted: string[] = [];
  let kept = 0;
  for (const name of names.sort()) {
    const day = logFilePattern.exec(name)?.[1];
    if (!day) continue;
    if (day < cutoff) {
      await fs.rm(path.join(input.logDir, name), { force: true });
      deleted.push(name);
    } else kept++;
  }
  return { deleted, kept };
}
