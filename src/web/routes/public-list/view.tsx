import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { laoTypeLabels, type LaoType } from '../../../domain/org/lao-type.ts';
import { orgUnitKindLabels, type OrgUnitKind } from '../../../domain/org/org-unit.ts';
import { Notice } from '../../components/forms.tsx';
import { publicResultsPath } from '../public-results/paths.ts';
import { SelectField } from '../rounds/fields.tsx';
import { periodLabel, RoundStateTag } from '../rounds/view.tsx';
import { pageSize, type Count, type PublicListPage } from './model.ts';
import { listHref, searchMaxLength } from './query.ts';

// The public list of a round: who has completed entry, searchable by name and filtered by province, district and
// LAO type, with counts. Names of organisations and the time they sent — nothing typed in, no one's name.

const n = (v: number) => v.toLocaleString('th-TH');
/** One decimal, rounded — except that 100.0 means every one and 0.0 means none (3 of 3,001 is 0.1, not 0.0). */
function share(c: Count): string {
  if (!c.expected) return '—';
  const tenths = Math.min(Math.max(Math.round((c.completed / c.expected) * 1000), c.completed ? 1 : 0), c.completed < c.expected ? 999 : 1000);
  return (tenths / 10).toLocaleString('th-TH', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}
const percent = (c: Count) => (c.expected ? `ร้อยละ ${share(c)}` : '—');
const typeLabel = (laoType: string | null, kind?: string) => (laoType ? laoTypeLabels[laoType as LaoType]?.full ?? laoType : orgUnitKindLabels[kind as OrgUnitKind] ?? 'หน่วยงาน');

export const publicListTitle = 'หน่วยงานที่ส่งข้อมูลแล้ว';

function Counts(p: { page: PublicListPage }) {
  const { overall, filtered, query } = p.page;
  const narrowed = !!(query.q || query.province || query.district || query.type);
  return (
    <section aria-labelledby="counts-title" class="public-counts">
      <h2 id="counts-title" class="visually-hidden">จำนวนที่ส่งข้อมูลแล้ว</h2>
      <p class="public-count">
        <span class="result-count-n">{n(overall.completed)}</span> <span>หน่วยส่งข้อมูลแล้ว จาก {n(overall.expected)} หน่วยที่ต้องส่ง <span class="nowrap">({percent(overall)})</span></span>
      </p>
      <progress max={Math.max(overall.expected, 1)} value={overall.completed} aria-label="สัดส่วนที่ส่งข้อมูลแล้วทั้งรอบ">{percent(overall)}</progress>
      {narrowed ? <p class="public-count-filtered"><strong>ตามเงื่อนไขที่เลือก:</strong> ส่งแล้ว {n(filtered.completed)} จาก {n(filtered.expected)} หน่วย <span class="nowrap">({percent(filtered)})</span></p> : null}
    </section>
  );
}

function Filters(p: { page: PublicListPage }) {
  const { query, provinces, districts, byType, round } = p.page;
  const hasTypes = byType.some((t) => t.laoType !== null) || !!query.type;
  return (
    <form method="get" action={`/public/rounds/${round.id}/respondents`} class="filter-form" role="search" aria-label="ค้นหาและกรองรายชื่อ">
      <div class="filter-fields">
        <div class="field field-search">
          <label for="q">ชื่อหน่วยงาน</label>
          <p class="hint" id="q-hint">บางส่วนของชื่อ เช่น <span class="nowrap">บ้านใหม่</span> หรือ <span class="nowrap">อบต.บ้านใหม่</span></p>
          <input type="search" id="q" name="q" value={query.q} maxlength={searchMaxLength} aria-describedby="q-hint" autocomplete="off" />
        </div>
        <SelectField name="province" label="จังหวัด" placeholder="ทุกจังหวัด" value={query.province ?? ''} options={provinces.map((x) => ({ value: x.code, label: x.name }))}
          {...(query.province ? {} : { hint: 'เลือกจังหวัดแล้วกด "แสดงรายชื่อ" เพื่อเลือกอำเภอ' })} />
        {query.province && districts.length ? (
          <SelectField name="district" label="อำเภอ" placeholder="ทุกอำเภอ" value={query.district ?? ''} options={districts.map((x) => ({ value: x.code, label: x.name }))} />
        ) : null}
        {hasTypes ? (
          <SelectField name="type" label="ประเภท อปท." placeholder="ทุกประเภท" value={query.type ?? ''}
            options={byType.filter((t) => t.laoType).map((t) => ({ value: t.laoType!, label: typeLabel(t.laoType) }))} />
        ) : null}
      </div>
      <div class="button-group">
        <button type="submit" class="button">แสดงรายชื่อ</button>
        {query.q || query.province || query.district || query.type ? <a href={listHref(round.id, { q: '', province: null, district: null, type: null })}>ล้างเงื่อนไข</a> : null}
      </div>
    </form>
  );
}

function ByType(p: { page: PublicListPage }) {
  const { byType, query, round } = p.page;
  if (!byType.some((t) => t.laoType)) return null;
  const narrowing = [query.province ? 'ในพื้นที่ที่เลือก' : '', query.q ? 'ชื่อตรงกับคำค้น' : ''].filter(Boolean);
  return (
    <div class="table-scroll">
      <table class="public-types">
        <caption>แยกตามประเภท{narrowing.length ? ` (${narrowing.join('และ')})` : ''}</caption>
        <thead><tr><th scope="col">ประเภท</th><th scope="col" class="num">ส่งแล้ว</th><th scope="col" class="num">ต้องส่ง</th><th scope="col" class="num">ร้อยละ</th></tr></thead>
        <tbody>
          {byType.map((t) => (
            <tr>
              <th scope="row">{t.laoType ? <a href={listHref(round.id, { ...query, type: t.laoType, page: 1 })} aria-current={query.type === t.laoType ? 'true' : undefined}>{typeLabel(t.laoType)}</a> : typeLabel(null)}</th>
              <td class="num">{n(t.count.completed)}</td><td class="num">{n(t.count.expected)}</td><td class="num">{share(t.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Rows(p: { page: PublicListPage }) {
  const { rows, query, round, filtered, pages } = p.page;
  if (!rows.length) return <p>{filtered.expected ? 'ยังไม่มีหน่วยงานที่ส่งข้อมูลแล้วตามเงื่อนไขนี้' : 'ไม่พบหน่วยงานตามเงื่อนไขนี้ ลองค้นด้วยชื่อที่สั้นลง หรือล้างเงื่อนไข'}</p>;
  const first = (query.page - 1) * pageSize;
  const published = round.state === 'published';
  return (
    <>
      <p id="list-status">{pages > 1 ? `ลำดับที่ ${n(first + 1)}–${n(first + rows.length)} จาก ${n(filtered.completed)} หน่วย · หน้า ${n(query.page)} จาก ${n(pages)}` : `${n(filtered.completed)} หน่วย`} · เรียงตามชื่อหน่วยงาน</p>
      <table class="table-stack public-list">
        <caption class="visually-hidden">รายชื่อหน่วยงานที่ส่งข้อมูลแล้ว</caption>
        <thead><tr><th scope="col" class="num">ลำดับ</th><th scope="col">หน่วยงาน</th><th scope="col">ประเภท</th><th scope="col">อำเภอ</th><th scope="col">จังหวัด</th><th scope="col">ส่งข้อมูลเมื่อ</th></tr></thead>
        <tbody>
          {rows.map((r, i) => (
            <tr>
              <td data-label="ลำดับ" class="num pl-seq">{n(first + i + 1)}</td>
              <td data-label="หน่วยงาน" class="pl-name">{published ? <a href={publicResultsPath(round.id, r.code)}>{r.name}</a> : r.name}</td>
              <td data-label="ประเภท" class="pl-place">{typeLabel(r.laoType, r.kind)}</td>
              <td data-label="อำเภอ" class="pl-place">{r.districtName ?? '—'}</td>
              <td data-label="จังหวัด" class="pl-place">{r.provinceName ?? '—'}</td>
              <td data-label="ส่งข้อมูลเมื่อ" class="date pl-date">{r.submittedAt ? formatThaiDate(r.submittedAt, { short: true, withTime: true }) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 ? (
        <nav class="pagination" aria-label="หน้าของรายชื่อ">
          {query.page > 1 ? <a href={listHref(round.id, { ...query, page: query.page - 1 })}>« ก่อนหน้า</a> : null}
          <span>หน้า {n(query.page)} จาก {n(pages)}</span>
          {query.page < pages ? <a href={listHref(round.id, { ...query, page: query.page + 1 })}>ถัดไป »</a> : null}
        </nav>
      ) : null}
    </>
  );
}

export function PublicListView(p: { page: PublicListPage; programmeTitle: string; freshMinutes: number }) {
  const { round, latest, problems } = p.page;
  return (
    <>
      <nav class="breadcrumbs" aria-label="ตำแหน่งของหน้านี้"><ol><li><a href="/public/rounds">การส่งข้อมูลของแต่ละรอบ</a></li><li aria-current="page">{round.title}</li></ol></nav>
      <span class="caption">{round.title}</span>
      <h1>{publicListTitle}</h1>
      <dl class="summary-list">
        <dt>โครงการ</dt><dd>{p.programmeTitle}</dd>
        <dt>ช่วง</dt><dd>{periodLabel(round)}</dd>
        <dt>สถานะของรอบ</dt><dd><RoundStateTag state={round.state} /></dd>
        <dt>ส่งล่าสุดเมื่อ</dt><dd>{latest ? formatThaiDate(latest, { withTime: true }) : 'ยังไม่มีหน่วยงานส่งข้อมูล'}</dd>
      </dl>
      <p class="hint">แสดงเฉพาะหน่วยงานที่ผู้บริหารส่งข้อมูลแล้ว รวมทั้งที่ผู้ตรวจรับรองแล้ว ไม่รวมหน่วยงานที่ยังกรอกอยู่หรือถูกส่งกลับให้แก้ไข รายชื่อในหน้านี้อาจช้ากว่าระบบไม่เกิน {p.freshMinutes} นาที</p>
      {problems.length ? <Notice kind="warning">{problems.map((m) => <p>{m}</p>)}</Notice> : null}
      <Counts page={p.page} />
      <Filters page={p.page} />
      <ByType page={p.page} />
      <h2 id="list-title">รายชื่อ</h2>
      <Rows page={p.page} />
    </>
  );
}
