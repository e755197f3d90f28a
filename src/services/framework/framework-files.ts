import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { FrameworkDocument } from '../../domain/framework/framework-schema.ts';
import { readFrameworkFile, type PreviousLookup } from '../../domain/framework/read-framework-file.ts';

// Framework files on disk: the shipped ones in frameworks/, and the siblings a file's `version.previous` may name.

export const shippedFrameworksDir = path.resolve(import.meta.dirname, '../../../frameworks');

/** The framework files in a folder, in name order (older versions first by convention of their names). */
export async function listFrameworkFiles(dir = shippedFrameworksDir): Promise<string[]> {
  const names = await fs.readdir(dir);
  return names.filter((n) => /\.(ya?ml|json)$/i.test(n) && !n.endsWith('.schema.json')).sort().map((n) => path.join(dir, n));
}

/** Finds `version.previous` among the files next to the one being checked (for a check without a database). */
export function siblingLookup(file: string, seen: Set<string> = new Set()): PreviousLookup {
  return async (code) => {
    if (seen.has(code)) return null;
    seen.add(code);
    for (const candidate of await listFrameworkFiles(path.dirname(path.resolve(file)))) {
      if (path.resolve(candidate) === path.resolve(file)) continue;
      let version: unknown;
      try {
        version = (parse(await fs.readFile(candidate, 'utf8')) as { version?: { code?: unknown } } | null)?.version?.code;
      } catch {
        continue;
      }
      if (version !== code) continue;
      const read = await readFrameworkFile(await fs.readFile(candidate), siblingLookup(candidate, seen));
      return read.ok ? read.doc : (read.doc ?? null);
    }
    return null;
  };
}

export type { FrameworkDocument };
