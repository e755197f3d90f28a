import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { countText, mapCredit, percentText } from '../../../documents/charts/index.ts';
import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { laoTypeLabels } from '../../../domain/org/lao-type.ts';
import type { MapMeasure, PictureCharts } from '../../../services/national-picture/picture-charts.ts';
import type { NationalPicture, PictureRow } from '../../../services/national-picture/load-national-picture.ts';
import { Notice } from '../../components/forms.tsx';
import { SelectField } from '../rounds/fields.tsx';
import { PictureTables } from './tables.tsx';

// The picture of a round, as the signed-in offices and the public see it: the key figures, a filter (LAO type,
// province, what the map shows) that works without script, then each chart with its figures in a table beside it.

export type PictureQuery = { type: string | null; province: string | null; measure: MapMeasure };

export function pictureHref(base: string, q: PictureQuery): string {
  const params = new URLSearchParams();
  if (q.type) params.set('type', q.type);
  if (q.province) params.set('province', q.province);
  if (q.measure !== 'completion') params.set('measure', q.measure);
  const s = params.toString();
  return s ? `${base}?${s}` : base;
}

const n = countText;

/** An SVG drawn on the server (its own text escaped there), with its figures one click away. */
export function ChartFigure(p: { svg: string; caption: string; children?: Child; map?: boolean }) {
  return (
    <figure class={p.map ? 'chart-figure chart-figure-map' : 'chart-figure'}>
      <figcaption class="chart-title">{p.caption}</figcaption>
      <div class="chart-svg">{raw(p.svg)}</div>
      {p.children}
    </figure>
  );
}

function KeyFigures(p: { picture: NationalPicture }) {
  const { picture } = p;
  const o = picture.overall;
  return (
    <ul class="result-counts picture-figures">
      <li class="result-count"><span class="result-count-n">{percentText(picture.expected ? Math.round((picture.submitted / picture.expected) * 1000) / 10 : null)}</span>
        <span>ส่งข้อมูลแล้ว {n(picture.submitted)} จาก {n(picture.expected)} แห่ง</span></li>
      <li class="result-count"><span class="result-count-n">{percentText(o.rate)}</span>
        <span>อัตราผ่านรวม (ผ่าน {n(o.met)} จาก {n(o.judged)} ผล)</span></li>
      <li class="result-count"><span class="result-count-n">{n(o.noService + o.notDone)}</span>
        <span>ผลที่ไม่นับ (ไม่มีบริการสาธารณะ {n(o.noService)} · ไม่ได้ดำเนินการ {n(o.notDone)})</span></li>
    </ul>
  );
}

function Filters(p: { picture: NationalPicture; query: PictureQuery; action: string; provinces: { code: string; name: string }[] | null }) {
  const { picture, query } = p;
  return (
    <form method="get" action={p.action} class="filter-form" role="search" aria-label="เลือกสิ่งที่จะแสดง">
      <div class="filter-fields">
        {picture.facets.laoTypes.length > 1 ? (
          <SelectField name="type" label="ประเภท อปท." placeholder="ทุกประเภท" value={query.type ?? ''}
            options={picture.facets.laoTypes.map((t) => ({ value: t, label: laoTypeLabels[t].full }))} />
        ) : null}
        {p.provinces ? (
          <SelectField name="province" label="จังหวัด" placeholder={p.provinces.length > 1 ? 'ทั้งประเทศ' : undefined} value={query.province ?? ''}
            options={p.provinces.map((x) => ({ value: x.code, label: x.name }))} />
        ) : null}
        {picture.placeKind === 'province' ? (
          <SelectField name="measure" label="แผนที่แสดง" value={query.measure}
            options={[{ value: 'completion', label: 'ร้อยละที่ส่งข้อมูลแล้ว' }, { value: 'pass', label: 'อัตราผ่าน' }]} />
        ) : null}
      </div>
      <div class="button-group"><button type="submit" class="button">แสดงผล</button></div>
    </form>
  );
}

function HowCounted() {
  return (
    <details class="panel-details">
      <summary>นับอย่างไร</summary>
      <div class="panel">
        <p>อัตราผ่าน = จำนวนผลที่ "สูงกว่าค่าเป้าหมาย/ผ่าน" ÷ (ผลที่ผ่าน + ผลที่ "การพัฒนาในอนาคต") × 100</p>
        <p>ไม่นับในตัวหาร: "ไม่มีบริการสาธารณะ" (กรอบการประเมินเป็นศูนย์ ไม่ถือว่าไม่ผ่าน) "ไม่ได้ดำเนินการ" และผลที่ยังไม่มีข้อมูล ตารางทุกตารางแสดงจำนวนที่ไม่นับไว้ด้วย</p>
        <p>นับเฉพาะหน่วยที่ส่งข้อมูลแล้ว (ส่งแล้วหรือผ่านการตรวจแล้ว) ข้อมูลที่ยังบันทึกไม่เสร็จไม่นำมานับ</p>
      </div>
    </details>
  );
}

function asOf(picture: NationalPicture, now: Date): string {
  if (picture.round.state === 'published' && picture.round.publishedAt) return `ประกาศผลเมื่อ ${formatThaiDate(picture.round.publishedAt)} ตัวเลขไม่เปลี่ยนแปลงอีก`;
  return `ข้อมูล ณ ${formatThaiDate(now, { withTime: true })} นับสดจากหน่วยที่ส่งแล้ว ยังเปลี่ยนได้จนกว่าจะประกาศผล`;
}

const placeWord = (p: NationalPicture) => (p.placeKind === 'province' ? 'จังหวัด' : 'อำเภอ');

export function PictureView(p: {
  picture: NationalPicture; charts: PictureCharts; query: PictureQuery; base: string;
  provinces: { code: string; name: string }[] | null; links: Child; breadcrumbs?: Child; publicView: boolean; now: Date;
}) {
  const { picture, charts, query } = p;
  const typeName = picture.laoType ? ` · ${laoTypeLabels[picture.laoType].full}` : '';
  const other = (measure: MapMeasure) => pictureHref(p.base, { ...query, measure });
  return (
    <>
      {p.breadcrumbs}
      <span class="caption">{picture.round.title}</span>
      <h1>ภาพรวมผลการประเมิน {picture.scopeName}{typeName}</h1>
      <p class="lead">{asOf(picture, p.now)}</p>
      {picture.round.demo ? <Notice kind="warning">รอบนี้เป็นรอบสาธิต ตัวเลขทั้งหมดมาจากข้อมูลสาธิต ไม่ใช่ผลการประเมินจริง</Notice> : null}
      {picture.exampleTargets ? <Notice kind="warning">ค่าเป้าหมายของตัวชี้วัดบางตัวในกรอบนี้ยังเป็นค่าตัวอย่าง (ยังไม่ใช่ค่าที่ประกาศ) อัตราผ่านของตัวชี้วัดเหล่านั้นจึงเป็นตัวอย่างด้วย</Notice> : null}
      <Filters picture={picture} query={query} action={p.base} provinces={p.provinces} />
      <KeyFigures picture={picture} />
      <HowCounted />
      <div class="picture-links">{p.links}</div>

      <div class="picture-grid">
        {charts.map ? (
          <ChartFigure map svg={charts.map} caption={query.measure === 'completion' ? 'ร้อยละที่ส่งข้อมูลแล้ว รายจังหวัด' : 'อัตราผ่าน รายจังหวัด'}>
            <p class="map-credit">{mapCredit}</p>
            <p class="map-switch">
              {query.measure === 'completion'
                ? <>แผนที่นี้แสดงร้อยละที่ส่งข้อมูลแล้ว · <a href={other('pass')}>แสดงอัตราผ่านแทน</a></>
                : <>แผนที่นี้แสดงอัตราผ่าน · <a href={other('completion')}>แสดงร้อยละที่ส่งข้อมูลแล้วแทน</a></>}
            </p>
            <PictureTables.Places picture={picture} />
          </ChartFigure>
        ) : null}
        <ChartFigure svg={charts.areas} caption="อัตราผ่านรายด้าน"><PictureTables.Rates rows={picture.areas} first="ด้าน" /></ChartFigure>
        {charts.laoTypes ? <ChartFigure svg={charts.laoTypes} caption="อัตราผ่านตามประเภท อปท."><PictureTables.Rates rows={picture.laoTypes} first="ประเภท" /></ChartFigure> : null}
        <ChartFigure svg={charts.distribution} caption="การกระจายของสัดส่วนตัวชี้วัดที่ผ่านของแต่ละแห่ง">
          <PictureTables.Distribution picture={picture} />
        </ChartFigure>
        <ChartFigure svg={charts.indicators} caption="อัตราผ่านรายตัวชี้วัด"><PictureTables.Indicators picture={picture} /></ChartFigure>
        {charts.lastYear && picture.lastYear ? (
          <ChartFigure svg={charts.lastYear} caption={`เทียบกับ${picture.lastYear.roundTitle}`}><PictureTables.LastYear picture={picture} /></ChartFigure>
        ) : <section class="chart-figure"><h2 class="chart-title">เทียบกับปีก่อน</h2><p>ยังไม่มีรอบก่อนหน้า{p.publicView ? 'ที่ประกาศผลแล้ว' : 'ที่ปิดรับข้อมูลแล้ว'}ซึ่งตัวชี้วัดเทียบกันได้</p></section>}
        <ChartFigure svg={charts.places} caption={`อัตราผ่านราย${placeWord(picture)} (เรียงจากมากไปน้อย)`}>
          {charts.map ? null : <PictureTables.Places picture={picture} />}
        </ChartFigure>
      </div>
    </>
  );
}

export type { PictureRow };
