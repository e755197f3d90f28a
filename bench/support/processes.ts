import fs from 'node:fs';

// CPU time and resident memory of a process and everything below it (the app and its PostgreSQL, say), from /proc.

const ticksPerSecond = 100; // USER_HZ on Linux

function children(pid: number): number[] {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export function processTree(pid: number): number[] {
  return [pid, ...children(pid).flatMap((c) => processTree(c))];
}

/** CPU seconds used so far (user + system) and resident MB now, of one process. */
export function processUsage(pid: number): { cpuSeconds: number; rssMb: number } {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
    const rss = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { cpuSeconds, rssMb: rss ? Number(rss[1]) / 1024 : 0 };
  } catch {
    return { cpuSeconds: 0, rssMb: 0 };
  }
}

export function treeUsage(pids: number[]): { cpuSeconds: number; rssMb: number } {
  return pids.map(processUsage).reduce((a, b) => ({ cpuSeconds: a.cpuSeconds + b.cpuSeconds, rssMb: a.rssMb + b.rssMb }), { cpuSeconds: 0, rssMb: 0 });
}

export function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}
