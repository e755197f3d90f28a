import { isSecretariat } from '../../../domain/committees/committee-policy.ts';
import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import type { Field } from '../../../domain/framework/framework-schema.ts';
import { resolveText } from '../../../domain/framework/framework-view.ts';
import { reportStatusLabels } from '../../../domain/monitoring/report-status.ts';
import { answerKey } from '../../../domain/submission/check-section.ts';
import { displayFieldValue } from '../../../domain/submission/parse-field-value.ts';
import type { CommentRow } from '../../../db/queries/committees.ts';
import { quarterPeriod } from '../../../services/documents/build-quarterly-report.ts';
import type { LaoFigures } from '../../../services/monitoring/load-lao-figures.ts';
import { answeredCount, type MonitoringReport } from '../../../services/monitoring/load-monitoring-report.ts';
import { CsrfField, ErrorSummary, Notice } from '../../components/forms.tsx';
import { committeePath } from '../committee/view.tsx';
import { quarterlyReportPath } from '../quarterly-report/view.tsx';
import { submissionPath } from '../submissions/page-model.ts';
import { Breadcrumbs, DueText, StateTag } from '../submissions/shared-view.tsx';
import { figureShort, LaoSource } from './lao-figures-view.tsx';
import { monitoringReportPath, monitoringSectionPath, standardPath } from './paths.ts';

// A province's quarterly report as its committee sees it: where it stands, one row per standard (what was said and
// what the province's LAOs' data show), the other sections, the documents, and the committee's comments.

export function say(report: MonitoringReport, field: Field, itemCode = ''): string {
  const v = report.ctx.answers.get(answerKey(field.key, itemCode));
  if (v === null || v === undefined || v === '') return '';
  if (field.type === 'choice') return field.choices?.find((c) => c.value === v)?.label ?? String(v);
  return displayFieldValue(field, v);
}

export function Comments(props: { report: MonitoringReport; comments: CommentRow[]; itemCode: string; csrf: string; error?: string | undefined; value?: string | undefined }) {
  const { report } = props;
  const action = `${monitoringReportPath(report.ctx.round.id, report.province.code)}/comments`;
  return (
    <section aria-labelledby="comments-title" id="comments">
      <h2 id="comments-title">ความเห็นของคณะกรรมการ{props.itemCode ? 'ต่อมาตรฐานนี้' : ''}</h2>
      {props.comments.length ? (
        <ul class="comments">
          {props.comments.map((c) => (
            <li><p class="wrap">{c.body}</p><p class="muted small">{c.authorName ?? 'ผู้ใช้ที่ถูกลบ'} · <span class="date">{formatThaiDate(c.createdAt, { short: true, withTime: true })}</span></p></li>
          ))}
        </ul>
      ) : <p class="muted">ยังไม่มีความเห็น</p>}
      {report.perms.comment ? (
        <form method="post" action={action} novalidate>
          <CsrfField token={props.csrf} />
          <input type="hidden" name="itemCode" value={props.itemCode} />
          <div class={props.error ? 'field field-error' : 'field'}>
            <label for="comment-body">เพิ่มความเห็น</label>
            <p class="hint" id="comment-body-hint">ความเห็นไม่เปลี่ยนข้อมูลในรายงาน ผู้กรอกรายงานและกรรมการทุกคนเห็นความเห็นนี้</p>
            {props.error ? <p class="error-message" id="comment-body-error">{props.error}</p> : null}
            <textarea id="comment-body" name="body" rows={3} aria-describedby={props.error ? 'comment-body-hint comment-body-error' : 'comment-body-hint'} aria-invalid={props.error ? 'true' : undefined}>{props.value ?? ''}</textarea>
          </div>
          <button type="submit" class="button button-secondary">บันทึกความเห็น</button>
        </form>
      ) : null}
    </section>
  );
}

export type ReportPageProps = { report: MonitoringReport; figures: LaoFigures; csrf: string; now: Date; notice?: string | undefined; commentError?: string | undefined; commentValue?: string | undefined; seesCommittee: boolean };

export function ReportView(p: ReportPageProps) {
  const { report } = p;
  const { ctx, fields, province } = report;
  const { doc } = ctx.version;
  const roundId = ctx.round.id;
  const base = monitoringReportPath(roundId, province.code);
  const label = (f: Field) => resolveText(f.label, ctx.audience, doc);
  const general = report.comments.filter((c) => c.itemCode === '');
  const count = (code: string) => report.comments.filter((c) => c.itemCode === code).length;
  const sent = report.status.status === 'on_time' || report.status.status === 'late';
  const answered = fields.items.filter((i) => answeredCount(report, fields.section, i.code).answered > 0).length;
  return (
    <>
      <Breadcrumbs items={p.seesCommittee ? [{ href: committeePath(province.code), label: `คณะกรรมการติดตามฯ จังหวัด${province.nameTh}` }] : [{ href: '/rounds', label: 'รอบการประเมิน' }, { href: `/rounds/${roundId}`, label: ctx.round.title }]} />
      <ErrorSummary errors={p.commentError ? { 'comment-body': p.commentError } : {}} />
      <span class="caption">{ctx.round.title}</span>
      <h1>รายงานผลการติดตามรายไตรมาส จังหวัด{province.nameTh}</h1>
      {p.notice ? <Notice kind="success">{p.notice}</Notice> : null}
      <dl class="summary-list">
        <dt>ช่วงเวลา</dt><dd>{quarterPeriod(ctx.round.fiscalYear, ctx.round.quarter)}</dd>
        <dt>กำหนดส่ง</dt><dd>{sent ? <span class="date">{formatThaiDate(report.status.deadline, { withTime: true })}</span> : <DueText deadline={report.status.deadline} now={p.now} closed={!ctx.entry.allowed && ctx.round.state !== 'open'} />}</dd>
        <dt>สถานะ</dt><dd><StateTag state={ctx.state} /> {report.status.status === 'late' || report.status.status === 'overdue' ? <strong class="tag tag-red">{reportStatusLabels[report.status.status]}</strong> : null}{ctx.submission?.submittedAt ? <> ส่งเมื่อ <span class="date">{formatThaiDate(ctx.submission.submittedAt, { withTime: true })}</span></> : null}</dd>
        <dt>มาตรฐานที่บันทึกแล้ว</dt><dd>{answered.toLocaleString('th-TH')} จาก {fields.items.length.toLocaleString('th-TH')} เรื่อง</dd>
      </dl>
      {report.perms.lockedMessage ? <Notice kind="warning">{report.perms.lockedMessage}</Notice> : null}
      {report.perms.editable && isSecretariat(report.seat) && !report.perms.submit ? <p>เมื่อกรอกครบทุกเรื่อง แจ้งสำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดตรวจและส่งรายงาน</p> : null}

      <h2>ผลการดำเนินงานตามมาตรฐานแต่ละเรื่อง</h2>
      <LaoSource figures={p.figures} />
      <div class="table-scroll">
        <table class="table-stack monitoring-table">
          <thead>
            <tr>
              <th scope="col">ที่</th><th scope="col">มาตรฐาน</th>
              {fields.compliance ? <th scope="col">{label(fields.compliance)}</th> : null}
              <th scope="col">ปัญหา/อุปสรรค</th><th scope="col">ข้อเสนอแนะ</th><th scope="col">ข้อมูล อปท. ในจังหวัด</th>
              <th scope="col"><span class="visually-hidden">กรอกหรือดู</span></th>
            </tr>
          </thead>
          <tbody>
            {fields.items.map((item, i) => {
              const figs = p.figures.byStandard.get(item.code) ?? [];
              const comments = count(item.code);
              return (
                <tr id={`standard-${item.code}`}>
                  <td data-label="ที่" class="num">{(i + 1).toLocaleString('th-TH')}</td>
                  <td data-label="มาตรฐาน"><strong>{item.title}</strong></td>
                  {fields.compliance ? <td data-label={label(fields.compliance)}>{say(report, fields.compliance, item.code) || <span class="muted">ยังไม่ได้กรอก</span>}</td> : null}
                  <td data-label="ปัญหา/อุปสรรค" class="wrap">{fields.problems.map((f) => say(report, f, item.code)).filter(Boolean).join('\n') || '-'}</td>
                  <td data-label="ข้อเสนอแนะ" class="wrap">{fields.suggestions.map((f) => say(report, f, item.code)).filter(Boolean).join('\n') || '-'}</td>
                  <td data-label="ข้อมูล อปท.">{p.figures.round ? (figs.length ? figs.map((x) => <span class="lao-short">{x.indicator.code}: {figureShort(x.figure)}</span>) : <span class="muted">ไม่มีตัวชี้วัดที่ตรงกัน</span>) : '-'}</td>
                  <td data-label="" class="nowrap">
                    <a href={standardPath(roundId, province.code, item.code)}>{report.perms.editable ? 'กรอก/แก้ไข' : 'ดูรายละเอียด'}<span class="visually-hidden"> {item.title}</span></a>
                    {comments ? <span class="muted small lao-short">ความเห็น {comments.toLocaleString('th-TH')}</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <h2>ส่วนอื่นของรายงาน</h2>
      <ul class="task-sections">
        {report.otherSections.map((s) => {
          const c = answeredCount(report, s);
          return (
            <li><a href={monitoringSectionPath(roundId, province.code, s.code)}>{resolveText(s.title, ctx.audience, doc)}</a> <span class="muted">กรอกแล้ว {c.answered.toLocaleString('th-TH')} จาก {c.total.toLocaleString('th-TH')} ช่อง</span></li>
          );
        })}
      </ul>

      <h2>ส่งรายงานและเอกสาร</h2>
      <div class="button-group">
        {report.perms.submit && report.perms.editable ? <a class="button" href={`${submissionPath(roundId, ctx.unit.code)}/check`}>ตรวจและส่งรายงาน</a> : null}
        <a class="button button-secondary" href={`${base}/report.pdf`} download>แบบรายงาน (PDF)</a>
        <a class="button button-secondary" href={`${base}/report.docx`} download>แบบรายงาน (Word)</a>
        <a href={quarterlyReportPath(roundId, province.code)}>แก้ถ้อยคำ ผู้รายงาน และหนังสือนำส่งก่อนพิมพ์</a>
      </div>
      <Comments report={report} comments={general} itemCode="" csrf={p.csrf} error={p.commentError} value={p.commentValue} />
    </>
  );
}
