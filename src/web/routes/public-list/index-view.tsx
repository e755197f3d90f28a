import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import type { RoundRow } from '../../../db/queries/rounds.ts';
import { periodLabel, RoundStateTag } from '../rounds/view.tsx';
import { listHref } from './query.ts';

// The index of rounds whose respondents are known (every round but drafts), each with how many have completed.

export type PublicRoundRow = RoundRow & { programmeTitle: string; respondentCount: number; completed: number; latest: Date | null };
const n = (v: number) => v.toLocaleString('th-TH');

export function PublicRoundsView(p: { rounds: PublicRoundRow[] }) {
  return (
    <>
      <h1>การส่งข้อมูลของแต่ละรอบ</h1>
      <p class="lead">รายชื่อองค์กรปกครองส่วนท้องถิ่นและหน่วยงานที่ส่งข้อมูลการประเมินแล้ว ค้นหาตามชื่อ จังหวัด อำเภอ และประเภทได้</p>
      {p.rounds.length ? (
        <table class="table-stack">
          <caption class="visually-hidden">รอบการประเมิน</caption>
          <thead><tr><th scope="col">รอบการประเมิน</th><th scope="col">ช่วง</th><th scope="col">สถานะ</th><th scope="col" class="num">ส่งแล้ว</th><th scope="col">ส่งล่าสุดเมื่อ</th></tr></thead>
          <tbody>
            {p.rounds.map((r) => (
              <tr>
                <td data-label="รอบการประเมิน"><a href={listHref(r.id, { q: '', province: null, district: null, type: null })}>{r.title}</a><div class="small muted">{r.programmeTitle}</div></td>
                <td data-label="ช่วง">{periodLabel(r)}</td>
                <td data-label="สถานะ"><RoundStateTag state={r.state} /></td>
                <td data-label="ส่งแล้ว" class="num nowrap">{n(r.completed)} / {n(r.respondentCount)}</td>
                <td data-label="ส่งล่าสุดเมื่อ" class="date">{r.latest ? formatThaiDate(r.latest, { short: true, withTime: true }) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p>ยังไม่มีรอบการประเมินที่เปิดรับข้อมูล</p>}
    </>
  );
}
