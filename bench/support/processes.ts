import fs from 'node:fs';

// CPU time and memory (proportional set size) of a process and everything below it (the app and its PostgreSQL,
// say), from /proc.

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

/** CPU seconds used so far (user + system) and memory MB now, of one process. Memory is the proportional set size
 * (shared pages divided among the processes sharing them), so PostgreSQL's shared buffers are not counted once per
 * backend when processes are added up; the resident set size where the kernel does not say. */
export function processUsage(pid: number): { cpuSeconds: number; memoryMb: number } {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
    let memory: RegExpExecArray | null = null;
    try {
      memory = /Pss:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    } catch {
      memory = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    }
    return { cpuSeconds, memoryMb: memory ? Number(memory[1]) / 1024 : 0 };
  } catch {
    return { cpuSeconds: 0, memoryMb: 0 };
  }
}

export function treeUsage(pids: number[]): { cpuSeconds: number; memoryMb: number } {
  return pids.map(processUsage).reduce((a, b) => ({ cpuSeconds: a.cpuSeconds + b.cpuSeconds, memoryMb: a.memoryMb + b.memoryMb }), { cpuSeconds: 0, memoryMb: 0 });
}

export function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}
