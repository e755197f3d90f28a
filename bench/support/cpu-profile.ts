import fs from 'node:fs';
import path from 'node:path';

// Where a process's CPU went, from a V8 .cpuprofile (node --cpu-prof): self time by function, by package or source
// file, and time spent inside each of our own functions (inclusive, callees counted once).

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type ProfileSummary = { totalMs: number; bySelf: [string, number][]; byPlace: [string, number][]; ownInclusive: [string, number][] };

const root = path.resolve(import.meta.dirname, '../..');

function placeOf(url: string): string {
  if (!url) return '(native, GC, idle)';
  const file = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (pkg) return pkg[1]!;
  if (file.startsWith(root)) return path.relative(root, file);
  if (file.startsWith('node:')) return 'node internals';
  return file;
}

export function summariseProfile(file: string, top = 20): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${placeOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  const bySelf = new Map<string, number>();
  const byPlace = new Map<string, number>();
  let totalMs = 0;
  for (const n of profile.nodes) {
    const ms = selfMs.get(n.id) ?? 0;
    if (n.callFrame.functionName === '(idle)') continue;
    totalMs += ms;
    add(bySelf, label(n), ms);
    add(byPlace, placeOf(n.callFrame.url), ms);
  }
  // Inclusive time of our own functions (src/): each node's subtree, a function counted once per path.
  const ownInclusive = new Map<string, number>();
  const walk = (id: number, open: Set<string>): number => {
    const n = byId.get(id)!;
    let total = n.callFrame.functionName === '(idle)' ? 0 : selfMs.get(id) ?? 0;
    const own = placeOf(n.callFrame.url).startsWith('src/') ? label(n) : null;
    const fresh = own !== null && !open.has(own);
    if (fresh) open.add(own);
    for (const c of n.children ?? []) total += walk(c, open);
    if (fresh) {
      open.delete(own);
      add(ownInclusive, own, total);
    }
    return total;
  };
  walk(profile.nodes[0]!.id, new Set());
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  return { totalMs, bySelf: sorted(bySelf), byPlace: sorted(byPlace), ownInclusive: sorted(ownInclusive) };
}
