import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { resolveText } from '../../../domain/framework/framework-view.ts';
import { answerKey, inputName, sectionItems, type IndicatorPreview } from '../../../domain/submission/check-section.ts';
import { displayFieldValue } from '../../../domain/submission/parse-field-value.ts';
import type { Gap } from '../../../services/submissions/check-completeness.ts';
import type { SubmissionContext } from '../../../services/submissions/load-submission.ts';
import { Notice } from '../../components/forms.tsx';
import { describeOutcome } from '../../../domain/submission/indicator-display.ts';
import { TargetText } from './indicator-view.tsx';
import { answerEditable, sectionPath, submissionPath, type FormEntry, type Permissions } from './page-model.ts';
import { Breadcrumbs, StateTag } from './shared-view.tsx';

// Check answers before sending (GOV.UK "check answers"): every value by form and section with a change link,
// every computed indicator with its target, what still stops sending with a link to where to fix it, and the
// executive's send button. The hidden idempotency key is made when the page renders: a double click or a refresh
// of the POST sends once.

export type CheckProps = {
  csrf: string;
  ctx: SubmissionContext;
  perms: Permissions;
  forms: FormEntry[];
  gaps: (Gap & { href: string })[];
  indicators: IndicatorPreview[];
  idempotencyKey: string;
  message?: string | undefined;
};

export function CheckView(p: CheckProps) {
  const { ctx, perms } = p;
  const { doc } = ctx.version;
  const base = submissionPath(ctx.round.id, ctx.unit.code);
  const sent = ctx.state === 'submitted' || ctx.state === 'accepted';
  return (
    <>
      <Breadcrumbs items={[{ href: '/tasks', label: 'งานของฉัน' }, { href: base, label: `${ctx.unit.nameTh} — ${ctx.round.title}` }]} />
      <span class="caption">{ctx.unit.nameTh} · {ctx.round.title}</span>
      <h1>ตรวจคำตอบก่อนส่ง</h1>
      <p>สถานะ: <StateTag state={ctx.state} /></p>
      {p.message ? <Notice kind="warning">{p.message}</Notice> : null}
      {p.gaps.length ? (
        <div class="error-summary" role="alert" aria-labelledby="gaps-title" tabindex={-1} id="gaps">
          <h2 id="gaps-title">ยังส่งไม่ได้ — ยังขาด {p.gaps.length.toLocaleString('th-TH')} รายการ</h2>
          <ul>{p.gaps.map((g) => <li><a href={g.href}>{g.message}</a></li>)}</ul>
        </div>
      ) : null}
      {p.forms.map((f) => (
        <section aria-labelledby={`check-${f.form.code}`}>
          <h2 id={`check-${f.form.code}`}>{f.title}</h2>
          {f.sections.map((s) => {
            const href = sectionPath(ctx.round.id, ctx.unit.code, s.section.code);
            const items = sectionItems(doc, s.section);
            return (
              <div class="check-section">
                <h3>{s.title}</h3>
                <table class="table-stack check-table">
                  <thead><tr><th scope="col">ช่องข้อมูล</th><th scope="col">คำตอบ</th><th scope="col"><span class="visually-hidden">การทำงาน</span></th></tr></thead>
                  <tbody>
                    {items.flatMap((item) => s.fields.filter((fl) => fl.type !== 'file').map((field) => {
                      const v = ctx.answers.get(answerKey(field.key, item.code));
                      const label = resolveText(field.label, ctx.audience, doc) + (item.title ? ` (${item.title})` : '');
                      return (
                        <tr>
                          <td data-label="ช่องข้อมูล">{label}</td>
                          <td data-label="คำตอบ" class="wrap">{v === null || v === undefined ? <span class="muted">ยังไม่ได้กรอก</span> : displayFieldValue(field, v)}</td>
                          <td data-label="การทำงาน">{answerEditable(perms, field.key, item.code) ? <a href={`${href}#${inputName(field.key, item.code)}`}>เปลี่ยน<span class="visually-hidden"> {label}</span></a> : null}</td>
                        </tr>
                      );
                    }))}
                  </tbody>
                </table>
              </div>
            );
          })}
        </section>
      ))}
      {p.indicators.length ? (
        <section aria-labelledby="check-indicators">
          <h2 id="check-indicators">ตัวชี้วัดที่คำนวณได้</h2>
          <table class="table-stack">
            <thead><tr><th scope="col">ตัวชี้วัด</th><th scope="col">ค่าที่คำนวณได้</th><th scope="col">ค่าเป้าหมาย</th></tr></thead>
            <tbody>
              {p.indicators.map((i) => (
                <tr>
                  <td data-label="ตัวชี้วัด"><span class="indicator-code">{i.indicator.code}</span> {resolveText(i.indicator.title, ctx.audience, doc)}</td>
                  <td data-label="ค่าที่คำนวณได้"><strong>{describeOutcome(i.outcome, i.indicator.unit)}</strong></td>
                  <td data-label="ค่าเป้าหมาย"><TargetText preview={i} audience={ctx.audience} /></td>
                </tr>
              ))}
            </tbody>
          </table>
          <p><a href={`${base}/results`}>ดูผลการประเมินทีละตัวชี้วัด พร้อมเหตุผล ผลปีก่อน และการเทียบกับ อปท. ประเภทเดียวกัน</a></p>
        </section>
      ) : null}
      <h2>ส่งข้อมูล</h2>
      {sent ? <p>ส่งข้อมูลแล้ว{ctx.submission?.submittedAt ? `เมื่อ ${formatThaiDate(ctx.submission.submittedAt, { withTime: true })}` : ''}</p>
        : !perms.canSubmit ? <p>ผู้บริหารของหน่วยงาน (หรือผู้มีสิทธิ์ส่งของสำนักงาน) เป็นผู้ส่งข้อมูล เมื่อกรอกครบแล้วแจ้งผู้บริหารให้ตรวจและส่ง</p>
        : !ctx.entry.allowed ? <p>{ctx.entry.message}</p>
        : p.gaps.length ? <p>ส่งได้เมื่อแก้ไขรายการที่ยังขาดด้านบนครบแล้ว</p>
        : (
          <form method="post" action={`${base}/submit`}>
            <input type="hidden" name="_csrf" value={p.csrf} />
            <input type="hidden" name="idempotencyKey" value={p.idempotencyKey} />
            <p>เมื่อส่งแล้ว แก้ไขข้อมูลไม่ได้ จนกว่าผู้ตรวจจะส่งกลับให้แก้ไข การส่งถือว่าท่านรับรองว่าข้อมูลข้างต้นถูกต้องตามความเป็นจริง</p>
            <button type="submit" class="button">ยืนยันและส่งข้อมูล</button>
          </form>
        )}
    </>
  );
}

export function SubmittedView(props: { ctx: SubmissionContext }) {
  const { ctx } = props;
  return (
    <>
      <div class="confirmation-panel">
        <h1>ส่งข้อมูลแล้ว</h1>
        <p>{ctx.unit.nameTh}<br />{ctx.round.title}</p>
        {ctx.submission?.submittedAt ? <p>เมื่อ <strong>{formatThaiDate(ctx.submission.submittedAt, { withTime: true })}</strong></p> : null}
        <p>เลขอ้างอิง <strong>{`S${ctx.submission?.id ?? ''}-${ctx.submission?.version ?? ''}`}</strong></p>
      </div>
      <h2>ขั้นต่อไป</h2>
      <p>สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอหรือจังหวัดจะตรวจข้อมูล หากต้องแก้ไข ระบบจะแจ้งในหน้าหลักและหน้างานของฉัน พร้อมช่องที่ต้องแก้ไข</p>
      <p><a href={submissionPath(ctx.round.id, ctx.unit.code)}>ดูข้อมูลที่ส่ง</a> · <a href="/tasks">กลับไปงานของฉัน</a></p>
    </>
  );
}
