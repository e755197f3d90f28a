import type { Deps, RequestMeta } from '../../deps.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { resolveText } from '../../domain/framework/framework-view.ts';
import { displayFieldValue, type StoredValue } from '../../domain/submission/parse-field-value.ts';
import { canEditSubmission } from '../../domain/submission/submission-policy.ts';
import { listAnswerSlots } from '../submissions/answer-slots.ts';
import { loadSubmissionContext } from '../submissions/load-submission.ts';
import { saveValues } from '../submissions/save-values.ts';
import { templateLayout, templateMarker } from './form-template.ts';
import { readFormUpload, type UploadProblem } from './read-form-upload.ts';

// Use case: a filled form template uploaded — checked (dry run: nothing saved, a report of every bad cell by row
// and column and of what would change) or imported (the same checks, then all of the form's sections saved in one
// transaction through save-values.ts, against the submission's version seen at the dry run: a conflict if someone
// saved meanwhile).

export type UploadChange = { row: number | null; label: string; from: string; to: string };
export type UploadReport = {
  mode: 'dry_run' | 'import';
  outcome: 'ok' | 'problems' | 'conflict' | 'locked';
  problems: UploadProblem[];
  changes: UploadChange[];
  warnings: string[];
  /** The submission's version the report was made against (passed back for the import). */
  version: number;
  message?: string;
};

export async function uploadFormValues(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: { roundId: number; orgUnitCode: string; formCode: string; bytes: Buffer; dryRun: boolean; baseVersion: number | null },
  meta: RequestMeta,
): Promise<UploadReport> {
  const ctx = await loadSubmissionContext(deps, actor, input);
  if (!canEditSubmission(actor, ctx.unit)) throw new DomainError('forbidden', 'forbidden');
  const { doc } = ctx.version;
  const form = doc.forms.find((f) => f.code === input.formCode);
  const slots = new Map(listAnswerSlots(doc, ctx.audience, { formCode: input.formCode }).map((s) => [s.key, s]));
  if (!form || slots.size === 0) throw new DomainError('not_found', 'form_not_found');
  const currentVersion = ctx.submission?.version ?? 0;
  const mode = input.dryRun ? 'dry_run' : 'import';
  const report = (r: Partial<UploadReport> & Pick<UploadReport, 'outcome'>): UploadReport => ({ mode, problems: [], changes: [], warnings: [], version: input.baseVersion ?? currentVersion, ...r });

  const read = await readFormUpload(input.bytes, { marker: templateMarker(ctx.version.code, form.code, ctx.unit.code), formTitle: resolveText(form.title, ctx.audience, doc) });
  if (!read.ok) return report({ outcome: 'problems', problems: read.problems });

  const problems: UploadProblem[] = [];
  const rowOf = new Map<string, number>();
  for (const { row, key } of read.rows) {
    const col = templateLayout.keyColumn;
    if (!slots.has(key)) problems.push({ row, column: col, message: `แถว ${row} คอลัมน์ ${col}: รหัสช่องข้อมูล "${key.slice(0, 60)}" ไม่ใช่ของแบบนี้ อย่าแก้ไขคอลัมน์ ${col} (ซ่อนไว้)` });
    else if (rowOf.has(key)) problems.push({ row, column: col, message: `แถว ${row} คอลัมน์ ${col}: ช่องข้อมูลนี้ซ้ำกับแถว ${rowOf.get(key)} ลบแถวที่เกินออก` });
    else rowOf.set(key, row);
  }
  if (problems.length) return report({ outcome: 'problems', problems });

  const values = Object.fromEntries(read.rows.map((r) => [r.key, r.value]));
  const saved = await saveValues(deps, actor, {
    roundId: input.roundId, orgUnitCode: input.orgUnitCode, formCode: form.code, values, dryRun: input.dryRun, baseVersion: input.baseVersion ?? currentVersion, context: ctx,
  }, meta);
  if (saved.ok) {
    const show = (key: string, v: StoredValue) => (v === null ? '(ว่าง)' : displayFieldValue(slots.get(key)!.field, v));
    return report({
      outcome: 'ok',
      version: input.dryRun ? (input.baseVersion ?? saved.version) : saved.version,
      changes: saved.changes.map((ch) => ({ row: rowOf.get(ch.key) ?? null, label: ch.label, from: show(ch.key, ch.from), to: show(ch.key, ch.to) })),
      warnings: saved.warnings.map((w) => w.message),
    });
  }
  if (saved.reason === 'invalid') {
    const col = templateLayout.valueColumn;
    const cellProblems = Object.entries(saved.errors).map(([key, message]) => {
      const row = rowOf.get(key) ?? null;
      return { row, column: row ? col : null, message: row ? `แถว ${row} คอลัมน์ ${col}: ${message}` : message };
    });
    cellProblems.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity));
    return report({ outcome: 'problems', problems: cellProblems });
  }
  if (saved.reason === 'conflict') {
    return report({ outcome: 'conflict', version: saved.currentVersion, message: 'มีผู้บันทึกข้อมูลการส่งนี้หลังจากที่ท่านตรวจสอบไฟล์ ไม่มีการบันทึกค่าใด ตรวจสอบไฟล์อีกครั้งเพื่อดูผลกับข้อมูลล่าสุด แล้วจึงนำเข้า' });
  }
  return report({ outcome: 'locked', message: saved.message });
}
