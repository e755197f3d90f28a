import type { LaoFigure } from '../../../domain/monitoring/lao-figures.ts';
import { resultStateShortLabels } from '../../../domain/results/score-indicator.ts';
import type { LaoFigures, StandardFigures } from '../../../services/monitoring/load-lao-figures.ts';

// The province's LAOs' figures beside a standard: which ODLOC round they come from and how many LAOs sent, then per
// linked indicator its title and the count of LAOs in each result. The link between the standard and the indicator
// is an example (made from words in the indicator's title), said so on the page.

const n = (v: number) => v.toLocaleString('th-TH');
const roundStates: Record<string, string> = { open: 'กำลังเปิดรับข้อมูล นับเฉพาะที่ส่งแล้ว', closed: 'ปิดรับข้อมูลแล้ว', published: 'ประกาศผลแล้ว' };

/** "ผ่านเกณฑ์ 3 จาก 5 แห่ง (ร้อยละ 60)" — short, for the report's table. */
export function figureShort(f: LaoFigure): string {
  if (f.counted === 0) return 'ยังไม่มี อปท. ที่ส่งข้อมูล';
  const judged = f.met + f.needs_development + f.not_done;
  return `ผ่านเกณฑ์ ${n(f.met)} จาก ${n(judged)} แห่ง${f.passRate === null ? '' : ` (ร้อยละ ${f.passRate.toLocaleString('th-TH', { maximumFractionDigits: 1 })})`}`;
}

export function LaoSource(props: { figures: LaoFigures }) {
  const { round } = props.figures;
  if (!round) return <p>ยังไม่มีรอบการประเมินมาตรฐานขั้นต่ำของ อปท. ที่เปิดรับข้อมูล จึงยังไม่มีข้อมูลของ อปท. ให้ประกอบ</p>;
  return (
    <p>
      จาก {round.title} ({roundStates[round.state] ?? round.state}) — อปท. ในจังหวัดส่งข้อมูลแล้ว {n(props.figures.sent)} จาก {n(props.figures.expected)} แห่ง
      {' '}<strong class="tag tag-warning">การจับคู่ตัวชี้วัดกับมาตรฐานเป็นค่าตัวอย่าง</strong>
      <span class="muted small"> จับคู่จากคำในชื่อตัวชี้วัด ใช้ประกอบการพิจารณา ไม่ใช่ผลการปฏิบัติตามมาตรฐาน</span>
    </p>
  );
}

export function StandardFiguresList(props: { figures: StandardFigures | undefined; hasRound: boolean }) {
  if (!props.hasRound) return null;
  if (!props.figures?.length) return <p class="muted">ไม่มีตัวชี้วัดของการประเมินมาตรฐานขั้นต่ำที่ตรงกับมาตรฐานนี้</p>;
  return (
    <ul class="lao-figures">
      {props.figures.map(({ indicator, figure }) => (
        <li>
          <span class="lao-figure-title">{indicator.title}</span> <span class="muted">({indicator.code})</span>
          <p class="lao-figure-main"><strong>{figureShort(figure)}</strong></p>
          {figure.counted > 0 ? (
            <p class="muted small">
              {(['needs_development', 'not_done', 'no_service', 'missing'] as const).map((s) => `${resultStateShortLabels[s]} ${n(figure[s])}`).join(' · ')} — นับจาก {n(figure.counted)} แห่งที่ส่งข้อมูล
              {figure.no_service > 0 ? ' (ไม่มีบริการสาธารณะไม่นับเป็นไม่ผ่าน)' : ''}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
