// What a drill prints: the steps it takes and each check with its evidence, then PASS or FAIL (drills/run.ts).

export type Check = { name: string; ok: boolean; detail: string };

export class Report {
  readonly checks: Check[] = [];
  private readonly started = Date.now();
  /** @param print false: only collect (a test asserts on the checks instead) */
  constructor(private readonly print = true) {}

  step(message: string): void {
    if (this.print) process.stdout.write(`[${((Date.now() - this.started) / 1000).toFixed(1).padStart(5)} s] ${message}\n`);
  }

  check(name: string, ok: boolean, detail = ''): boolean {
    this.checks.push({ name, ok, detail });
    if (this.print) process.stdout.write(`        ${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}\n`);
    return ok;
  }

  get ok(): boolean {
    return this.checks.length > 0 && this.checks.every((c) => c.ok);
  }
}

/** The failed checks, one per line (for an assertion message). */
export const failures = (r: Report) => r.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${c.detail}`).join('\n');
