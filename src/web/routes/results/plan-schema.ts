import type { ImprovementPlanRow, ImprovementPlanWrite } from '../../../db/queries/improvement-plans.ts';
import type { ImprovementProgress } from '../../../db/schema.ts';
import { toBangkok } from '../../../domain/dates/bangkok-time.ts';
import type { FieldErrors } from '../../components/forms.tsx';
import { parseDateTime } from '../rounds/schema.ts';

// The improvement-plan form at the edge: what was typed → the plan, or a Thai message per field (values kept).

export const planFields = ['action', 'owner', 'dueDate', 'progress', 'progressPercent', 'progressNote'] as const;
export type PlanField = (typeof planFields)[number];
export const planFieldLabels: Record<PlanField, string> = {
  action: 'สิ่งที่จะดำเนินการ', owner: 'ผู้รับผิดชอบ', dueDate: 'กำหนดเสร็จ', progress: 'ความคืบหน้า', progressPercent: 'ความคืบหน้าเป็นร้อยละ', progressNote: 'บันทึกความคืบหน้า',
};
const progressValues: readonly ImprovementProgress[] = ['not_started', 'in_progress', 'done'];
const limits = { action: 2000, owner: 200, progressNote: 2000 } as const;

const clean = (s: string | undefined) => (s ?? '').replace(/\r\n/g, '\n').trim();
const arabicDigits = (s: string) => s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));

function textProblem(value: string, field: 'action' | 'owner' | 'progressNote', required: boolean): string | undefined {
  if (!value) return required ? (field === 'action' ? 'ระบุสิ่งที่จะดำเนินการเพื่อพัฒนาตัวชี้วัดนี้' : 'ระบุผู้รับผิดชอบ เช่น ชื่อ ตำแหน่ง หรือกองที่รับผิดชอบ') : undefined;
  if ([...value].length > limits[field]) return `${planFieldLabels[field]}ยาวเกิน ${limits[field].toLocaleString('th-TH')} ตัวอักษร ตัดให้สั้นลง`;
  if (/<\s*[a-z!/?]/i.test(value)) return 'ใส่ได้เฉพาะข้อความธรรมดา ไม่รับแท็ก HTML (เครื่องหมาย < ตามด้วยตัวอักษร)';
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(value)) return 'มีอักขระพิเศษที่อ่านไม่ได้ ลบแล้วพิมพ์ใหม่';
  return undefined;
}

export function parsePlanForm(raw: Record<string, string>): { ok: true; version: number; plan: ImprovementPlanWrite } | { ok: false; errors: FieldErrors; values: Record<string, string> } {
  const values: Record<string, string> = {};
  for (const f of [...planFields, 'version']) values[f] = (raw[f] ?? '').slice(0, 5000);
  const errors: FieldErrors = {};
  const action = clean(values.action);
  const owner = clean(values.owner).replace(/\s*\n\s*/g, ' ');
  const note = clean(values.progressNote);
  for (const [field, value, required] of [['action', action, true], ['owner', owner, true], ['progressNote', note, false]] as const) {
    const problem = textProblem(value, field, required);
    if (problem) errors[field] = problem;
  }
  let dueDate = '';
  const due = parseDateTime(values.dueDate ?? '', '00:00', 'start', 'กำหนดเสร็จ');
  if (due.ok) dueDate = toBangkok(due.at).date;
  else errors.dueDate = due.message;
  const progress = values.progress || 'not_started';
  if (!progressValues.includes(progress as ImprovementProgress)) errors.progress = 'เลือกความคืบหน้าจากรายการ';
  let percent: number | null = null;
  const rawPercent = arabicDigits(clean(values.progressPercent)).replace(/%$/, '').trim();
  if (rawPercent) {
    if (!/^\d{1,3}$/.test(rawPercent) || Number(rawPercent) > 100) errors.progressPercent = 'กรอกความคืบหน้าเป็นจำนวนเต็ม 0 ถึง 100';
    else percent = Number(rawPercent);
  }
  if (!errors.progressPercent && !errors.progress && percent !== null) {
    if (progress === 'done' && percent !== 100) errors.progressPercent = 'ดำเนินการแล้วเสร็จคือร้อยละ 100 แก้ร้อยละ หรือเลือก "กำลังดำเนินการ"';
    if (progress === 'not_started' && percent !== 0) errors.progressPercent = 'ยังไม่เริ่มคือร้อยละ 0 แก้ร้อยละ หรือเลือก "กำลังดำเนินการ"';
  }
  const version = /^\d{1,9}$/.test(values.version ?? '') ? Number(values.version) : -1;
  if (version < 0) errors.form = 'แบบฟอร์มไม่สมบูรณ์ โหลดหน้าใหม่แล้วลองอีกครั้ง';
  if (Object.keys(errors).length) return { ok: false, errors, values };
  return { ok: true, version, plan: { action, owner, dueDate, progress: progress as ImprovementProgress, progressPercent: percent, progressNote: note || null } };
}

/** A stored plan as the form's values (the due date back in วว/ดด/ปปปป พ.ศ.). */
export function planFormValues(plan: Pick<ImprovementPlanRow, 'action' | 'owner' | 'dueDate' | 'progress' | 'progressPercent' | 'progressNote' | 'version'> | null): Record<string, string> {
  if (!plan) return { version: '0', progress: 'not_started' };
  const [y, m, d] = plan.dueDate.split('-');
  return {
    action: plan.action, owner: plan.owner, dueDate: `${d}/${m}/${Number(y) + 543}`, progress: plan.progress,
    progressPercent: plan.progressPercent === null ? '' : String(plan.progressPercent), progressNote: plan.progressNote ?? '', version: String(plan.version),
  };
}
