import type { ImprovementPlanRow } from '../../../db/queries/improvement-plans.ts';
import type { ImprovementProgress } from '../../../db/schema.ts';
import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import type { ResultRow } from '../../../services/results/load-results.ts';
import type { FieldErrors } from '../../components/forms.tsx';
import { planFieldLabels, planFormValues, type PlanField } from './plan-schema.ts';
import { StateTag } from './results-table.tsx';

// The improvement plan (แผนพัฒนา): for each indicator that needs development, what will be done, by whom, by when,
// and how far it has got. The respondent's own people edit it here, one indicator per form; everyone else reads it.

export const progressLabels: Record<ImprovementProgress, string> = { not_started: 'ยังไม่เริ่ม', in_progress: 'กำลังดำเนินการ', done: 'ดำเนินการแล้วเสร็จ' };
const progressClass: Record<ImprovementProgress, string> = { not_started: 'tag tag-grey', in_progress: 'tag', done: 'tag tag-green' };

export const fieldId = (code: string, field: PlanField) => `plan-${code}-${field}`;

export type PlanFailure = { code: string; errors: FieldErrors; values: Record<string, string>; conflict?: { current: Omit<ImprovementPlanRow, 'updatedByName'> | null } };

export function dueText(iso: string): string {
  return formatThaiDate(`${iso}T00:00:00+07:00`);
}

export function PlanSummary(p: { plan: ImprovementPlanRow | Omit<ImprovementPlanRow, 'updatedByName'> }) {
  const { plan } = p;
  return (
    <dl class="summary-list plan-summary">
      <dt>สิ่งที่จะดำเนินการ</dt><dd class="wrap">{plan.action}</dd>
      <dt>ผู้รับผิดชอบ</dt><dd>{plan.owner}</dd>
      <dt>กำหนดเสร็จ</dt><dd>{dueText(plan.dueDate)}</dd>
      <dt>ความคืบหน้า</dt><dd><strong class={progressClass[plan.progress]}>{progressLabels[plan.progress]}</strong>{plan.progressPercent !== null ? ` ${plan.progressPercent.toLocaleString('th-TH')}%` : ''}
        {plan.progressNote ? <><br /><span class="wrap">{plan.progressNote}</span></> : null}</dd>
    </dl>
  );
}

function PlanForm(p: { row: ResultRow; action: string; csrf: string; failed?: PlanFailure | undefined }) {
  const code = p.row.indicator.code;
  const failed = p.failed?.code === code ? p.failed : undefined;
  const values = failed?.values ?? planFormValues(p.row.plan);
  const errors = failed?.errors ?? {};
  const version = failed?.conflict ? String(failed.conflict.current?.version ?? 0) : values.version ?? String(p.row.plan?.version ?? 0);
  const err = (f: PlanField) => (errors[f] ? <p class="error-message" id={`${fieldId(code, f)}-error`}>{errors[f]}</p> : null);
  const described = (f: PlanField, hint?: boolean) => [hint ? `${fieldId(code, f)}-hint` : '', errors[f] ? `${fieldId(code, f)}-error` : ''].filter(Boolean).join(' ') || undefined;
  const cls = (f: PlanField) => (errors[f] ? 'field field-error' : 'field');
  return (
    <form method="post" action={p.action} class="plan-form" novalidate>
      <input type="hidden" name="_csrf" value={p.csrf} />
      <input type="hidden" name="version" value={version} />
      <div class={cls('action')}>
        <label for={fieldId(code, 'action')}>{planFieldLabels.action}</label>
        {err('action')}
        <textarea id={fieldId(code, 'action')} name="action" rows={3} aria-invalid={errors.action ? 'true' : undefined} aria-describedby={described('action')}>{values.action ?? ''}</textarea>
      </div>
      <div class={cls('owner')}>
        <label for={fieldId(code, 'owner')}>{planFieldLabels.owner}</label>
        <p class="hint" id={`${fieldId(code, 'owner')}-hint`}>ชื่อหรือตำแหน่ง หรือกอง/ฝ่ายที่รับผิดชอบ</p>
        {err('owner')}
        <input id={fieldId(code, 'owner')} name="owner" type="text" value={values.owner ?? ''} aria-invalid={errors.owner ? 'true' : undefined} aria-describedby={described('owner', true)} />
      </div>
      <div class={cls('dueDate')}>
        <label for={fieldId(code, 'dueDate')}>{planFieldLabels.dueDate}</label>
        <p class="hint" id={`${fieldId(code, 'dueDate')}-hint`}>วว/ดด/ปปปป (ปี พ.ศ.) เช่น 30/09/2569</p>
        {err('dueDate')}
        <input id={fieldId(code, 'dueDate')} name="dueDate" type="text" inputmode="numeric" class="input-short" value={values.dueDate ?? ''} aria-invalid={errors.dueDate ? 'true' : undefined} aria-describedby={described('dueDate', true)} />
      </div>
      <div class={cls('progress')}>
        <fieldset aria-describedby={described('progress')}>
          <legend>{planFieldLabels.progress}</legend>
          {err('progress')}
          <div class="radios radios-inline">
            {(Object.keys(progressLabels) as ImprovementProgress[]).map((k, i) => (
              <div class="checkbox">
                <input type="radio" id={i === 0 ? fieldId(code, 'progress') : `${fieldId(code, 'progress')}-${k}`} name="progress" value={k} checked={(values.progress || 'not_started') === k} />
                <label for={i === 0 ? fieldId(code, 'progress') : `${fieldId(code, 'progress')}-${k}`}>{progressLabels[k]}</label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <div class={cls('progressPercent')}>
        <label for={fieldId(code, 'progressPercent')}>{planFieldLabels.progressPercent} (ไม่บังคับ)</label>
        <p class="hint" id={`${fieldId(code, 'progressPercent')}-hint`}>ร้อยละ 0–100</p>
        {err('progressPercent')}
        <input id={fieldId(code, 'progressPercent')} name="progressPercent" type="text" inputmode="numeric" class="input-short" value={values.progressPercent ?? ''} aria-invalid={errors.progressPercent ? 'true' : undefined} aria-describedby={described('progressPercent', true)} />
      </div>
      <div class={cls('progressNote')}>
        <label for={fieldId(code, 'progressNote')}>{planFieldLabels.progressNote} (ไม่บังคับ)</label>
        {err('progressNote')}
        <textarea id={fieldId(code, 'progressNote')} name="progressNote" rows={2} aria-invalid={errors.progressNote ? 'true' : undefined} aria-describedby={described('progressNote')}>{values.progressNote ?? ''}</textarea>
      </div>
      <button type="submit" class="button">บันทึกแผนพัฒนา<span class="visually-hidden"> ตัวชี้วัด {code}</span></button>
    </form>
  );
}

export function PlanSection(p: { rows: ResultRow[]; canEdit: boolean; csrf: string; actionFor: (code: string) => string; failed?: PlanFailure | undefined; dataFiscalYear?: number | undefined; publicView?: boolean }) {
  const rows = p.rows.filter((r) => r.needsPlan || r.plan);
  return (
    <section aria-labelledby="plan-title" class="plan-section">
      <h2 id="plan-title">แผนพัฒนา</h2>
      {!rows.length ? <p>ไม่มีตัวชี้วัดที่ต้องพัฒนา</p> : (
        <>
          <p>ตัวชี้วัดที่ผลเป็น "การพัฒนาในอนาคต" หรือ "ไม่ได้ดำเนินการ" {rows.length.toLocaleString('th-TH')} ตัว{p.canEdit ? ' ระบุสิ่งที่จะดำเนินการ ผู้รับผิดชอบ กำหนดเสร็จ และความคืบหน้าของแต่ละตัว' : ''}</p>
          {rows.map((row) => {
            const failed = p.failed?.code === row.indicator.code ? p.failed : undefined;
            return (
              <div class="plan" id={`plan-${row.indicator.code}`}>
                <h3 class="plan-title"><span class="indicator-code">{row.indicator.code}</span> {row.title} <StateTag state={row.result.state} dataFiscalYear={p.dataFiscalYear} /></h3>
                {failed?.conflict ? (
                  <div class="panel panel-warning" role="alert">
                    <p><strong>มีผู้อื่นบันทึกแผนของตัวชี้วัดนี้ก่อนท่าน แผนของท่านยังไม่ได้บันทึก</strong> ด้านล่างคือแผนที่บันทึกไว้ล่าสุด ตรวจแล้วแก้ไขในแบบฟอร์ม (ข้อความที่ท่านพิมพ์ยังอยู่) แล้วบันทึกอีกครั้ง</p>
                    {failed.conflict.current ? <PlanSummary plan={failed.conflict.current} /> : null}
                  </div>
                ) : null}
                {p.canEdit ? <PlanForm row={row} action={p.actionFor(row.indicator.code)} csrf={p.csrf} failed={failed} />
                  : row.plan ? <PlanSummary plan={row.plan} /> : <p class="muted">ยังไม่มีแผนพัฒนา</p>}
                {p.canEdit && row.plan && !p.publicView ? <p class="muted small">บันทึกล่าสุด {formatThaiDate(row.plan.updatedAt, { short: true, withTime: true })}{row.plan.updatedByName ? ` โดย ${row.plan.updatedByName}` : ''}</p> : null}
              </div>
            );
          })}
        </>
      )}
    </section>
  );
}
