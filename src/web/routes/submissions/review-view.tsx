import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { resolveText } from '../../../domain/framework/framework-view.ts';
import { answerKey, inputName, sectionItems, type IndicatorPreview } from '../../../domain/submission/check-section.ts';
import { describeOutcome } from '../../../domain/submission/indicator-display.ts';
import { displayFieldValue } from '../../../domain/submission/parse-field-value.ts';
import type { SubmissionContext } from '../../../services/submissions/load-submission.ts';
import { ErrorSummary, Notice } from '../../components/forms.tsx';
import { TargetText } from './indicator-view.tsx';
import { submissionPath, type FormEntry } from './page-model.ts';
import { Breadcrumbs, StateTag } from './shared-view.tsx';

// The office above reviews what was sent: each value beside last year's, a comment on any field (optionally
// asking for it to be corrected), then return with a reason (only the fields asked about reopen) or accept.

export type ReviewProps = {
  csrf: string;
  ctx: SubmissionContext;
  forms: FormEntry[];
  indicators: IndicatorPreview[];
  canDecide: boolean;
  errors: Record<string, string>;
  values: Record<string, string>;
  notice?: string | undefined;
};

export function ReviewView(p: ReviewProps) {
  const { ctx } = p;
  const { doc } = ctx.version;
  const base = submissionPath(ctx.round.id, ctx.unit.code);
  return (
    <>
      <Breadcrumbs items={[{ href: `/rounds/${ctx.round.id}/submissions`, label: `ผู้ตอบของ${ctx.round.title}` }, { href: base, label: ctx.unit.nameTh }]} />
      <ErrorSummary errors={p.errors} />
      <span class="caption">{ctx.round.title}</span>
      <h1 id="review">ตรวจข้อมูล: {ctx.unit.nameTh}</h1>
      <p>สถานะ: <StateTag state={ctx.state} />{ctx.submission?.submittedAt ? <> ส่งเมื่อ {formatThaiDate(ctx.submission.submittedAt, { withTime: true })}</> : null}</p>
      {p.notice ? <Notice kind="success">{p.notice}</Notice> : null}
      {!p.canDecide ? <Notice>{ctx.state === 'accepted' ? 'รับรองข้อมูลนี้แล้ว' : ctx.state === 'returned' ? 'ส่งกลับให้แก้ไขแล้ว รอหน่วยงานส่งอีกครั้ง' : 'หน่วยงานยังไม่ได้ส่งข้อมูล ให้ความเห็นได้เมื่อส่งแล้ว'}</Notice> : null}
      {ctx.lastYear ? <p class="muted small">ค่า "ปีก่อน" มาจาก {ctx.lastYear.roundTitle}</p> : null}
      {p.forms.map((f) => (
        <section aria-labelledby={`review-${f.form.code}`}>
          <h2 id={`review-${f.form.code}`}>{f.title}</h2>
          {f.sections.map((s) => (
            <div class="check-section">
              <h3>{s.title}</h3>
              <table class="table-stack review-table">
                <thead><tr><th scope="col">ช่องข้อมูล</th><th scope="col">ค่าที่ส่ง</th><th scope="col">ปีก่อน</th><th scope="col">ความเห็น</th></tr></thead>
                <tbody>
                  {sectionItems(doc, s.section).flatMap((item) => s.fields.filter((fl) => fl.type !== 'file').map((field) => {
                    const key = answerKey(field.key, item.code);
                    const name = inputName(field.key, item.code);
                    const formId = `comment-${name}`;
                    const v = ctx.answers.get(key);
                    const last = ctx.lastYear?.answers.get(key);
                    const note = ctx.rows.find((r) => r.fieldKey === field.key && r.itemCode === item.code)?.note;
                    const comments = ctx.comments.filter((c) => c.fieldKey === field.key && c.itemCode === item.code);
                    const label = resolveText(field.label, ctx.audience, doc) + (item.title ? ` (${item.title})` : '');
                    return (
                      <tr id={name}>
                        <td data-label="ช่องข้อมูล">{label}</td>
                        <td data-label="ค่าที่ส่ง" class="wrap">{v === null || v === undefined ? <span class="muted">ไม่ได้กรอก</span> : displayFieldValue(field, v)}
                          {note ? <div class="muted small">เหตุผลที่ต่างจากปีก่อน: {note}</div> : null}</td>
                        <td data-label="ปีก่อน">{last === null || last === undefined ? <span class="muted">—</span> : displayFieldValue(field, last)}</td>
                        <td data-label="ความเห็น">
                          {comments.map((c) => <p class="small">{c.returnsField ? <span class="tag tag-red">ขอให้แก้ไข</span> : null} {c.body} <span class="muted">— {c.authorName ?? 'ผู้ตรวจ'}{c.resolvedAt ? ' (ส่งแก้แล้ว)' : ''}</span></p>)}
                          {p.canDecide ? (
                            <details class="field-details" open={Boolean(p.errors[`${formId}-body`])}>
                              <summary>แสดงความเห็น<span class="visually-hidden"> {label}</span></summary>
                              <form method="post" action={`${base}/comments`}>
                                <input type="hidden" name="_csrf" value={p.csrf} />
                                <input type="hidden" name="fieldKey" value={field.key} />
                                <input type="hidden" name="itemCode" value={item.code} />
                                <input type="hidden" name="sectionCode" value={s.section.code} />
                                <div class={p.errors[`${formId}-body`] ? 'field field-error' : 'field'}>
                                  <label for={`${formId}-body`}>ความเห็น</label>
                                  {p.errors[`${formId}-body`] ? <p class="error-message" id={`${formId}-body-error`}>{p.errors[`${formId}-body`]}</p> : null}
                                  <textarea id={`${formId}-body`} name="body" rows={2}>{p.errors[`${formId}-body`] !== undefined ? p.values.body ?? '' : ''}</textarea>
                                </div>
                                <div class="checkbox">
                                  <input type="checkbox" id={`${formId}-returns`} name="returnsField" value="yes" checked={p.errors[`${formId}-body`] !== undefined && p.values.returnsField === 'yes'} />
                                  <label for={`${formId}-returns`}>ขอให้แก้ไขช่องนี้</label>
                                </div>
                                <button type="submit" class="button button-secondary">บันทึกความเห็น</button>
                              </form>
                            </details>
                          ) : null}
                        </td>
                      </tr>
                    );
                  }))}
                </tbody>
              </table>
            </div>
          ))}
        </section>
      ))}
      {p.indicators.length ? (
        <section aria-labelledby="review-indicators">
          <h2 id="review-indicators">ตัวชี้วัด</h2>
          <table class="table-stack">
            <thead><tr><th scope="col">ตัวชี้วัด</th><th scope="col">ค่าที่คำนวณได้</th><th scope="col">ค่าเป้าหมาย</th></tr></thead>
            <tbody>{p.indicators.map((i) => (
              <tr><td data-label="ตัวชี้วัด"><span class="indicator-code">{i.indicator.code}</span> {resolveText(i.indicator.title, ctx.audience, doc)}</td>
                <td data-label="ค่าที่คำนวณได้"><strong>{describeOutcome(i.outcome, i.indicator.unit)}</strong></td><td data-label="ค่าเป้าหมาย"><TargetText preview={i} audience={ctx.audience} /></td></tr>
            ))}</tbody>
          </table>
        </section>
      ) : null}
      {p.canDecide ? (
        <section aria-labelledby="decision-title" class="state-actions">
          <h2 id="decision-title" class="fact-wide">ผลการตรวจ</h2>
          <form method="post" action={`${base}/decision`} class="panel">
            <input type="hidden" name="_csrf" value={p.csrf} />
            <input type="hidden" name="decision" value="returned" />
            <h3>ส่งกลับให้แก้ไข</h3>
            <p class="hint">เฉพาะช่องที่ทำเครื่องหมาย "ขอให้แก้ไขช่องนี้" จะเปิดให้แก้ไข ({ctx.comments.filter((c) => c.returnsField && !c.resolvedAt).length} ช่อง)</p>
            <div class={p.errors['decision-reason'] ? 'field field-error' : 'field'}>
              <label for="decision-reason">เหตุผล</label>
              {p.errors['decision-reason'] ? <p class="error-message" id="decision-reason-error">{p.errors['decision-reason']}</p> : null}
              <textarea id="decision-reason" name="reason" rows={3}>{p.values.reason ?? ''}</textarea>
            </div>
            <button type="submit" class="button button-warning">ส่งกลับให้แก้ไข</button>
          </form>
          <form method="post" action={`${base}/decision`} class="panel">
            <input type="hidden" name="_csrf" value={p.csrf} />
            <input type="hidden" name="decision" value="accepted" />
            <h3>รับรองข้อมูล</h3>
            <p>ข้อมูลครบถ้วนและถูกต้องตามที่ตรวจ</p>
            <button type="submit" class="button">รับรอง</button>
          </form>
        </section>
      ) : null}
    </>
  );
}
