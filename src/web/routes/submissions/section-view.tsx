import { resolveText } from '../../../domain/framework/framework-view.ts';
import type { IndicatorPreview } from '../../../domain/submission/check-section.ts';
import { displayFieldValue } from '../../../domain/submission/parse-field-value.ts';
import type { EvidenceItem } from '../../../services/evidence/list-evidence.ts';
import { evidenceFor } from '../../../services/evidence/list-evidence.ts';
import type { SubmissionContext } from '../../../services/submissions/load-submission.ts';
import type { Conflict } from '../../../services/submissions/save-section.ts';
import { ErrorSummary, Notice } from '../../components/forms.tsx';
import { EvidenceBlock, evidenceFeedback } from '../evidence/component.tsx';
import { IndicatorCard } from './indicator-view.tsx';
import { sectionPath, submissionPath, type PreviewModel, type SectionEntry } from './page-model.ts';
import { AnswerField } from './section-fields.tsx';
import { chooseName, type ItemAnswers } from './section-model.ts';
import { Breadcrumbs } from './shared-view.tsx';
import { SectionHelp } from '../workshops/section-help.tsx';
import type { DivisionScope } from '../../../domain/outstanding/division-scope.ts';

// One section of a form on one page (GOV.UK "one thing per page"): its answers, the indicators they feed with
// their values, "save and continue" / "save and come back later". Works as a plain form; entry.js adds autosave,
// the copy kept in the browser and the live indicator preview.

export type SectionPageProps = {
  csrf: string;
  nonce: string | undefined;
  ctx: SubmissionContext;
  entry: SectionEntry;
  position: { index: number; count: number };
  items: ItemAnswers[];
  editable: boolean;
  errors: Record<string, string>;
  warnings: { code: string; message: string }[];
  conflicts: Conflict[];
  notice?: { kind: 'success' | 'info' | 'warning'; text: string } | undefined;
  lockedMessage?: string | undefined;
  indicators: IndicatorPreview[];
  preview: PreviewModel | null;
  evidence: { items: EvidenceItem[]; canEdit: boolean; query: Record<string, string | undefined>; scope?: DivisionScope | null } | null;
  scripts: { entry: string; preview: string };
};

export function SectionView(p: SectionPageProps) {
  const { ctx, entry } = p;
  const base = submissionPath(ctx.round.id, ctx.unit.code);
  const action = sectionPath(ctx.round.id, ctx.unit.code, entry.section.code);
  const repeated = Boolean(entry.section.repeatOver);
  const show = (name: string, value: unknown) => {
    const a = p.items.flatMap((i) => i.answers).find((x) => x.name === name);
    return (a ? displayFieldValue(a.field, value) : String(value ?? '')) || 'ว่าง';
  };
  const fields = (item: ItemAnswers) => item.answers.map((a) => <AnswerField a={a} help={item.help[a.name] ?? ''} />);
  return (
    <>
      <Breadcrumbs items={[{ href: '/tasks', label: 'งานของฉัน' }, { href: base, label: `${ctx.unit.nameTh} — ${ctx.round.title}` }]} />
      <ErrorSummary errors={p.errors} />
      <span class="caption">{entry.formTitle} · ส่วนที่ {p.position.index + 1} จาก {p.position.count}</span>
      <h1>{entry.title}</h1>
      {p.notice ? <Notice kind={p.notice.kind}>{p.notice.text}</Notice> : null}
      {p.lockedMessage ? <Notice kind="warning">{p.lockedMessage}</Notice> : null}
      {ctx.lastYear ? <p class="muted small">ค่า "ปีก่อน" มาจาก {ctx.lastYear.roundTitle}</p> : null}
      <SectionHelp ctx={ctx} entry={entry} indicators={p.indicators} editable={p.editable} />
      <form method="post" action={action} novalidate class="section-form" data-autosave={p.editable ? `${action}/autosave` : undefined}
        data-draft-key={action} data-preview={p.preview ? JSON.stringify(p.preview) : undefined}>
        <input type="hidden" name="_csrf" value={p.csrf} />
        {p.conflicts.length ? <ConflictPanel conflicts={p.conflicts} show={show} /> : null}
        {p.warnings.length ? (
          <div class="panel panel-warning" id="warnings">
            <h2>ตรวจข้อมูลอีกครั้ง</h2>
            <ul>{p.warnings.map((w) => <li>{w.message}</li>)}</ul>
            <div class="checkbox">
              <input type="checkbox" id="confirmWarnings" name="confirmWarnings" value="yes" />
              <label for="confirmWarnings">ยืนยันว่าข้อมูลถูกต้อง</label>
            </div>
          </div>
        ) : null}
        {repeated ? p.items.map((item) => (
          <fieldset class="repeat-item" id={`item-${item.code}`}>
            <legend>{item.title}</legend>
            {fields(item)}
          </fieldset>
        )) : p.items.map(fields)}
        {p.indicators.length ? (
          <section class="indicator-preview" aria-labelledby="indicators-title">
            <h2 id="indicators-title">ตัวชี้วัดที่คำนวณจากข้อมูลส่วนนี้</h2>
            <p class="hint">คำนวณจากค่าในหน้านี้และค่าที่บันทึกไว้ในส่วนอื่น{p.editable ? ' ค่าจะเปลี่ยนตามที่พิมพ์' : ''} ยังไม่ใช่ผลการประเมิน</p>
            {p.indicators.map((i) => <IndicatorCard preview={i} doc={ctx.version.doc} audience={ctx.audience} />)}
          </section>
        ) : null}
        {p.editable ? (
          <>
            <p id="save-status" class="save-status" role="status" aria-live="polite"></p>
            <div class="button-group">
              <button type="submit" name="action" value="continue" class="button">บันทึกและทำต่อ</button>
              <button type="submit" name="action" value="later" class="button button-secondary">บันทึกไว้ก่อน กลับมาทำภายหลัง</button>
            </div>
          </>
        ) : (
          <p><a href={base}>กลับไปหน้ารายการแบบ</a></p>
        )}
      </form>
      {p.evidence && entry.fields.some((f) => f.type === 'file') ? (
        <section aria-labelledby="files-title" class="section-evidence">
          <h2 id="files-title">ไฟล์ที่แบบขอให้แนบ</h2>
          {entry.fields.filter((f) => f.type === 'file').map((f) => {
            const target = { fieldKey: f.key };
            const feedback = evidenceFeedback(p.evidence!.query, target);
            return <EvidenceBlock csrf={p.csrf} roundId={ctx.round.id} orgUnitCode={ctx.unit.code} fieldKey={f.key} items={evidenceFor(p.evidence!.items, target)} canEdit={p.evidence!.canEdit && (!p.evidence!.scope || p.evidence!.scope.fields.has(f.key))} error={feedback.error} notice={feedback.notice} back={action} title={resolveText(f.label, ctx.audience, ctx.version.doc)} />;
          })}
        </section>
      ) : null}
      {p.evidence && p.indicators.some((i) => i.indicator.evidence && i.indicator.evidence.required !== 'never') ? (
        <section aria-labelledby="evidence-title" class="section-evidence">
          <h2 id="evidence-title">หลักฐานของตัวชี้วัด</h2>
          {p.evidence.canEdit ? <p class="hint">บันทึกข้อมูลในแบบก่อนแนบไฟล์ (เมื่อเปิด JavaScript ระบบบันทึกให้อัตโนมัติ)</p> : null}
          {p.indicators.filter((i) => i.indicator.evidence && i.indicator.evidence.required !== 'never').map((i) => {
            const target = { indicatorCode: i.indicator.code };
            const feedback = evidenceFeedback(p.evidence!.query, target);
            return (
              <EvidenceBlock csrf={p.csrf} roundId={ctx.round.id} orgUnitCode={ctx.unit.code} indicatorCode={i.indicator.code} items={evidenceFor(p.evidence!.items, target)}
                canEdit={p.evidence!.canEdit && (!p.evidence!.scope || p.evidence!.scope.indicators.has(i.indicator.code))} error={feedback.error} notice={feedback.notice} back={action} title={`หลักฐาน ${i.indicator.code}${i.indicator.evidence?.note ? ` — ${resolveText(i.indicator.evidence.note, ctx.audience, ctx.version.doc)}` : ''}`} />
            );
          })}
        </section>
      ) : null}
      {p.editable ? <script nonce={p.nonce} src={p.scripts.entry} data-preview-src={p.preview ? p.scripts.preview : undefined} defer></script> : null}
    </>
  );
}

function ConflictPanel(props: { conflicts: Conflict[]; show: (name: string, value: unknown) => string }) {
  return (
    <div class="panel panel-warning" id="conflicts">
      <h2>มีผู้อื่นบันทึกข้อมูลส่วนนี้ระหว่างที่ท่านกรอก</h2>
      <p>ยังไม่ได้บันทึกค่าใด ๆ ของท่าน เลือกค่าที่จะใช้ในแต่ละช่อง แล้วกดบันทึกอีกครั้ง</p>
      <table class="table-stack">
        <thead><tr><th scope="col">ช่องข้อมูล</th><th scope="col">ค่าที่ท่านกรอก</th><th scope="col">ค่าที่บันทึกล่าสุดโดยผู้อื่น</th><th scope="col">ใช้ค่าใด</th></tr></thead>
        <tbody>
          {props.conflicts.map((c) => (
            <tr>
              <td data-label="ช่องข้อมูล"><a href={`#${c.name}`}>{c.label}</a></td>
              <td data-label="ค่าที่ท่านกรอก">{props.show(c.name, c.mine)}</td>
              <td data-label="ค่าที่บันทึกล่าสุดโดยผู้อื่น">{props.show(c.name, c.theirs)}</td>
              <td data-label="ใช้ค่าใด">
                <fieldset class="radios">
                  <legend class="visually-hidden">ค่าที่จะใช้สำหรับ {c.label}</legend>
                  <div class="checkbox"><input type="radio" id={`${chooseName(c.name)}-mine`} name={chooseName(c.name)} value="mine" checked /><label for={`${chooseName(c.name)}-mine`}>ค่าของท่าน</label></div>
                  <div class="checkbox"><input type="radio" id={`${chooseName(c.name)}-theirs`} name={chooseName(c.name)} value="theirs" /><label for={`${chooseName(c.name)}-theirs`}>ค่าที่บันทึกล่าสุด</label></div>
                </fieldset>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
