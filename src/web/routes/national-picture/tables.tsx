import { countText, percentText } from '../../../documents/charts/index.ts';
import type { NationalPicture, PictureRow } from '../../../services/national-picture/load-national-picture.ts';
import type { Rate } from '../../../services/national-picture/picture-rates.ts';

// The figures behind each chart, as tables a screen reader and a spreadsheet can read: folded under the chart
// ("ตัวเลขของแผนภูมินี้"), every rate with the counts it comes from and what was left out of it.

const n = countText;

function Folded(p: { children: unknown; caption: string }) {
  return (
    <details class="chart-data">
      <summary>ตัวเลขของแผนภูมินี้<span class="visually-hidden"> — {p.caption}</span></summary>
      <div class="table-scroll">{p.children}</div>
    </details>
  );
}

const RateHeads = () => (
  <>
    <th scope="col" class="num">ผ่าน</th>
    <th scope="col" class="num">การพัฒนาในอนาคต</th>
    <th scope="col" class="num">ไม่มีบริการสาธารณะ</th>
    <th scope="col" class="num">ไม่ได้ดำเนินการ</th>
    <th scope="col" class="num">อัตราผ่าน</th>
  </>
);

const RateCells = (p: { r: Rate }) => (
  <>
    <td class="num">{n(p.r.met)}</td>
    <td class="num">{n(p.r.needsDevelopment)}</td>
    <td class="num">{n(p.r.noService)}</td>
    <td class="num">{n(p.r.notDone)}</td>
    <td class="num nowrap"><strong>{percentText(p.r.rate)}</strong></td>
  </>
);

function Rates(p: { rows: PictureRow[]; first: string }) {
  return (
    <Folded caption={p.first}>
      <table class="picture-table">
        <thead><tr><th scope="col">{p.first}</th><RateHeads /></tr></thead>
        <tbody>{p.rows.map((r) => <tr><th scope="row">{r.label}</th><RateCells r={r} /></tr>)}</tbody>
      </table>
    </Folded>
  );
}

function Indicators(p: { picture: NationalPicture }) {
  return (
    <Folded caption="รายตัวชี้วัด">
      <table class="picture-table">
        <thead><tr><th scope="col">ตัวชี้วัด</th><RateHeads /></tr></thead>
        <tbody>
          {p.picture.indicators.map((r) => (
            <tr>
              <th scope="row"><span class="nowrap">{r.code}</span> {r.title}{r.exampleTarget ? <> <span class="tag tag-warning">ค่าเป้าหมายตัวอย่าง</span></> : null}</th>
              <RateCells r={r} />
            </tr>
          ))}
        </tbody>
      </table>
    </Folded>
  );
}

function Places(p: { picture: NationalPicture }) {
  const word = p.picture.placeKind === 'province' ? 'จังหวัด' : 'อำเภอ';
  return (
    <Folded caption={`ราย${word}`}>
      <table class="picture-table">
        <thead><tr><th scope="col">{word}</th><th scope="col" class="num">ส่งแล้ว</th><th scope="col" class="num">ต้องส่ง</th><th scope="col" class="num">ร้อยละที่ส่ง</th><RateHeads /></tr></thead>
        <tbody>
          {p.picture.places.map((r) => (
            <tr>
              <th scope="row">{r.label}</th>
              <td class="num">{n(r.submitted)}</td><td class="num">{n(r.expected)}</td><td class="num nowrap">{percentText(r.completion)}</td>
              <RateCells r={r} />
            </tr>
          ))}
        </tbody>
      </table>
    </Folded>
  );
}

function Distribution(p: { picture: NationalPicture }) {
  const d = p.picture.distribution;
  return (
    <Folded caption="การกระจาย">
      <table class="picture-table">
        <thead><tr><th scope="col">ร้อยละของตัวชี้วัดที่ผ่าน</th><th scope="col" class="num">จำนวนหน่วย</th></tr></thead>
        <tbody>{d.bins.map((b) => <tr><th scope="row">{b.label}</th><td class="num">{n(b.count)}</td></tr>)}</tbody>
      </table>
      {d.noneJudged ? <p class="hint">ไม่รวม {n(d.noneJudged)} แห่งที่ไม่มีตัวชี้วัดใดเทียบค่าเป้าหมายได้</p> : null}
    </Folded>
  );
}

function LastYear(p: { picture: NationalPicture }) {
  const y = p.picture.lastYear!;
  return (
    <Folded caption="เทียบกับปีก่อน">
      <table class="picture-table">
        <thead><tr><th scope="col">ตัวชี้วัด</th><th scope="col">รหัสปีก่อน</th><th scope="col" class="num">ปี {y.fiscalYear}</th><th scope="col" class="num">ปี {p.picture.round.fiscalYear}</th></tr></thead>
        <tbody>
          {y.rows.map((r) => (
            <tr>
              <th scope="row">{r.label}</th><td>{r.previousCode}</td>
              <td class="num nowrap">{percentText(r.previous.rate)} <span class="hint">({n(r.previous.met)}/{n(r.previous.judged)})</span></td>
              <td class="num nowrap">{percentText(r.current.rate)} <span class="hint">({n(r.current.met)}/{n(r.current.judged)})</span></td>
            </tr>
          ))}
        </tbody>
      </table>
    </Folded>
  );
}

export const PictureTables = { Rates, Indicators, Places, Distribution, LastYear };
