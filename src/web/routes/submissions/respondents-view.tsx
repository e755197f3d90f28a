import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import type { RespondentListRow } from '../../../db/queries/submission-pages.ts';
import type { RoundRow } from '../../../db/queries/rounds.ts';
import { submissionStateLabels, type SubmissionStateName } from '../../../domain/submission/submission-state.ts';
import { submissionPath } from './page-model.ts';
import { Breadcrumbs, StateTag } from './shared-view.tsx';

// The offices' list: a round's respondents in their reach, where each stands, a link to review. 50 a page.

export function RespondentListView(p: { round: RoundRow; rows: RespondentListRow[]; total: number; page: number; pageSize: number; state: string | undefined }) {
  const pages = Math.max(1, Math.ceil(p.total / p.pageSize));
  const href = (page: number, state = p.state) => `/rounds/${p.round.id}/submissions?${new URLSearchParams({ ...(state ? { state } : {}), page: String(page) })}`;
  return (
    <>
      <Breadcrumbs items={[{ href: '/rounds', label: 'รอบการประเมิน' }, { href: `/rounds/${p.round.id}`, label: p.round.title }]} />
      <h1>ผู้ตอบของ{p.round.title}</h1>
      <nav class="type-switcher" aria-label="กรองตามสถานะ">
        <ul>
          <li><a href={href(1, '')} aria-current={!p.state ? 'page' : undefined}>ทั้งหมด</a></li>
          {(Object.keys(submissionStateLabels) as SubmissionStateName[]).map((s) => <li><a href={href(1, s)} aria-current={p.state === s ? 'page' : undefined}>{submissionStateLabels[s]}</a></li>)}
        </ul>
      </nav>
      <p>{p.total.toLocaleString('th-TH')} หน่วยงาน{pages > 1 ? ` · หน้า ${p.page} จาก ${pages}` : ''}</p>
      {p.rows.length ? (
        <table class="table-stack">
          <thead><tr><th scope="col">หน่วยงาน</th><th scope="col">สถานะ</th><th scope="col">ส่งเมื่อ</th><th scope="col"><span class="visually-hidden">การทำงาน</span></th></tr></thead>
          <tbody>
            {p.rows.map((r) => {
              const base = submissionPath(p.round.id, r.code);
              return (
                <tr>
                  <td data-label="หน่วยงาน"><a href={base}>{r.name}</a> <span class="muted small">({r.code})</span></td>
                  <td data-label="สถานะ"><StateTag state={r.state} /></td>
                  <td data-label="ส่งเมื่อ">{r.submittedAt ? <span class="date">{formatThaiDate(r.submittedAt, { short: true, withTime: true })}</span> : <span class="muted">—</span>}</td>
                  <td data-label="การทำงาน">{r.state === 'submitted' ? <a href={`${base}/review`}>ตรวจ<span class="visually-hidden"> {r.name}</span></a> : <a href={base}>ดู<span class="visually-hidden"> {r.name}</span></a>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : <p>ไม่มีหน่วยงานในเงื่อนไขนี้</p>}
      {pages > 1 ? (
        <nav class="pagination" aria-label="หน้า">
          {p.page > 1 ? <a href={href(p.page - 1)}>« ก่อนหน้า</a> : null}
          {p.page < pages ? <a href={href(p.page + 1)}>ถัดไป »</a> : null}
        </nav>
      ) : null}
    </>
  );
}
