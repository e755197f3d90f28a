import type { ProgrammeRow } from '../../../db/queries/frameworks.ts';
import type { RoundRow } from '../../../db/queries/rounds.ts';
import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { notFullyFollowed } from '../../../domain/monitoring/national-summary.ts';
import { reportStatusLabels, type ReportStatus } from '../../../domain/monitoring/report-status.ts';
import { submissionStateLabels, type SubmissionStateName } from '../../../domain/submission/submission-state.ts';
import { quarterPeriod } from '../../../services/documents/build-quarterly-report.ts';
import type { MonitoringSummary } from '../../../services/monitoring/build-monitoring-summary.ts';
import type { ProvinceReport, QuarterSummary, StatusCounts } from '../../../services/monitoring/list-quarter-reports.ts';
import { Breadcrumbs } from '../submissions/shared-view.tsx';
import { monitoringReportPath, quarterPath, quartersPath, summaryPath } from './paths.ts';

// DLA's pages: a programme's quarters (who is late in each), one quarter's provinces with their reports, and the
// national summary of problems and suggestions per standard.

const n = (v: number) => v.toLocaleString('th-TH');
const statusTag: Record<ReportStatus, string> = { on_time: 'tag tag-green', late: 'tag tag-warning', overdue: 'tag tag-red', pending: 'tag tag-grey' };
const roundStateLabels: Record<string, string> = { draft: 'ยังไม่เปิด', open: 'เปิดรับรายงาน', closed: 'ปิดรับแล้ว', published: 'เผยแพร่แล้ว' };

function Counts(props: { counts: StatusCounts; href?: (s: ReportStatus) => string }) {
  const c = props.counts;
  return (
    <ul class="progress-figures" aria-label="สรุปสถานะรายงาน">
      <li class="progress-figure"><span class="progress-figure-n">{n(c.expected)}</span><span>จังหวัดที่ต้องรายงาน</span></li>
      {(['on_time', 'late', 'overdue', 'pending'] as const).map((s) => (
        <li class={s === 'overdue' && c[s] > 0 ? 'progress-figure progress-figure-warn' : 'progress-figure'}>
          <span class="progress-figure-n">{props.href && c[s] > 0 ? <a href={props.href(s)}>{n(c[s])}</a> : n(c[s])}</span><span>{reportStatusLabels[s]}</span>
        </li>
      ))}
    </ul>
  );
}

function ProvinceNames(props: { roundId: number; label: string; rows: ProvinceReport[]; status: ReportStatus }) {
  if (!props.rows.length) return null;
  const shown = props.rows.slice(0, 12);
  return (
    <p>
      <strong>{props.label} ({n(props.rows.length)} จังหวัด):</strong>{' '}
      {shown.map((r, i) => <>{i ? ', ' : ''}<a href={monitoringReportPath(props.roundId, r.provinceCode ?? '')}>{r.provinceName}</a></>)}
      {props.rows.length > shown.length ? <> และอีก {n(props.rows.length - shown.length)} จังหวัด — <a href={`${quarterPath(props.roundId)}?status=${props.status}`}>ดูทั้งหมด</a></> : null}
    </p>
  );
}

export function QuartersView(props: { programme: ProgrammeRow; quarters: QuarterSummary[] }) {
  // The quarters under way first, newest first; those not opened yet listed after them in one short list.
  const active = props.quarters.filter((q) => q.state !== 'draft').sort((a, b) => Number(b.state === 'open') - Number(a.state === 'open'));
  const drafts = props.quarters.filter((q) => q.state === 'draft');
  return (
    <>
      <Breadcrumbs items={[{ href: '/rounds', label: 'รอบการประเมิน' }]} />
      <span class="caption">{props.programme.title}</span>
      <h1>รายงานรายไตรมาสของจังหวัด</h1>
      {props.quarters.length === 0 ? <p>ยังไม่มีรอบรายไตรมาส สร้างได้ที่หน้า<a href="/rounds">รอบการประเมิน</a></p> : null}
      {active.map((q) => (
        <section class="quarter" aria-labelledby={`quarter-${q.id}`}>
          <h2 id={`quarter-${q.id}`}>{quarterPeriod(q.fiscalYear, q.quarter)}</h2>
          <p>{q.title} · {roundStateLabels[q.state] ?? q.state} · กำหนดส่ง <span class="date">{formatThaiDate(q.dueAt)}</span></p>
          <Counts counts={q.counts} href={(s) => `${quarterPath(q.id)}?status=${s}`} />
          <ProvinceNames roundId={q.id} label={reportStatusLabels.late} rows={q.late.filter((r) => r.status === 'late')} status="late" />
          <ProvinceNames roundId={q.id} label={reportStatusLabels.overdue} rows={q.late.filter((r) => r.status === 'overdue')} status="overdue" />
          <div class="button-group">
            <a class="button" href={quarterPath(q.id)}>รายงานรายจังหวัด</a>
            <a class="button button-secondary" href={summaryPath(q.id)}>สรุปภาพรวมปัญหาและข้อเสนอแนะ</a>
            {q.counts.overdue > 0 && q.state === 'open' ? <a class="button button-warning" href={`/rounds/${q.id}/chase?state=late`}>ติดตามจังหวัดที่เลยกำหนด</a> : null}
          </div>
        </section>
      ))}
      {drafts.length ? (
        <section class="quarter" aria-labelledby="quarters-draft">
          <h2 id="quarters-draft">รอบที่ยังไม่เปิด</h2>
          <ul>{drafts.map((q) => <li>{quarterPeriod(q.fiscalYear, q.quarter)} · กำหนดส่ง <span class="date">{formatThaiDate(q.dueAt)}</span> · <a href={`/rounds/${q.id}`}>หน้ารอบ</a></li>)}</ul>
          <p class="muted">รายชื่อจังหวัดที่ต้องรายงานกำหนดเมื่อเปิดรอบ</p>
        </section>
      ) : null}
    </>
  );
}

export function QuarterView(props: { round: RoundRow; programme: ProgrammeRow; reports: ProvinceReport[]; counts: StatusCounts; status: ReportStatus | undefined }) {
  const { round } = props;
  const shown = props.status ? props.reports.filter((r) => r.status === props.status) : props.reports;
  return (
    <>
      <Breadcrumbs items={[{ href: quartersPath(props.programme.code), label: 'รายงานรายไตรมาสของจังหวัด' }]} />
      <span class="caption">{round.title}</span>
      <h1>รายงานของจังหวัด {quarterPeriod(round.fiscalYear, round.quarter)}</h1>
      <p class="muted">กำหนดส่ง <span class="date">{formatThaiDate(round.dueAt, { withTime: true })}</span> — จังหวัดที่ได้รับการขยายเวลานับตามกำหนดใหม่ของจังหวัดนั้น</p>
      <Counts counts={props.counts} href={(s) => `${quarterPath(round.id)}?status=${s}`} />
      <div class="button-group">
        <a class="button" href={summaryPath(round.id)}>สรุปภาพรวมปัญหาและข้อเสนอแนะ</a>
        {round.state === 'open' ? <a class="button button-secondary" href={`/rounds/${round.id}/chase?state=late`}>ติดตาม/ส่งการแจ้งเตือน</a> : null}
        {props.status ? <a href={quarterPath(round.id)}>แสดงทุกจังหวัด</a> : null}
      </div>
      <div class="table-scroll">
        <table class="table-stack quarter-table">
          <caption>{props.status ? `${reportStatusLabels[props.status]} (${n(shown.length)} จังหวัด)` : `ทุกจังหวัด (${n(shown.length)})`}</caption>
          <thead><tr><th scope="col">จังหวัด</th><th scope="col">สถานะ</th><th scope="col">ส่งเมื่อ</th><th scope="col">กำหนดส่งของจังหวัด</th><th scope="col">เอกสาร</th></tr></thead>
          <tbody>
            {shown.map((r) => {
              const code = r.provinceCode ?? '';
              const base = monitoringReportPath(round.id, code);
              return (
                <tr>
                  <td data-label="จังหวัด"><a href={base}>{r.provinceName ?? r.officeCode}</a></td>
                  <td data-label="สถานะ"><strong class={statusTag[r.status]}>{reportStatusLabels[r.status]}</strong> <span class="muted small">{submissionStateLabels[r.state as SubmissionStateName] ?? r.state}</span></td>
                  <td data-label="ส่งเมื่อ">{r.submittedAt && (r.state === 'submitted' || r.state === 'accepted') ? <span class="date">{formatThaiDate(r.submittedAt, { short: true, withTime: true })}</span> : '-'}</td>
                  <td data-label="กำหนดส่ง"><span class="date">{formatThaiDate(r.deadline, { short: true })}</span></td>
                  <td data-label="เอกสาร">{r.state === 'not_started' ? <span class="muted">ยังไม่มีข้อมูล</span> : <><a href={`${base}/report.pdf`} download>PDF<span class="visually-hidden"> จังหวัด{r.provinceName}</span></a> · <a href={`${base}/report.docx`} download>Word<span class="visually-hidden"> จังหวัด{r.provinceName}</span></a></>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function SummaryView(props: { summary: MonitoringSummary; programme: ProgrammeRow; now: Date }) {
  const s = props.summary;
  const choices = s.fields.compliance?.choices ?? [];
  const sent = s.counts.on_time + s.counts.late;
  const base = summaryPath(s.roundId);
  return (
    <>
      <Breadcrumbs items={[{ href: quartersPath(props.programme.code), label: 'รายงานรายไตรมาสของจังหวัด' }, { href: quarterPath(s.roundId), label: s.roundTitle }]} />
      <span class="caption">{s.roundTitle}</span>
      <h1>สรุปปัญหาและข้อเสนอแนะรายมาตรฐาน ภาพรวมทั้งประเทศ</h1>
      <p>{s.period} · จากรายงานที่จังหวัดส่งแล้ว {n(sent)} จาก {n(s.counts.expected)} จังหวัด (ข้อมูล ณ <span class="date">{formatThaiDate(props.now, { withTime: true })}</span>)</p>
      <div class="button-group">
        <a class="button" href={`${base}.pdf`} download>ดาวน์โหลด PDF</a>
        <a class="button button-secondary" href={`${base}.docx`} download>ดาวน์โหลด Word</a>
        <a href={`${base}.pdf?digits=thai`} download>PDF เลขไทย</a>
        <a href={`${base}.docx?digits=thai`} download>Word เลขไทย</a>
      </div>
      <div class="table-scroll">
        <table class="table-stack summary-table">
          <caption>จำนวนจังหวัดที่รายงานการปฏิบัติตามมาตรฐานแต่ละเรื่อง</caption>
          <thead><tr><th scope="col">มาตรฐาน</th>{choices.map((c) => <th scope="col" class="num">{c.label}</th>)}<th scope="col" class="num">ไม่ได้ระบุ</th><th scope="col" class="num">จังหวัดที่รายงานปัญหา</th></tr></thead>
          <tbody>
            {s.standards.map((st) => (
              <tr class={notFullyFollowed(st) > 0 ? 'summary-attention' : undefined}>
                <td data-label="มาตรฐาน"><a href={`#summary-${st.code}`}>{st.title}</a></td>
                {st.compliance.map((c) => <td data-label={c.label} class="num">{n(c.provinces)}</td>)}
                <td data-label="ไม่ได้ระบุ" class="num">{n(st.notStated)}</td>
                <td data-label="รายงานปัญหา" class="num">{n(st.problems.length)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>ปัญหา/อุปสรรค และข้อเสนอแนะ รายมาตรฐาน</h2>
      {s.standards.map((st) => (
        <section class="summary-standard" id={`summary-${st.code}`} aria-labelledby={`summary-${st.code}-title`}>
          <h3 id={`summary-${st.code}-title`}>{st.title}</h3>
          <p class="muted small">{st.compliance.map((c) => `${c.label} ${n(c.provinces)}`).join(' · ')} · ไม่ได้ระบุ {n(st.notStated)} จังหวัด</p>
          {st.problems.length || st.suggestions.length ? (
            <div class="two-columns">
              {([['ปัญหา/อุปสรรค', st.problems], ['ข้อเสนอแนะ', st.suggestions]] as const).map(([label, items]) => (
                <div>
                  <h4>{label} ({n(items.length)} จังหวัด)</h4>
                  {items.length ? <ul class="said-list">{items.map((x) => <li><strong>จังหวัด{x.provinceName}:</strong> <span class="wrap">{x.text}</span></li>)}</ul> : <p class="muted">ไม่มี</p>}
                </div>
              ))}
            </div>
          ) : <p class="muted">ไม่มีจังหวัดรายงานปัญหาหรือข้อเสนอแนะ</p>}
        </section>
      ))}
    </>
  );
}
