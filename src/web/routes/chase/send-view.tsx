import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { fillPlaceholders } from '../../../domain/reminders/templates.ts';
import type { SendProgressPage } from '../../../services/reminders/load-send-progress.ts';
import { Notice } from '../../components/forms.tsx';
import { Breadcrumbs } from '../submissions/shared-view.tsx';
import { chasePath } from './chase-view.tsx';

// A send in progress (and after): the share of messages out, per channel, who could not be told, what failed. While
// it runs the page asks the browser to load it again every few seconds (the Refresh header; no JavaScript).

export const refreshSeconds = 5;
export const channelLabels: Record<string, string> = { in_app: 'ในระบบ', email: 'อีเมล', line: 'LINE' };
export const sendKindLabels: Record<string, string> = { manual: 'ส่งจากหน้าติดตาม', before_due: 'เตือนก่อนกำหนดส่ง (อัตโนมัติ)', extension: 'แจ้งการขยายเวลา (อัตโนมัติ)', escalation: 'แจ้งหน่วยงานกำกับ (อัตโนมัติ)' };
const n = (x: number) => x.toLocaleString('th-TH');

export function SendProgressView(p: { page: SendProgressPage; notice?: string | undefined }) {
  const { send, round } = p.page;
  const pct = p.page.total ? Math.floor((p.page.done / p.page.total) * 100) : 100;
  const sent = p.page.channels.reduce((a, c) => a + c.sent, 0);
  const failed = p.page.channels.reduce((a, c) => a + c.failed, 0);
  const base = chasePath(round.id);
  return (
    <>
      <Breadcrumbs items={[{ href: '/rounds', label: 'รอบการประเมิน' }, { href: `/rounds/${round.id}`, label: round.title }, { href: base, label: 'ติดตามหน่วยงาน' }]} />
      <h1>การส่งข้อความเตือน</h1>
      {p.notice ? <Notice kind="success">{p.notice}</Notice> : null}
      <dl class="summary-list">
        <dt>แบบข้อความ</dt><dd>{send.templateTitle ?? send.templateCode}: {fillPlaceholders(send.subject, { round: round.title })}</dd>
        <dt>ส่งโดย</dt><dd>{send.sentBy ? send.sentByName ?? 'ผู้ใช้ที่ถูกลบ' : sendKindLabels[send.kind]} เมื่อ <span class="nowrap">{formatThaiDate(send.createdAt, { withTime: true })}</span></dd>
        <dt>ช่องทาง</dt><dd>{send.channels.map((c) => channelLabels[c] ?? c).join(', ')}</dd>
        <dt>หน่วยงาน</dt><dd>{n(send.targetCount)} แห่ง{p.page.noRecipient.length ? ` (ไม่มีผู้รับ ${n(p.page.noRecipient.length)} แห่ง)` : ''}</dd>
      </dl>
      <h2 id="progress-heading">{p.page.finished ? 'ส่งครบแล้ว' : 'กำลังส่ง'}</h2>
      <p><strong>ส่งแล้ว {n(sent)} จาก {n(p.page.total)} ข้อความ ({n(pct)}%)</strong>{failed ? ` · ไม่สำเร็จ ${n(failed)}` : ''}</p>
      <progress max={String(Math.max(1, p.page.total))} value={String(p.page.total ? p.page.done : 1)} aria-labelledby="progress-heading">{n(pct)}%</progress>
      {p.page.finished
        ? (send.finishedAt ? <p class="hint">เสร็จเมื่อ {formatThaiDate(send.finishedAt, { withTime: true })}</p> : null)
        : <p class="hint">หน้านี้ปรับปรุงเองทุก {refreshSeconds} วินาทีจนส่งครบ · <a href="">ปรับปรุงตอนนี้</a></p>}
      <div class="table-scroll">
        <table class="chase-channels">
          <thead><tr><th scope="col">ช่องทาง</th><th scope="col" class="num">รอส่ง</th><th scope="col" class="num">กำลังส่ง</th><th scope="col" class="num">ส่งแล้ว</th><th scope="col" class="num">ไม่สำเร็จ</th></tr></thead>
          <tbody>
            {p.page.channels.map((c) => (
              <tr><th scope="row">{channelLabels[c.channel] ?? c.channel}</th><td class="num">{n(c.queued)}</td><td class="num">{n(c.sending)}</td><td class="num">{n(c.sent)}</td><td class="num">{n(c.failed)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.page.noRecipient.length ? (
        <>
          <h2>ไม่มีผู้รับ ({n(p.page.noRecipient.length)} แห่ง)</h2>
          <p>หน่วยงานเหล่านี้ยังไม่มีบัญชีผู้ใช้ที่ใช้งานอยู่ จึงไม่มีใครได้รับข้อความ ติดต่อทางอื่น หรือเพิ่มผู้ใช้ให้หน่วยงานที่หน้าผู้ใช้งาน</p>
          <ul class="chase-no-recipient">{p.page.noRecipient.map((u) => <li>{u.name} <span class="muted small">({u.code})</span></li>)}</ul>
        </>
      ) : null}
      {p.page.failed.length ? (
        <>
          <h2>ส่งไม่สำเร็จ</h2>
          <table class="table-stack">
            <thead><tr><th scope="col">หน่วยงาน</th><th scope="col">ผู้รับ</th><th scope="col">ช่องทาง</th><th scope="col">สาเหตุ</th></tr></thead>
            <tbody>{p.page.failed.map((f) => <tr><td data-label="หน่วยงาน">{f.name}</td><td data-label="ผู้รับ">{f.userName}</td><td data-label="ช่องทาง">{channelLabels[f.channel] ?? f.channel}</td><td data-label="สาเหตุ" class="small">{f.error ?? '—'}</td></tr>)}</tbody>
          </table>
        </>
      ) : null}
      <ul class="inline-list">
        <li><a href={base}>กลับไปหน้าติดตาม</a></li>
        <li><a href={`${base}/log`}>บันทึกการติดตาม</a></li>
      </ul>
    </>
  );
}
