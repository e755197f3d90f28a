import { roleLabels, type Role } from '../../../domain/access/roles.ts';
import { laoTypeLabels, type LaoType } from '../../../domain/org/lao-type.ts';
import { progressFilterLabels } from '../../../domain/progress/progress-figures.ts';
import type { SubmissionStateName } from '../../../domain/submission/submission-state.ts';
import type { RespondentList, RespondentProgress } from '../../../services/progress/list-progress-respondents.ts';
import { submissionPath } from '../submissions/page-model.ts';
import { Breadcrumbs, StateTag } from '../submissions/shared-view.tsx';
import { areaWords, chaseHref, FilterForm, n, shortDateTime } from './parts.tsx';
import { progressQuery } from './schema.ts';
import { progressBase } from './view.tsx';

// The respondents behind a figure: where each stands, its own deadline, when anything last happened, who answers
// for it and how to reach them. Each links to its submission overview.

const short = shortDateTime;

function Status(props: { row: RespondentProgress }) {
  const { row } = props;
  return (
    <>
      <StateTag state={(row.state ?? 'not_started') as SubmissionStateName} />
      {row.sentLate ? <> <strong class="tag tag-warning">ส่งล่าช้า</strong></> : null}
      {row.overdue ? <> <strong class="tag tag-red">เลยกำหนด</strong></> : null}
      {row.submittedAt && row.sent ? <div class="small">ส่งเมื่อ <span class="date">{short(row.submittedAt)}</span></div> : null}
    </>
  );
}

function People(props: { row: RespondentProgress }) {
  if (!props.row.people.length) return <span class="muted">ยังไม่มีบัญชีผู้ใช้ในหน่วยนี้</span>;
  return (
    <ul class="people">
      {props.row.people.map((p) => (
        <li>
          {p.name} <span class="muted small">({roleLabels[p.role as Role] ?? p.role})</span>
          {p.forms.length ? <span class="small"> · รับผิดชอบ{p.forms.join(', ')}</span> : null}
          <br /><a class="small wrap" href={`mailto:${p.email}`}>{p.email}</a>
        </li>
      ))}
    </ul>
  );
}

export function RespondentsView(props: { list: RespondentList; values: Record<string, string> }) {
  const { list } = props;
  const { ctx } = list;
  const base = progressBase(ctx.round.id);
  const area = { province: ctx.area.provinceCode, district: ctx.area.districtCode, type: ctx.area.laoType };
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const here = (page: number) => `${base}/respondents${progressQuery({ ...area, state: list.state, sort: list.sort, page })}`;
  const from = list.total ? (list.page - 1) * list.pageSize + 1 : 0;
  const to = Math.min(list.total, list.page * list.pageSize);
  const place = areaWords({ province: ctx.province, district: ctx.district, laoType: ctx.area.laoType });
  const nation = ctx.reaches.some((r) => r.level === 'nation');
  const where = (r: RespondentProgress) => [r.districtName ? `อ.${r.districtName}` : null, ctx.scope.level === 'nation' && r.provinceName ? `จ.${r.provinceName}` : null].filter(Boolean).join(' ');
  return (
    <>
      <Breadcrumbs items={[{ href: '/rounds', label: 'รอบการประเมิน' }, { href: `/rounds/${ctx.round.id}`, label: ctx.round.title }, { href: `${base}${progressQuery(area)}`, label: 'ความก้าวหน้า' }]} />
      <span class="caption">{ctx.round.title}</span>
      <h1>รายชื่อหน่วยที่ต้องส่งข้อมูล: {place}</h1>
      <FilterForm action={`${base}/respondents`} provinceChoices={ctx.provinceChoices} districtChoices={ctx.districtChoices} nation={nation} laoTypes={ctx.laoTypes} values={props.values} errors={{}} list />
      <p>
        <strong>{list.state ? progressFilterLabels[list.state] : 'ทุกสถานะ'} {n(list.total)} หน่วย</strong>
        {list.total > list.pageSize ? <> · แสดง {n(from)}–{n(to)}</> : null}
        <span class="muted"> · ข้อมูล ณ <span class="date">{short(list.now)}</span></span>
      </p>
      <div class="button-group">
        <a class="button button-secondary" href={chaseHref(ctx.round.id, area, list.state)}>ติดตาม/ส่งการแจ้งเตือน</a>
        <a class="button button-secondary" href={`${base}.xlsx${progressQuery({ ...area, state: list.state })}`} download>ดาวน์โหลด XLSX</a>
      </div>
      {list.rows.length ? (
        <table class="table-stack respondents-table">
          <caption class="visually-hidden">รายชื่อหน่วย เรียงตาม{list.sort === 'name' ? 'ชื่อ' : 'กิจกรรมล่าสุด'}</caption>
          <thead>
            <tr><th scope="col">หน่วยงาน</th><th scope="col">สถานะ</th><th scope="col">กำหนดส่งของหน่วย</th><th scope="col">กิจกรรมล่าสุด</th><th scope="col">ผู้รับผิดชอบและการติดต่อ</th></tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr>
                <td data-label="หน่วยงาน">
                  <a href={submissionPath(ctx.round.id, r.code)}>{r.name}</a>
                  <div class="small muted">{r.code}{r.laoType ? ` · ${laoTypeLabels[r.laoType as LaoType]?.short ?? r.laoType}` : ''}{where(r) ? ` · ${where(r)}` : ''}</div>
                </td>
                <td data-label="สถานะ"><Status row={r} /></td>
                <td data-label="กำหนดส่งของหน่วย"><span class="date">{short(r.deadline)}</span>{r.deadline.getTime() > ctx.round.dueAt.getTime() ? <div class="small">ขยายเวลาแล้ว</div> : null}</td>
                <td data-label="กิจกรรมล่าสุด">{r.lastActivity ? <span class="date">{short(r.lastActivity)}</span> : <span class="muted">ยังไม่มี</span>}</td>
                <td data-label="ผู้รับผิดชอบ"><People row={r} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : list.page > 1 ? <p>หน้านี้ไม่มีรายชื่อ <a href={here(1)}>กลับไปหน้าแรก</a></p> : <p>ไม่มีหน่วยในเงื่อนไขนี้</p>}
      {pages > 1 ? (
        <nav class="pagination" aria-label="หน้า">
          {list.page > 1 ? <a href={here(list.page - 1)}>« ก่อนหน้า</a> : null}
          <span>หน้า {n(list.page)} จาก {n(pages)}</span>
          {list.page < pages ? <a href={here(list.page + 1)}>ถัดไป »</a> : null}
        </nav>
      ) : null}
      <p class="small muted">ทะเบียน อปท. ยังไม่มีเบอร์โทรศัพท์หรืออีเมลของสำนักงาน จึงแสดงอีเมลของผู้ใช้งานของหน่วยนั้น</p>
    </>
  );
}
