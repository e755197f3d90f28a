import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import type { Timeliness } from '../../../domain/outstanding/division-scope.ts';
import { divisionPartCode } from '../../../domain/outstanding/division-scope.ts';
import type { DivisionRow, DivisionStatus } from '../../../services/outstanding/division-status.ts';
import { sectionPath, submissionPath } from './page-model.ts';
import { DueText, PartTag, StateTag } from './shared-view.tsx';

// The divisions of a provincial office in its outstanding-office submission (seed 004): a division officer sees the
// indicators their division owns, the province's internal date and "done"; the office sees every division and its
// district offices against that date.

const th = (n: number) => n.toLocaleString('th-TH');

export function TimelinessTag(props: { t: Timeliness | null }) {
  const t = props.t;
  if (!t) return null;
  switch (t.kind) {
    case 'on_time': return <strong class="tag tag-green">ทันกำหนดภายใน</strong>;
    case 'late': return <strong class="tag tag-red">ช้ากว่ากำหนดภายใน {th(t.days)} วัน</strong>;
    case 'overdue': return <strong class="tag tag-red">เลยกำหนดภายใน {th(t.days)} วัน</strong>;
    case 'open': return <strong class="tag">{t.days === 0 ? 'ครบกำหนดภายในวันนี้' : `เหลืออีก ${th(t.days)} วัน`}</strong>;
  }
}

/** A division's indicators: each linked to the section where it is entered, with answers and evidence so far. */
export function DivisionIndicators(props: { row: DivisionRow; roundId: number; unitCode: string; caption: string }) {
  return (
    <table class="table-stack division-indicators">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead><tr><th scope="col">ตัวชี้วัด</th><th scope="col" class="num">กรอกแล้ว</th><th scope="col">หลักฐาน</th></tr></thead>
      <tbody>
        {props.row.indicators.map((i) => (
          <tr>
            <td data-label="ตัวชี้วัด" class="cell-long">
              {i.sectionCode ? <a href={sectionPath(props.roundId, props.unitCode, i.sectionCode)}>ตัวชี้วัดที่ {th(i.no)}</a> : <>ตัวชี้วัดที่ {th(i.no)}</>}{' '}
              <span class="small">{i.title}</span>
            </td>
            <td data-label="กรอกแล้ว" class="num">{th(i.answered)}/{th(i.total)}</td>
            <td data-label="หลักฐาน">
              {i.evidenceNote === null ? <span class="muted">ไม่ต้องแนบ</span> : <>{i.evidence ? `${th(i.evidence)} ไฟล์` : 'ยังไม่มี'}{i.evidenceMissing ? <> <strong class="tag tag-red">ต้องแนบ</strong></> : null}</>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The division officer's own work in this submission, and the one thing they send: "our division is done". */
export function MyDivisionPanel(props: { status: DivisionStatus; roundId: number; unitCode: string; csrf: string; editable: boolean; now: Date; failed?: string[] | undefined }) {
  const base = submissionPath(props.roundId, props.unitCode);
  return (
    <section aria-labelledby="my-division-title" class="panel division-panel">
      <h2 id="my-division-title">ตัวชี้วัดที่กลุ่มงานของท่านรับผิดชอบ</h2>
      {props.status.internalDue ? <p>ส่งให้สำนักงานภายใน: <DueText deadline={props.status.internalDue.dueAt} now={props.now} /></p> : null}
      {props.status.divisions.length === 0 ? <p>กรอบการประเมินนี้ไม่มีตัวชี้วัดที่กลุ่มงานของท่านเป็นเจ้าภาพ</p> : null}
      {props.status.divisions.map((d) => (
        <div class="division-block" id={`division-${d.key}`}>
          <h3>{d.name} <PartTag state={d.state} /> {d.state === 'ready' ? <TimelinessTag t={d.timeliness} /> : null}</h3>
          <DivisionIndicators row={d} roundId={props.roundId} unitCode={props.unitCode} caption={`ตัวชี้วัดของ${d.name}`} />
          {props.failed ? <div class="error-message" role="alert"><ul>{props.failed.map((m) => <li>{m}</li>)}</ul></div> : null}
          {props.editable && d.state !== 'ready' ? (
            <form method="post" action={`${base}/parts/${encodeURIComponent(divisionPartCode(d.key))}/ready`} class="inline-form">
              <input type="hidden" name="_csrf" value={props.csrf} />
              <button type="submit" class="button">แจ้งสำนักงานว่ากลุ่มงานกรอกเสร็จแล้ว</button>
            </form>
          ) : null}
          {d.readyAt ? <p class="muted small">แจ้งว่าเสร็จแล้วเมื่อ {formatThaiDate(d.readyAt, { withTime: true })}</p> : null}
        </div>
      ))}
    </section>
  );
}

/** The office's view: every division and district office, ready or not, on time or late against the internal date. */
export function DivisionStatusPanel(props: { status: DivisionStatus; now: Date }) {
  const { status } = props;
  return (
    <section aria-labelledby="divisions-title" class="division-status">
      <h2 id="divisions-title">ความพร้อมของกลุ่มงานและท้องถิ่นอำเภอ</h2>
      {status.internalDue ? <p class="hint">เทียบกับกำหนดส่งภายในของจังหวัดด้านบน</p> : <p class="muted">ยังไม่ได้กำหนดวันส่งภายในของจังหวัด (กำหนดได้ที่หน้ารอบการประเมิน)</p>}
      <table class="table-stack">
        <caption class="visually-hidden">กลุ่มงาน/ฝ่ายและตัวชี้วัดที่รับผิดชอบ</caption>
        <thead><tr><th scope="col">กลุ่มงาน/ฝ่าย</th><th scope="col">ตัวชี้วัด</th><th scope="col" class="num">กรอกแล้ว</th><th scope="col">สถานะ</th><th scope="col">เทียบกำหนดภายใน</th></tr></thead>
        <tbody>
          {status.divisions.map((d) => (
            <tr>
              <td data-label="กลุ่มงาน/ฝ่าย">{d.name}</td>
              <td data-label="ตัวชี้วัด">{d.indicators.map((i) => th(i.no)).join(', ')}</td>
              <td data-label="กรอกแล้ว" class="num">{th(d.answered)}/{th(d.total)}</td>
              <td data-label="สถานะ"><PartTag state={d.state} />{d.readyAt ? <span class="muted small"> {formatThaiDate(d.readyAt, { short: true, withTime: true })}</span> : null}</td>
              <td data-label="กำหนดภายใน"><TimelinessTag t={d.timeliness} /></td>
            </tr>
          ))}
        </tbody>
      </table>
      {status.districts ? (
        <>
          <h3>ท้องถิ่นอำเภอ ({status.districts.roundTitle})</h3>
          {status.districts.internalDue ? <p class="small">กำหนดส่งภายใน: <DueText deadline={status.districts.internalDue.dueAt} now={props.now} /></p> : null}
          <table class="table-stack">
            <caption class="visually-hidden">ท้องถิ่นอำเภอในจังหวัด</caption>
            <thead><tr><th scope="col">สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ</th><th scope="col">สถานะ</th><th scope="col">เทียบกำหนดภายใน</th></tr></thead>
            <tbody>
              {status.districts.rows.map((r) => (
                <tr>
                  <td data-label="อำเภอ"><a href={submissionPath(status.districts!.roundId, r.code)}>{r.name}</a></td>
                  <td data-label="สถานะ"><StateTag state={r.state} />{r.submittedAt ? <span class="muted small"> {formatThaiDate(r.submittedAt, { short: true, withTime: true })}</span> : null}</td>
                  <td data-label="กำหนดภายใน"><TimelinessTag t={r.timeliness} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
