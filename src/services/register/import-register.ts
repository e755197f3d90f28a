import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/pool.ts';
import {
  closeLaos, createRegisterImport, finishRegisterImport, insertRegisterAudit, listRegisterLaos, loadRegisterReference, lockRegister,
  recordRegisterImportProgress, refreshLaoPaths, upsertLaos, type LaoWrite, type RegisterImportCounts, type RegisterImportPhase,
} from '../../db/queries/register.ts';
import { bangkokDate } from '../../domain/dates/bangkok-time.ts';
import { planRegisterImport, summarisePlan, type RegisterPlan, type TargetLao } from '../../domain/register/plan-register-import.ts';
import type { RegisterProblem } from '../../domain/register/register-problems.ts';
import { laoParent, type RegisterRow } from '../../domain/register/register-row.ts';
import { createRegisterValidator } from '../../domain/register/validate-register-rows.ts';
import { parseRegisterFile } from './parse-register-file.ts';

// Use case: import the LAO register (ทะเบียน อปท.) from a CSV or XLSX file.
// - Any problem in the file: nothing is imported; the report lists every problem, row by row, in Thai.
// - Dry run: the same checks, and the counts the import would produce; nothing is written to the org tree.
// - Real run: one transaction (plan and writes under an advisory lock); one audit event for the whole import.
// The file is the whole register on the import date: see planRegisterImport for adds, updates, closes, reopens.
// Progress goes to register_imports through the pool, outside the transaction, so a browser can follow it.

export type ImportPhase = Exclude<RegisterImportPhase, 'finished'>;

export type ImportRegisterInput = {
  fileName: string;
  bytes: Buffer;
  dryRun: boolean;
  actorUserId: string | null;
  /** Rows handled so far of the file's rows, in the given phase (checking, then writing). */
  onProgress?: (done: number, total: number, phase: ImportPhase) => void;
  /** Called once the import is recorded, with its id (the browser follows that record's progress). */
  onStarted?: (importId: number) => void;
};

export type ImportReport = RegisterImportCounts & {
  importId: number;
  status: 'done' | 'rejected';
  dryRun: boolean;
  totalRows: number;
  problems: RegisterProblem[];
};

const progressEvery = 500;
const writeChunk = 1000;
const noCounts: RegisterImportCounts = { added: 0, updated: 0, closed: 0, reopened: 0, unchanged: 0, moved: 0 };

export async function importRegister(deps: { db: Db; clock: Clock }, input: ImportRegisterInput): Promise<ImportReport> {
  const asOf = bangkokDate(deps.clock.now());
  const importId = await createRegisterImport(deps.db, { startedBy: input.actorUserId, fileName: input.fileName, dryRun: input.dryRun, asOf });
  input.onStarted?.(importId);
  let totalRows = 0;
  let processed = 0;
  const progress = async (phase: ImportPhase, done: number) => {
    processed = done;
    await recordRegisterImportProgress(deps.db, importId, { phase, processed: done, total: totalRows });
    input.onProgress?.(done, totalRows, phase);
  };
  const finish = async (status: 'done' | 'rejected', counts: RegisterImportCounts, problems: RegisterProblem[]): Promise<ImportReport> => {
    await finishRegisterImport(deps.db, importId, { status, finishedAt: deps.clock.now(), totalRows, processedRows: processed, counts, problems });
    return { importId, status, dryRun: input.dryRun, totalRows, ...counts, problems };
  };

  try {
    const parsed = await parseRegisterFile(input.fileName, input.bytes);
    if (!parsed.ok) return await finish('rejected', noCounts, parsed.problems);
    const { table } = parsed;
    totalRows = table.rows.length;
    await progress('checking', 0);

    const validator = createRegisterValidator(table.headerRow, table.headers, await loadRegisterReference(deps.db));
    for (let i = 0; i < table.rows.length; i++) {
      const r = table.rows[i]!;
      validator.validateRow(r.row, r.cells);
      if ((i + 1) % progressEvery === 0) await progress('checking', i + 1);
    }
    await progress('checking', totalRows);
    const { rows, problems } = validator.finish();
    if (problems.length > 0) return await finish('rejected', noCounts, problems);

    if (input.dryRun) {
      const plan = planRegisterImport(rows, await listRegisterLaos(deps.db), asOf);
      return await finish('done', summarisePlan(plan), []);
    }
    const plan = await writeRegister(deps.db, { rows, asOf, importId, fileName: input.fileName, actorUserId: input.actorUserId, totalRows, progress });
    return await finish('done', summarisePlan(plan), []);
  } catch (e) {
    await finishRegisterImport(deps.db, importId, { status: 'failed', finishedAt: deps.clock.now(), totalRows, processedRows: processed, counts: noCounts, problems: [] }).catch(() => {});
    throw e;
  }
}

async function writeRegister(
  db: Db,
  job: { rows: RegisterRow[]; asOf: string; importId: number; fileName: string; actorUserId: string | null; totalRows: number; progress: (phase: ImportPhase, done: number) => Promise<void> },
): Promise<RegisterPlan> {
  return db.transaction().execute(async (trx) => {
    await lockRegister(trx);
    // Planned inside the transaction, after the lock: the register may have changed since a dry run.
    const plan = planRegisterImport(job.rows, await listRegisterLaos(trx), job.asOf);
    const writes: LaoWrite[] = [...plan.add, ...plan.update.map((u) => u.target), ...plan.reopen.map((r) => r.target)].map(withParent);
    let handled = plan.unchanged.length;
    await job.progress('writing', handled);
    for (let i = 0; i < writes.length; i += writeChunk) {
      const chunk = writes.slice(i, i + writeChunk);
      const written = await upsertLaos(trx, chunk);
      // Validation checked every district against the tree; a miss here means the tree changed under us.
      if (written !== chunk.length) throw new Error(`register import ${job.importId}: ${chunk.length - written} LAOs found no parent unit`);
      handled += chunk.length;
      await job.progress('writing', handled);
    }
    await refreshLaoPaths(trx, writes.map((w) => w.code));
    await closeLaos(trx, plan.close);
    const cap = (codes: string[]) => (codes.length > 1000 ? [...codes.slice(0, 1000), `… +${codes.length - 1000}`] : codes);
    await insertRegisterAudit(trx, {
      actorUserId: job.actorUserId,
      importId: job.importId,
      summary: {
        fileName: job.fileName,
        asOf: job.asOf,
        totalRows: job.totalRows,
        ...summarisePlan(plan),
        closedCodes: cap(plan.close.map((c) => c.code)),
        reopenedCodes: cap(plan.reopen.map((r) => r.target.code)),
        movedCodes: cap([...plan.update, ...plan.reopen].filter((u) => u.moved).map((u) => u.target.code)),
      },
    });
    return plan;
  });
}

function withParent(t: TargetLao): LaoWrite {
  const parent = laoParent(t);
  return { ...t, parentKind: parent.kind, parentCode: parent.code };
}

