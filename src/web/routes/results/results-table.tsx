import type { Target } from '../../../domain/framework/framework-schema.ts';
import { laoTypeLabels } from '../../../domain/org/lao-type.ts';
import type { Spread } from '../../../domain/results/quantiles.ts';
import { resultStateLabels, resultStates, type IndicatorResult, type ResultState } from '../../../domain/results/score-indicator.ts';
import type { ResultRow, ResultsView } from '../../../services/results/load-results.ts';

// The results as ODLOC's public report "สรุปผลประเมินการจัดบริการสาธารณะ" lays them out: areas → missions →
// indicators, one row each: the indicator, its target, the frame (1), the service delivered (2), (2) against (1),
// and the result; here also last year's result and how similar LAOs did. Shared by the signed-in results page
// (with the inputs behind each result) and the public page (formula words and values only).

const stateClass: Record<ResultState, string> = { met: 'tag tag-green', needs_development: 'tag tag-warning', not_done: 'tag tag-red', no_service: 'tag tag-grey', missing: 'tag' };
const comparisonSymbols: Record<Target['comparison'], string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

export const num = (v: number | null | undefined, digits = 2) => (v === null || v === undefined ? '—' : v.toLocaleString('th-TH', { maximumFractionDigits: digits }));

/** The state as ODLOC words it; "not done" names the fiscal year of the data when the framework says which. */
export function stateLabel(state: ResultState, dataFiscalYear?: number): string {
  return state === 'not_done' && dataFiscalYear ? `${resultStateLabels.not_done}ในปีงบประมาณ พ.ศ. ${dataFiscalYear}` : resultStateLabels[state];
}

export const StateTag = (p: { state: ResultState; dataFiscalYear?: number | undefined }) => <strong class={stateClass[p.state]}>{stateLabel(p.state, p.dataFiscalYear)}</strong>;

export function TargetCell(p: { target: Target | null; unit: string; example: boolean }) {
  if (!p.target) return <span class="muted">ไม่มีค่าเป้าหมาย</span>;
  return (
    <>
      <span class="nowrap">{comparisonSymbols[p.target.comparison]} {num(p.target.value)}</span> {p.unit}
      {p.example ? <> <span class="tag tag-warning">ค่าตัวอย่าง</span></> : null}
    </>
  );
}

const valueText = (r: IndicatorResult, unit: string) => (r.value === null ? '—' : `${num(r.value)} ${unit}`);

function inputText(v: unknown): string {
  if (v === null || v === undefined) return 'ยังไม่ได้กรอก';
  if (typeof v === 'number') return num(v, 4);
  if (typeof v === 'boolean') return v ? 'ใช่' : 'ไม่ใช่';
  if (Array.isArray(v)) return v.map(inputText).join(', ') || 'ว่าง';
  return String(v);
}

/** One sentence saying why the result is what it is. */
export function reasonText(r: IndicatorResult, unit: string): string {
  switch (r.state) {
    case 'met': return r.why.target ? `ค่าที่ได้ ${num(r.value)} ${unit} ถึงค่าเป้าหมาย (${r.why.target})` : 'ถึงเกณฑ์ระดับสูงสุดของตัวชี้วัดนี้';
    case 'needs_development': return r.why.target ? `ค่าที่ได้ ${num(r.value)} ${unit} ยังไม่ถึงค่าเป้าหมาย (${r.why.target})` : 'ยังไม่ถึงเกณฑ์ระดับสูงสุดของตัวชี้วัดนี้';
    case 'no_service': return 'กรอบการประเมิน (1) เป็นศูนย์ คือไม่มีสิ่งที่ต้องให้บริการในพื้นที่ จึงไม่มีบริการสาธารณะ ไม่นับเป็นการไม่ผ่าน';
    case 'not_done': return 'มีสิ่งที่ต้องให้บริการ แต่ผลการจัดบริการเป็นศูนย์ จึงถือว่ายังไม่ได้ดำเนินการ';
    case 'missing': return r.why.missing.length ? `ยังขาดข้อมูล: ${r.why.missing.join(', ')}` : 'ยังไม่มีข้อมูลพอคำนวณ';
  }
}

function SpreadRow(p: { label: string; spread: Spread | null; unit: string }) {
  if (!p.spread) return <tr><th scope="row">{p.label}</th><td colspan={4} class="muted">ยังไม่มีผลของหน่วยงานอื่น</td></tr>;
  const s = p.spread;
  return (
    <tr>
      <th scope="row">{p.label}</th>
      <td class="num">{num(s.n, 0)} แห่ง</td>
      <td class="num">{num(s.q1)}</td>
      <td class="num"><strong>{num(s.median)}</strong></td>
      <td class="num">{num(s.q3)}</td>
    </tr>
  );
}

function Why(p: { row: ResultRow; view: ResultsView; publicView: boolean }) {
  const { row, view } = p;
  const r = row.result;
  const unit = row.indicator.unit;
  const typeLabel = view.ctx.audience ? laoTypeLabels[view.ctx.audience].full : 'หน่วยงานประเภทเดียวกัน';
  return (
    <details class="why" id={`why-${row.indicator.code}`}>
      <summary>ทำไมได้ผลนี้<span class="visually-hidden"> — {row.title}</span></summary>
      <div class="why-body">
        <p><strong>{reasonText(r, unit)}</strong></p>
        <dl class="summary-list why-list">
          {!p.publicView ? (
            <>
              <dt>ข้อมูลที่ใช้</dt>
              <dd>
                {r.why.inputs.length ? (
                  <ul class="why-inputs">{r.why.inputs.map((i) => <li>{i.label}: <strong>{inputText(i.value)}</strong></li>)}</ul>
                ) : <span class="muted">ไม่มี</span>}
              </dd>
            </>
          ) : null}
          <dt>วิธีคำนวณ</dt><dd class="wrap">{r.why.formula}</dd>
          {r.numerator !== null || r.denominator !== null ? (<><dt>ค่าที่คำนวณ</dt><dd>(2) {num(r.numerator)} ÷ (1) {num(r.denominator)} = {valueText(r, unit)}</dd></>) : null}
          <dt>ค่าเป้าหมาย</dt><dd>{r.why.target ?? 'ไม่มีค่าเป้าหมาย'}{row.exampleTarget ? <> <span class="tag tag-warning">ค่าตัวอย่าง</span></> : null}</dd>
          {r.level !== null ? (<><dt>ระดับ</dt><dd>{num(r.level, 0)} จาก 5{r.score !== null ? ` · คะแนน ${num(r.score)} จาก ${num(row.indicator.weight?.value ?? 0)}` : ''}</dd></>) : null}
          {row.lastYear ? (
            <><dt>ปีก่อน</dt><dd>{row.lastYear.roundTitle}: {valueText(row.lastYear.result, unit)} <StateTag state={row.lastYear.result.state} />
              {row.lastYear.code !== row.indicator.code ? <span class="muted small"> (ตัวชี้วัด {row.lastYear.code} ของรุ่นก่อน)</span> : null}</dd></>
          ) : null}
        </dl>
        {row.peers ? (
          <table class="peers">
            <caption>เทียบกับ{typeLabel}ทั้งหมดในรอบนี้ รวมหน่วยงานนี้ ({unit})</caption>
            <thead><tr><th scope="col">กลุ่ม</th><th scope="col" class="num">จำนวน</th><th scope="col" class="num">ควอร์ไทล์ 1</th><th scope="col" class="num">มัธยฐาน</th><th scope="col" class="num">ควอร์ไทล์ 3</th></tr></thead>
            <tbody>
              <SpreadRow label={`${typeLabel}ใน${view.provinceName ?? 'จังหวัดเดียวกัน'}`} spread={row.peers.province} unit={unit} />
              <SpreadRow label={`${typeLabel}ทั้งประเทศ`} spread={row.peers.nation} unit={unit} />
            </tbody>
          </table>
        ) : null}
      </div>
    </details>
  );
}

/** Area and overall counts by state, and the weighted score of a scored programme. */
export function ResultsSummaryView(p: { view: ResultsView }) {
  const { summary } = p.view;
  const fy = p.view.ctx.version.doc.version.dataFiscalYear;
  return (
    <section aria-labelledby="summary-title">
      <h2 id="summary-title">สรุปผล</h2>
      <ul class="result-counts">
        {resultStates.filter((s) => s !== 'missing' || summary.counts.missing > 0).map((s) => (
          <li class={`result-count result-${s}`}><span class="result-count-n">{num(summary.counts[s], 0)}</span> <StateTag state={s} dataFiscalYear={fy} /></li>
        ))}
      </ul>
      {summary.score ? <p class="score-total">คะแนนรวม <strong>{num(summary.score.total)}</strong> จาก {num(summary.score.max)} คะแนน</p> : null}
      <table class="table-stack area-counts">
        <caption class="visually-hidden">จำนวนตัวชี้วัดตามผลการประเมิน แยกตามด้าน</caption>
        <thead><tr><th scope="col">ด้าน</th>{resultStates.map((s) => <th scope="col" class="num">{stateLabel(s)}</th>)}</tr></thead>
        <tbody>
          {summary.byArea.map((a) => (
            <tr><td data-label="ด้าน"><a href={`#area-${a.areaCode}`}>{a.title}</a></td>{resultStates.map((s) => <td data-label={stateLabel(s)} class="num">{num(a.counts[s], 0)}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ResultsTables(p: { view: ResultsView; publicView?: boolean }) {
  const { view } = p;
  const publicView = p.publicView ?? false;
  const scored = Boolean(view.summary.score);
  const fy = view.ctx.version.doc.version.dataFiscalYear;
  const showLastYear = !publicView && view.rows.some((r) => r.lastYear);
  const showPeers = !publicView && view.rows.some((r) => r.peers);
  const columns = 6 + (scored ? 2 : 0) + (showLastYear ? 1 : 0) + (showPeers ? 1 : 0);
  return (
    <>
      {view.groups.map((g) => (
        <section aria-labelledby={`area-${g.areaCode}`} class="results-area">
          <h2 id={`area-${g.areaCode}`}>{g.title}</h2>
          <table class="table-stack results-table">
            <thead>
              <tr>
                <th scope="col">ตัวชี้วัด (เกณฑ์ชี้วัด)</th>
                <th scope="col">ค่าเป้าหมาย</th>
                <th scope="col" class="num">กรอบการประเมิน (1)</th>
                <th scope="col" class="num">การจัดบริการสาธารณะ (2)</th>
                <th scope="col" class="num">ค่าที่ได้ ((2) เทียบกับ (1))</th>
                <th scope="col">ผลการประเมิน</th>
                {scored ? <><th scope="col" class="num">ระดับ</th><th scope="col" class="num">คะแนน</th></> : null}
                {showLastYear ? <th scope="col">ปีก่อน{view.lastYearRoundTitle ? <span class="small muted"> ({view.lastYearRoundTitle})</span> : null}</th> : null}
                {showPeers ? <th scope="col">มัธยฐานของ อปท. ประเภทเดียวกัน</th> : null}
              </tr>
            </thead>
            {g.missions.map((m) => (
              <tbody>
                {m.title ? <tr class="mission-row"><th scope="rowgroup" colspan={columns}>{m.title}</th></tr> : null}
                {m.rows.map((row) => {
                  const r = row.result;
                  const unit = row.indicator.unit;
                  return (
                    <>
                      <tr class="result-row" id={`result-${row.indicator.code}`} data-state={r.state}>
                        <td data-label="ตัวชี้วัด"><span class="indicator-code">{row.indicator.code}</span> {row.title}</td>
                        <td data-label="ค่าเป้าหมาย"><TargetCell target={r.target} unit={unit} example={row.exampleTarget} /></td>
                        <td data-label="กรอบการประเมิน (1)" class="num">{num(r.denominator)}</td>
                        <td data-label="การจัดบริการสาธารณะ (2)" class="num">{num(r.numerator)}</td>
                        <td data-label="ค่าที่ได้" class="num"><strong>{valueText(r, unit)}</strong></td>
                        <td data-label="ผลการประเมิน"><StateTag state={r.state} dataFiscalYear={fy} /></td>
                        {scored ? <><td data-label="ระดับ" class="num">{num(r.level, 0)}</td><td data-label="คะแนน" class="num">{num(r.score)}</td></> : null}
                        {showLastYear ? (
                          <td data-label="ปีก่อน" class="last-year-cell">
                            {row.lastYear ? <>{valueText(row.lastYear.result, unit)}<br /><StateTag state={row.lastYear.result.state} /></> : <span class="muted">ไม่มีตัวชี้วัดที่เทียบได้</span>}
                          </td>
                        ) : null}
                        {showPeers ? (
                          <td data-label="มัธยฐานของ อปท. ประเภทเดียวกัน" class="small">
                            {row.peers?.province || row.peers?.nation ? (
                              <>
                                {row.peers.province ? <span class="nowrap">จังหวัด {num(row.peers.province.median)}</span> : null}
                                {row.peers.province && row.peers.nation ? <br /> : null}
                                {row.peers.nation ? <span class="nowrap">ประเทศ {num(row.peers.nation.median)}</span> : null}
                              </>
                            ) : <span class="muted">ยังไม่มี</span>}
                          </td>
                        ) : null}
                      </tr>
                      <tr class="why-row"><td colspan={columns} class="why-cell"><Why row={row} view={view} publicView={publicView} /></td></tr>
                    </>
                  );
                })}
              </tbody>
            ))}
          </table>
        </section>
      ))}
    </>
  );
}
