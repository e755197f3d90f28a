import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { laoTypeLabels } from '../../../domain/org/lao-type.ts';
import { countOfFilter, percentOf, progressFilterLabels, type ProgressCounts, type ProgressFilter } from '../../../domain/progress/progress-figures.ts';
import type { ProgressContext } from '../../../services/progress/progress-context.ts';
import type { ProgressSummary } from '../../../services/progress/load-progress.ts';
import { Breadcrumbs } from '../submissions/shared-view.tsx';
import { areaWords, Bar, chaseHref, FilterForm, n, pct } from './parts.tsx';
import { progressQuery } from './schema.ts';

// The progress page of a round: the figures for the area, then by province or district, by LAO type and by
// framework area. Every figure opens the list of the respondents it counts (for those who may see it).

const respondentWords = { lao: 'อปท. ', province_office: 'สำนักงานจังหวัด', district_office: 'สำนักงานอำเภอ' } as const;

export const progressBase = (roundId: number) => `/rounds/${roundId}/progress`;
/** The same area (and type) as a query string, with extra keys. */
export const areaQuery = (ctx: ProgressContext, extra: { state?: string | null; sort?: string | null } = {}) =>
  progressQuery({ province: ctx.area.provinceCode, district: ctx.area.districtCode, type: ctx.area.laoType, ...extra });

/** The lines of the overview table, in the order people read a round's progress. */
const overviewLines: { filter: ProgressFilter; indent?: boolean }[] = [
  { filter: 'submitted' }, { filter: 'on_time', indent: true }, { filter: 'late', indent: true }, { filter: 'accepted', indent: true },
  { filter: 'started' }, { filter: 'in_progress', indent: true }, { filter: 'awaiting_approval', indent: true }, { filter: 'returned', indent: true },
  { filter: 'not_started' }, { filter: 'overdue' },
];

function Figure(p: { label: string; value: number; of: number; href: string | null; warn?: boolean }) {
  return (
    <li class={p.warn && p.value > 0 ? 'progress-figure progress-figure-warn' : 'progress-figure'}>
      <span class="progress-figure-n">{p.href ? <a href={p.href}>{n(p.value)}</a> : n(p.value)}</span>
      <span>{p.label}{p.of > 0 ? <span class="muted"> ({pct(percentOf(p.value, p.of))})</span> : null}</span>
    </li>
  );
}

function CountsTable(p: { caption: string; head: string; rows: { key: string; label: string; href: string | null; counts: ProgressCounts }[]; listHref: ((filter: ProgressFilter, key: string) => string | null) | null }) {
  const cell = (row: (typeof p.rows)[number], filter: ProgressFilter, label: string) => {
    const v = row.counts[countOfFilter[filter]];
    const href = p.listHref && v > 0 ? p.listHref(filter, row.key) : null;
    return <td data-label={label} class="num">{href ? <a href={href}>{n(v)}</a> : n(v)}</td>;
  };
  return (
    <div class="table-scroll">
      <table class="table-stack progress-table">
        <caption>{p.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{p.head}</th><th scope="col" class="num">ต้องส่ง</th><th scope="col" class="num">เริ่มแล้ว</th><th scope="col" class="num">ส่งแล้ว</th>
            <th scope="col">ร้อยละที่ส่ง</th><th scope="col" class="num">รับรองแล้ว</th><th scope="col" class="num">ส่งล่าช้า</th><th scope="col" class="num">เลยกำหนด ยังไม่ส่ง</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((row) => {
            const share = percentOf(row.counts.submitted, row.counts.expected);
            return (
              <tr>
                <th scope="row" data-label={p.head}>{row.href ? <a href={row.href}>{row.label}</a> : row.label}</th>
                <td data-label="ต้องส่ง" class="num">{n(row.counts.expected)}</td>
                {cell(row, 'started', 'เริ่มแล้ว')}
                {cell(row, 'submitted', 'ส่งแล้ว')}
                <td data-label="ร้อยละที่ส่ง" class="bar-cell"><span class="bar-value">{pct(share)}</span> <Bar value={share} /></td>
                {cell(row, 'accepted', 'รับรองแล้ว')}
                {cell(row, 'late', 'ส่งล่าช้า')}
                {cell(row, 'overdue', 'เลยกำหนด ยังไม่ส่ง')}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function ProgressView(props: { summary: ProgressSummary; values: Record<string, string> }) {
  const { summary } = props;
  const { ctx, total } = summary;
  const base = progressBase(ctx.round.id);
  const list = (extra: { state?: string | null; province?: string | null; district?: string | null; type?: string | null }) =>
    `${base}/respondents${progressQuery({ province: ctx.area.provinceCode, district: ctx.area.districtCode, type: ctx.area.laoType, ...extra })}`;
  const listHref = ctx.seesRespondents ? (filter: ProgressFilter) => list({ state: filter }) : null;
  const words = respondentWords[ctx.programme.respondents];
  const place = areaWords({ province: ctx.province, district: ctx.district, laoType: ctx.area.laoType });
  const nation = ctx.reaches.some((r) => r.level === 'nation');

  const placeRows = summary.byPlace.map((row) => {
    const isProvince = summary.breakdown === 'province';
    const label = row.code === null ? (isProvince ? 'ไม่ระบุจังหวัด' : 'ระดับจังหวัด (ไม่สังกัดอำเภอ)') : isProvince ? row.name : `อำเภอ${row.name}`;
    const href = row.code === null ? null : `${base}${progressQuery(isProvince ? { province: row.code, type: ctx.area.laoType } : { province: ctx.area.provinceCode, district: row.code, type: ctx.area.laoType })}`;
    return { key: row.code ?? '', label, href, counts: row };
  });
  const placeList = ctx.seesRespondents && summary.breakdown
    ? (filter: ProgressFilter, code: string) => (code ? list(summary.breakdown === 'province' ? { state: filter, province: code } : { state: filter, district: code }) : null)
    : null;
  const typeRows = summary.byType.filter((t) => t.laoType).map((t) => ({
    key: t.laoType!, label: laoTypeLabels[t.laoType!].full, href: ctx.area.laoType ? null : `${base}${areaQuery({ ...ctx, area: { ...ctx.area, laoType: t.laoType } })}`, counts: t,
  }));

  return (
    <>
      <Breadcrumbs items={[{ href: '/rounds', label: 'รอบการประเมิน' }, { href: `/rounds/${ctx.round.id}`, label: ctx.round.title }]} />
      <span class="caption">{ctx.round.title}</span>
      <h1>ความก้าวหน้าการส่งข้อมูล: {place}</h1>
      <p class="muted">ข้อมูล ณ <span class="date">{formatThaiDate(summary.now, { withTime: true })}</span> นับจากข้อมูลที่บันทึกล่าสุด · กำหนดส่งของรอบ <span class="date">{formatThaiDate(ctx.round.dueAt, { withTime: true })}</span> (หน่วยที่ได้รับการขยายเวลานับตามกำหนดใหม่ของหน่วยนั้น)</p>
      <FilterForm action={base} provinceChoices={ctx.provinceChoices} districtChoices={ctx.districtChoices} nation={nation} laoTypes={ctx.laoTypes} values={props.values} errors={{}} />
      {ctx.round.state === 'draft' ? <p>รอบนี้ยังไม่เปิดรับข้อมูล รายชื่อหน่วยที่ต้องส่งจะกำหนดจากทะเบียนเมื่อเปิดรับข้อมูล</p> : null}

      <ul class="progress-figures" aria-label="สรุป">
        <Figure label={`${words}ที่ต้องส่ง`} value={total.expected} of={0} href={listHref ? list({}) : null} />
        <Figure label="ส่งแล้ว" value={total.submitted} of={total.expected} href={listHref?.('submitted') ?? null} />
        <Figure label="รับรองแล้ว" value={total.accepted} of={total.expected} href={listHref?.('accepted') ?? null} />
        <Figure label="ยังไม่เริ่ม" value={total.notStarted} of={total.expected} href={listHref?.('not_started') ?? null} warn />
        <Figure label="เลยกำหนดแล้วยังไม่ส่ง" value={total.overdue} of={total.expected} href={listHref?.('overdue') ?? null} warn />
      </ul>

      <div class="button-group">
        {ctx.seesRespondents ? <a class="button" href={list({})}>รายชื่อหน่วยและผู้ติดต่อ</a> : null}
        {ctx.seesRespondents ? <a class="button button-secondary" href={chaseHref(ctx.round.id, { province: ctx.area.provinceCode, district: ctx.area.districtCode, type: ctx.area.laoType }, null)}>ติดตาม/ส่งการแจ้งเตือน</a> : null}
        <a class="button button-secondary" href={`${base}.xlsx${areaQuery(ctx)}`} download>ดาวน์โหลด XLSX</a>
      </div>

      <h2 id="overview">ภาพรวม</h2>
      <table class="progress-overview">
        <caption class="visually-hidden">ภาพรวมการส่งข้อมูล</caption>
        <thead><tr><th scope="col">สถานะ</th><th scope="col" class="num">จำนวน</th><th scope="col">ร้อยละของที่ต้องส่ง</th></tr></thead>
        <tbody>
          <tr><th scope="row">{words}ที่ต้องส่ง</th><td class="num">{n(total.expected)}</td><td /></tr>
          {overviewLines.map((line) => {
            const v = total[countOfFilter[line.filter]];
            const share = percentOf(v, total.expected);
            return (
              <tr class={line.indent ? 'sub-line' : undefined}>
                <th scope="row">{progressFilterLabels[line.filter]}</th>
                <td class="num">{listHref && v > 0 ? <a href={listHref(line.filter)}>{n(v)}</a> : n(v)}</td>
                <td class="bar-cell"><span class="bar-value">{pct(share)}</span> <Bar value={share} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>

      {summary.breakdown && placeRows.length ? (
        <>
          <h2 id="by-place">{summary.breakdown === 'province' ? 'รายจังหวัด' : 'รายอำเภอ'}</h2>
          <CountsTable caption={summary.breakdown === 'province' ? `${n(placeRows.length)} จังหวัด` : `${n(placeRows.length)} อำเภอ`} head={summary.breakdown === 'province' ? 'จังหวัด' : 'อำเภอ'} rows={placeRows} listHref={placeList} />
        </>
      ) : null}

      {typeRows.length ? (
        <>
          <h2 id="by-type">ตามประเภท อปท.</h2>
          <CountsTable caption={place} head="ประเภท" rows={typeRows} listHref={ctx.seesRespondents ? (filter, key) => list({ state: filter, type: key }) : null} />
        </>
      ) : null}

      {summary.byArea.length ? (
        <>
          <h2 id="by-area">ตามด้าน</h2>
          <p>นับหน่วยที่กรอกข้อมูลที่ต้องกรอกครบทุกช่องในส่วนของแบบที่ตัวชี้วัดของด้านนั้นใช้คำนวณ (หน่วยที่ส่งแล้วนับว่าครบทุกด้าน เพราะระบบไม่รับการส่งที่ยังกรอกไม่ครบ)</p>
          <div class="table-scroll">
            <table class="table-stack progress-table">
              <caption class="visually-hidden">ความครบถ้วนตามด้าน</caption>
              <thead><tr><th scope="col">ด้าน</th><th scope="col" class="num">ต้องส่ง</th><th scope="col" class="num">กรอกครบแล้ว</th><th scope="col">ร้อยละ</th><th scope="col">ส่วนของแบบที่นับ</th></tr></thead>
              <tbody>
                {summary.byArea.map((a) => {
                  const share = percentOf(a.complete, a.expected);
                  return (
                    <tr>
                      <th scope="row" data-label="ด้าน">{a.title}</th>
                      <td data-label="ต้องส่ง" class="num">{n(a.expected)}</td>
                      <td data-label="กรอกครบแล้ว" class="num">{n(a.complete)}</td>
                      <td data-label="ร้อยละ" class="bar-cell"><span class="bar-value">{pct(share)}</span> <Bar value={share} /></td>
                      <td data-label="ส่วนของแบบที่นับ" class="small">{a.sectionTitles.join(', ')}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      ) : null}

      <details class="panel-details">
        <summary>ตัวเลขแต่ละช่องนับอย่างไร</summary>
        <ul>
          <li>ต้องส่ง: หน่วยที่รอบนี้กำหนดให้ส่งข้อมูล ตามทะเบียนเมื่อเปิดรับข้อมูล</li>
          <li>เริ่มแล้ว: หน่วยที่บันทึกข้อมูลแล้วอย่างน้อยหนึ่งครั้ง ไม่ว่าสถานะใด</li>
          <li>ส่งแล้ว: หน่วยที่ส่งข้อมูลแล้วและยังไม่ถูกส่งกลับให้แก้ไข (รวมที่รับรองแล้ว)</li>
          <li>ส่งตรงเวลา/ล่าช้า: เทียบเวลาที่ส่งกับกำหนดส่งของหน่วยนั้นถึงวินาที คือกำหนดส่งของรอบ หรือวันที่ขยายให้ (ทุกหน่วย จังหวัด หรือเฉพาะหน่วย) ที่ไกลที่สุด</li>
          <li>เลยกำหนดแล้วยังไม่ส่ง: ยังไม่ส่ง (หรือถูกส่งกลับ) และพ้นกำหนดส่งของหน่วยนั้นแล้ว</li>
        </ul>
      </details>
    </>
  );
}
