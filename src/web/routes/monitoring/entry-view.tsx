import type { CommentRow } from '../../../db/queries/committees.ts';
import type { MonitoringReport } from '../../../services/monitoring/load-monitoring-report.ts';
import type { StandardFigures } from '../../../services/monitoring/load-lao-figures.ts';
import type { Conflict } from '../../../services/submissions/save-section.ts';
import { ErrorSummary, Notice, CsrfField } from '../../components/forms.tsx';
import { AnswerField } from '../submissions/section-fields.tsx';
import type { ItemAnswers } from '../submissions/section-model.ts';
import { Breadcrumbs } from '../submissions/shared-view.tsx';
import { LaoSource, StandardFiguresList } from './lao-figures-view.tsx';
import { monitoringReportPath } from './paths.ts';
import { Comments } from './report-view.tsx';
import type { LaoFigures } from '../../../services/monitoring/load-lao-figures.ts';

// One standard's row of the quarterly report on its own page (or one of the report's other sections): the answers,
// with — for a standard — what the province's LAOs' data say about it beside them, and the committee's comments.
// A plain form: "save and go to the next standard" checks the row is complete; "save for now" does not.

export type EntryPageProps = {
  report: MonitoringReport;
  csrf: string;
  action: string;
  title: string;
  caption: string;
  item: ItemAnswers;
  errors: Record<string, string>;
  warnings: { code: string; message: string }[];
  conflicts: Conflict[];
  /** For a standard: its LAO figures and its comments. */
  standard: { code: string; figures: LaoFigures; own: StandardFigures | undefined; comments: CommentRow[]; commentError?: string | undefined; commentValue?: string | undefined } | null;
  isLast: boolean;
  lockedMessage?: string | undefined;
  /** Indicators of this section that ask for evidence, and where the office attaches it (null: not this reader). */
  evidence?: { lines: string[]; href: string | null } | null;
};

export function EntryView(p: EntryPageProps) {
  const { report } = p;
  const back = monitoringReportPath(report.ctx.round.id, report.province.code);
  const editable = p.item.answers.some((a) => a.editable);
  const errors = { ...p.errors, ...(p.standard?.commentError ? { 'comment-body': p.standard.commentError } : {}) };
  return (
    <>
      <Breadcrumbs items={[{ href: back, label: `รายงานผลการติดตามรายไตรมาส จังหวัด${report.province.nameTh}` }]} />
      <ErrorSummary errors={errors} />
      <span class="caption">{p.caption}</span>
      <h1>{p.title}</h1>
      {p.lockedMessage ? <Notice kind="warning">{p.lockedMessage}</Notice> : null}
      {p.conflicts.length ? <Notice kind="warning">มีผู้อื่นบันทึกช่องต่อไปนี้หลังจากท่านเปิดหน้านี้: {p.conflicts.map((c) => c.label).join(', ')} — ค่าที่บันทึกล่าสุดแสดงใต้ช่อง ตรวจแล้วบันทึกอีกครั้ง</Notice> : null}
      {p.standard ? (
        <section class="panel monitoring-panel lao-panel" aria-labelledby="lao-title">
          <h2 id="lao-title">ข้อมูลของ อปท. ในจังหวัดที่เกี่ยวกับมาตรฐานนี้</h2>
          <LaoSource figures={p.standard.figures} />
          <StandardFiguresList figures={p.standard.own} hasRound={p.standard.figures.round !== null} />
        </section>
      ) : null}
      {p.evidence ? (
        <div class="panel monitoring-panel">
          <h2>หลักฐานประกอบ</h2>
          <ul>{p.evidence.lines.map((l) => <li>{l}</li>)}</ul>
          <p>{p.evidence.href ? <>แนบหลักฐานได้ที่<a href={p.evidence.href}>หน้าบันทึกข้อมูลของสำนักงาน</a></> : 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดเป็นผู้แนบหลักฐานก่อนส่งรายงาน ส่งเอกสารให้สำนักงาน'}</p>
        </div>
      ) : null}
      {editable ? (
        <form method="post" action={p.action} novalidate class="monitoring-form">
          <CsrfField token={p.csrf} />
          {p.item.answers.map((a) => <AnswerField a={a} help={p.item.help[a.name] ?? ''} />)}
          {p.warnings.length ? (
            <div class="panel panel-warning" role="alert">
              <h2>โปรดตรวจสอบ</h2>
              <ul>{p.warnings.map((w) => <li>{w.message}</li>)}</ul>
              <div class="checkbox"><input type="checkbox" id="confirmWarnings" name="confirmWarnings" value="yes" /><label for="confirmWarnings">ตรวจแล้ว ข้อมูลถูกต้อง</label></div>
            </div>
          ) : null}
          <div class="button-group">
            <button type="submit" name="action" value="next" class="button">{p.standard ? (p.isLast ? 'บันทึกและกลับไปหน้ารายงาน' : 'บันทึกและทำเรื่องถัดไป') : 'บันทึกและกลับไปหน้ารายงาน'}</button>
            <button type="submit" name="action" value="later" class="button button-secondary">บันทึกไว้ก่อน (ยังไม่ครบ)</button>
          </div>
        </form>
      ) : (
        <dl class="summary-list">
          {p.item.answers.map((a) => <><dt>{a.label}</dt><dd class="wrap">{a.display || <span class="muted">ยังไม่ได้กรอก</span>}</dd></>)}
        </dl>
      )}
      <p><a href={back}>กลับไปหน้ารายงาน</a></p>
      {p.standard ? <Comments report={report} comments={p.standard.comments} itemCode={p.standard.code} csrf={p.csrf} error={p.standard.commentError} value={p.standard.commentValue} /> : null}
    </>
  );
}
