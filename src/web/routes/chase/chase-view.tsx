import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { laoTypeLabels, laoTypes } from '../../../domain/org/lao-type.ts';
import { atRiskDefinition, chaseFilterLabels, chaseFilterStates, type ChaseFilterState } from '../../../domain/reminders/chase-state.ts';
import type { ChasePage } from '../../../services/reminders/load-chase-page.ts';
import { chasePageSize } from '../../../services/reminders/load-chase-page.ts';
import { CsrfField, ErrorSummary, Notice, type FieldErrors } from '../../components/forms.tsx';
import { Breadcrumbs } from '../submissions/shared-view.tsx';
import { CallForms, ChaseTable, type CallState } from './chase-table.tsx';
import { filterQuery, type SendFormState } from './schema.ts';
import { ScheduleSection, SendFields } from './send-fields.tsx';

// The chase page (ติดตามหน่วยงาน): filter the respondents that still hold their data, tick some (or take all of the
// filter), pick a template and channels, and send — one action. Works without JavaScript.

export type ChaseViewState = { send?: SendFormState; call?: CallState; settings?: { values: Record<string, string>; errors: FieldErrors } };

export const chasePath = (roundId: number) => `/rounds/${roundId}/chase`;

export function ChaseView(p: { page: ChasePage; csrf: string; state?: ChaseViewState; selectPage: boolean; notice?: string | undefined }) {
  const { page, state } = p;
  const base = chasePath(page.round.id);
  const f = page.filter;
  const counts: Record<ChaseFilterState | 'all', number> = { all: page.counts.held, not_started: page.counts.notStarted, in_progress: page.counts.inProgress, late: page.counts.late, at_risk: page.counts.atRisk };
  const checked = new Set(state?.send?.values.units ?? (p.selectPage ? page.rows.map((r) => String(r.orgUnitId)) : []));
  const pages = Math.max(1, Math.ceil(page.total / chasePageSize));
  const errors = { ...state?.send?.errors, ...(state?.call ? { [`note-${state.call.orgUnitId}`]: state.call.error } : {}), ...state?.settings?.errors };
  // districts are offered within one province (the chosen one, or the only one in reach): never all 928 at once
  const oneProvince = f.provinceCode ?? (page.provinces.length === 1 ? page.provinces[0]!.code : undefined);
  const districts = oneProvince ? page.districts.filter((d) => d.provinceCode === oneProvince) : [];
  return (
    <>
      <Breadcrumbs items={[{ href: '/rounds', label: 'รอบการประเมิน' }, { href: `/rounds/${page.round.id}`, label: page.round.title }]} />
      <h1>ติดตามหน่วยงานที่ยังไม่ส่งข้อมูล</h1>
      <p class="lead">{page.round.title} · กำหนดส่งของรอบ {formatThaiDate(page.round.dueAt)}</p>
      <ul class="inline-list">
        <li><a href={`${base}/log`}>บันทึกการติดตาม (ข้อความที่ส่งและการโทร)</a></li>
        {page.manage ? <li><a href="/reminder-templates">แก้ไขแบบข้อความเตือน</a></li> : null}
      </ul>
      {p.notice ? <Notice kind="success">{p.notice}</Notice> : null}
      {page.round.state !== 'open' ? <Notice kind="warning">รอบนี้ไม่ได้เปิดรับข้อมูลแล้ว ส่งข้อความเตือนไม่ได้ ดูรายชื่อและบันทึกการโทรได้</Notice> : null}
      <ErrorSummary errors={errors} />

      <form method="get" action={base} class="chase-filter" aria-label="ตัวกรอง">
        {page.provinces.length > 1 ? (
          <div class="field"><label for="province">จังหวัด</label>
            <select id="province" name="province"><option value="">ทุกจังหวัด</option>{page.provinces.map((x) => <option value={x.code} selected={f.provinceCode === x.code}>{x.name}</option>)}</select></div>
        ) : null}
        {districts.length > 1 ? (
          <div class="field"><label for="district">อำเภอ</label>
            <select id="district" name="district"><option value="">ทุกอำเภอ</option>{districts.map((x) => <option value={x.code} selected={f.districtCode === x.code}>{x.name}</option>)}</select></div>
        ) : null}
        <div class="field"><label for="type">ประเภท อปท.</label>
          <select id="type" name="type"><option value="">ทุกประเภท</option>{laoTypes.map((t) => <option value={t} selected={f.laoType === t}>{laoTypeLabels[t].full}</option>)}</select></div>
        {f.state ? <input type="hidden" name="state" value={f.state} /> : null}
        <div class="field chase-filter-actions"><button type="submit" class="button button-secondary">กรอง</button> <a href={base}>ล้างตัวกรอง</a></div>
      </form>

      <nav class="type-switcher" aria-label="กรองตามสถานะ">
        <ul>
          {(['all', ...chaseFilterStates] as const).map((s) => (
            <li><a href={`${base}${filterQuery({ ...f, state: s === 'all' ? undefined : s })}`} aria-current={(f.state ?? 'all') === s ? 'page' : undefined}>
              {chaseFilterLabels[s]} ({counts[s].toLocaleString('th-TH')})</a></li>
          ))}
        </ul>
      </nav>
      <p class="hint small"><strong>เสี่ยงไม่ทัน</strong> หมายถึง {atRiskDefinition()} · <strong>เลยกำหนด</strong> หมายถึง ยังไม่ส่งและพ้นกำหนดส่งของหน่วยงานนั้นแล้ว (รวมการขยายเวลา)</p>

      <form method="post" action={`${base}${filterQuery(f)}`} novalidate>
        <CsrfField token={p.csrf} />
        <h2 class="chase-heading">{chaseFilterLabels[f.state ?? 'all']} {page.total.toLocaleString('th-TH')} หน่วยงาน{pages > 1 ? ` · หน้า ${page.page} จาก ${pages}` : ''}</h2>
        {page.rows.length ? (
          <>
            <p class="small">
              <a href={`${base}${filterQuery(f, { page: String(page.page), select: 'page' })}#units`}>เลือกทั้งหน้านี้</a>
              {checked.size ? <> · <a href={`${base}${filterQuery(f, { page: String(page.page) })}#units`}>ไม่เลือก</a></> : null}
            </p>
            <div id="units" class={errors.units ? 'field field-error' : undefined}>
              {errors.units ? <p class="error-message">{errors.units}</p> : null}
              <ChaseTable roundId={page.round.id} rows={page.rows} now={page.now} checked={checked} call={state?.call} />
            </div>
            {pages > 1 ? (
              <nav class="pagination" aria-label="หน้า">
                {page.page > 1 ? <a href={`${base}${filterQuery(f, { page: String(page.page - 1) })}`}>« ก่อนหน้า</a> : null}
                {page.page < pages ? <a href={`${base}${filterQuery(f, { page: String(page.page + 1) })}`}>ถัดไป »</a> : null}
              </nav>
            ) : null}
            {page.round.state === 'open' ? <SendFields page={page} state={state?.send} /> : null}
          </>
        ) : <p>ไม่มีหน่วยงานที่ยังไม่ส่งข้อมูลในเงื่อนไขนี้</p>}
      </form>
      <CallForms action={`${base}/calls${filterQuery(f, { page: String(page.page) })}`} csrf={p.csrf} rows={page.rows} />
      <ScheduleSection page={page} csrf={p.csrf} state={state?.settings} />
    </>
  );
}
