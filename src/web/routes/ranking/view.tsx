import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { submissionStateLabels } from '../../../domain/submission/submission-state.ts';
import { rankingStatus, rankingTitle } from '../../../services/outstanding/build-ranking-report.ts';
import type { OfficeRanking, RankedOffice } from '../../../services/outstanding/rank-offices.ts';
import { Notice } from '../../components/forms.tsx';
import { submissionPath } from '../submissions/page-model.ts';

// The ranking page: the offices that sent their data by weighted score, then every score's reasons (value → level
// band → level ÷ 5 × weight, and the evidence behind it), the indicators with their weights and bands (examples
// marked), how ties are ranked, who has not sent yet, and the report as PDF or Word.

const figures = new Intl.NumberFormat('th-TH', { maximumFractionDigits: 2 });
const th = (n: number) => figures.format(n);
const exampleMark = '*';

function Reasons(props: { r: OfficeRanking; office: RankedOffice }) {
  const { office, r } = props;
  return (
    <details class="ranking-reasons" id={`office-${office.code}`}>
      <summary>ลำดับที่ {th(office.rank)}{office.tied ? ' (เท่ากัน)' : ''} {office.name} — {th(office.total)} คะแนน</summary>
      <table class="table-stack">
        <caption class="visually-hidden">เหตุผลของคะแนน {office.name}</caption>
        <thead><tr><th scope="col">ตัวชี้วัด</th><th scope="col">ผลการดำเนินงาน</th><th scope="col">ระดับ (เกณฑ์)</th><th scope="col">คะแนน = ระดับ ÷ 5 × น้ำหนัก</th><th scope="col" class="num">หลักฐาน</th></tr></thead>
        <tbody>
          {office.indicators.map((i) => (
            <tr>
              <td data-label="ตัวชี้วัด">ที่ {th(i.no)}</td>
              <td data-label="ผลงาน">{i.result}</td>
              <td data-label="ระดับ">{i.band}{r.indicators[i.no - 1]?.example ? exampleMark : ''}</td>
              <td data-label="คะแนน">{i.points}</td>
              <td data-label="หลักฐาน" class="num">{i.evidence ? `${th(i.evidence)} ไฟล์` : <span class="muted">ไม่มี</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="small"><a href={submissionPath(r.round.id, office.code)}>ดูข้อมูลที่ส่งและหลักฐาน</a>{office.submittedAt ? ` · ส่งเมื่อ ${formatThaiDate(office.submittedAt, { short: true, withTime: true })}` : ''}</p>
    </details>
  );
}

export function RankingView(props: { r: OfficeRanking; path: string; now: Date }) {
  const { r } = props;
  const unit = r.kind === 'provinces' ? 'จังหวัด' : 'ท้องถิ่นอำเภอ';
  return (
    <>
      <nav class="breadcrumbs" aria-label="ตำแหน่งของหน้านี้"><ol>
        <li><a href="/rounds">รอบการประเมิน</a></li><li><a href={`/rounds/${r.round.id}`}>{r.round.title}</a></li>
      </ol></nav>
      <span class="caption">{r.round.title}</span>
      <h1>{rankingTitle(r)}</h1>
      {r.provisional ? <Notice kind="warning">รอบการประเมินยังเปิดรับข้อมูล ลำดับนี้ยังเปลี่ยนได้จนกว่าจะปิดรับข้อมูล</Notice> : null}
      {rankingStatus(r).slice(0, 1).map((s) => <p>{s} (ข้อมูล ณ {formatThaiDate(props.now, { withTime: true })})</p>)}
      {r.examples ? <p class="hint">{exampleMark} {r.exampleNote}</p> : null}
      <p class="ranking-download"><strong>รายงานผลการจัดลำดับพร้อมเหตุผลของคะแนน:</strong></p>
      <ul class="inline-list">
        <li><a href={`${props.path}?format=pdf`} download>PDF</a></li>
        <li><a href={`${props.path}?format=docx`} download>Word (DOCX)</a></li>
        <li><a href={`${props.path}?format=pdf&digits=thai`} download>PDF เลขไทย</a></li>
        <li><a href={`${props.path}?format=docx&digits=thai`} download>Word เลขไทย</a></li>
      </ul>

      <h2 id="ranking-title">ผลการจัดลำดับ</h2>
      {r.ranked.length === 0 ? <p>ยังไม่มี{unit}ที่ส่งข้อมูล</p> : (
        <table class="ranking-table">
          <caption class="visually-hidden">ผลการจัดลำดับ เรียงตามคะแนนรวม ชื่อแต่ละหน่วยเชื่อมไปยังเหตุผลของคะแนน</caption>
          <thead><tr><th scope="col" class="num">ลำดับที่</th><th scope="col">{unit}</th><th scope="col" class="num">คะแนนรวม (เต็ม {th(r.maxTotal)})</th></tr></thead>
          <tbody>
            {r.ranked.map((o) => (
              <tr>
                <td class="num">{th(o.rank)}</td>
                <td><a href={`#office-${o.code}`}>{o.name}</a>{o.tied ? <> <span class="tag tag-grey">คะแนนเท่ากัน</span></> : null}{o.state === 'accepted' ? <span class="muted small"> (รับรองแล้ว)</span> : null}</td>
                <td class="num"><strong>{th(o.total)}</strong></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p class="hint">เมื่อคะแนนเท่ากัน: {r.tieRule}</p>

      {r.ranked.length ? (
        <section aria-labelledby="reasons-title">
          <h2 id="reasons-title">เหตุผลของคะแนนราย{unit}</h2>
          <p class="hint">ค่าของแต่ละตัวชี้วัดได้ระดับตามเกณฑ์ คะแนน = ระดับ ÷ 5 × น้ำหนัก และคะแนนรวมคือผลรวมของทุกตัวชี้วัด</p>
          {r.ranked.map((o) => <Reasons r={r} office={o} />)}
        </section>
      ) : null}

      <section aria-labelledby="indicators-title">
        <h2 id="indicators-title">ตัวชี้วัด น้ำหนัก และเกณฑ์ระดับ</h2>
        <table class="table-stack">
          <caption class="visually-hidden">ตัวชี้วัด น้ำหนัก และเกณฑ์ระดับ ๑–๕</caption>
          <thead><tr><th scope="col">ที่</th><th scope="col">ตัวชี้วัด</th><th scope="col">เจ้าภาพ</th><th scope="col" class="num">น้ำหนัก</th><th scope="col">เกณฑ์ระดับ 1–5</th></tr></thead>
          <tbody>
            {r.indicators.map((i) => (
              <tr>
                <td data-label="ที่">{th(i.no)}</td>
                <td data-label="ตัวชี้วัด" class="cell-long">{i.title}</td>
                <td data-label="เจ้าภาพ" class="cell-long">{i.owner}</td>
                <td data-label="น้ำหนัก" class="num">{th(i.weight)}{i.example ? exampleMark : ''}</td>
                <td data-label="เกณฑ์ระดับ">{i.thresholds} {i.unit}{i.example ? exampleMark : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {r.notSent.length ? (
        <section aria-labelledby="not-sent-title">
          <h2 id="not-sent-title">ยังไม่ได้ส่งข้อมูล ({th(r.notSent.length)})</h2>
          <ul class="inline-list">{r.notSent.map((o) => <li>{o.name} <span class="muted small">({submissionStateLabels[o.state]})</span></li>)}</ul>
        </section>
      ) : null}
    </>
  );
}
