import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import type { ChaseLog } from '../../../services/reminders/load-chase-log.ts';
import { Breadcrumbs } from '../submissions/shared-view.tsx';
import { chasePath } from './chase-view.tsx';
import { channelLabels, sendKindLabels } from './send-view.tsx';

// The chase log of a round: the reminders sent — who, when, which template, to how many, how far they got — and
// the notes about calls made.

const n = (x: number) => x.toLocaleString('th-TH');

export function ChaseLogView(p: { log: ChaseLog }) {
  const { round, sends, calls } = p.log;
  const base = chasePath(round.id);
  return (
    <>
      <Breadcrumbs items={[{ href: '/rounds', label: 'รอบการประเมิน' }, { href: `/rounds/${round.id}`, label: round.title }, { href: base, label: 'ติดตามหน่วยงาน' }]} />
      <h1>บันทึกการติดตาม</h1>
      <p class="lead">{round.title}</p>
      <h2>ข้อความเตือนที่ส่ง ({n(sends.length)})</h2>
      {sends.length ? (
        <table class="table-stack">
          <thead><tr><th scope="col">เมื่อ</th><th scope="col">โดย</th><th scope="col">แบบข้อความ</th><th scope="col">ถึง</th><th scope="col">ส่งแล้ว</th></tr></thead>
          <tbody>
            {sends.map((s) => (
              <tr>
                <td data-label="เมื่อ"><a href={`${base}/sends/${s.id}`}>{formatThaiDate(s.createdAt, { short: true, withTime: true })}</a></td>
                <td data-label="โดย">{s.sentBy ? s.sentByName ?? 'ผู้ใช้ที่ถูกลบ' : sendKindLabels[s.kind]}</td>
                <td data-label="แบบข้อความ">{s.templateTitle ?? s.templateCode}<br /><span class="small muted">{s.channels.map((c) => channelLabels[c] ?? c).join(', ')}</span></td>
                <td data-label="ถึง">{n(s.targetCount)} หน่วยงาน{s.noRecipient ? <><br /><strong class="tag tag-red">ไม่มีผู้รับ {n(s.noRecipient)}</strong></> : null}</td>
                <td data-label="ส่งแล้ว">{n(s.sent)} / {n(s.total)} ข้อความ{s.failed ? <><br /><span class="small">ไม่สำเร็จ {n(s.failed)}</span></> : null}{s.finishedAt || s.total === 0 ? null : <><br /><span class="tag">กำลังส่ง</span></>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p>ยังไม่มีการส่งข้อความเตือนในรอบนี้</p>}
      <h2>การโทรติดตาม ({n(calls.length)})</h2>
      {calls.length ? (
        <table class="table-stack">
          <thead><tr><th scope="col">เมื่อ</th><th scope="col">โดย</th><th scope="col">หน่วยงาน</th><th scope="col">บันทึก</th></tr></thead>
          <tbody>
            {calls.map((c) => (
              <tr>
                <td data-label="เมื่อ">{formatThaiDate(c.createdAt, { short: true, withTime: true })}</td>
                <td data-label="โดย">{c.byName ?? '—'}</td>
                <td data-label="หน่วยงาน">{c.unitName}</td>
                <td data-label="บันทึก" class="wrap">{c.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : <p>ยังไม่มีบันทึกการโทร บันทึกได้ที่แต่ละหน่วยงานในหน้า<a href={base}>ติดตามหน่วยงาน</a></p>}
    </>
  );
}
