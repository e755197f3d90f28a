import type { NotificationRow } from '../../../db/queries/notifications.ts';
import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { CsrfField, Notice } from '../../components/forms.tsx';

// What changed for me: newest first, unread ones marked in words (not by colour alone), each opened through
// /notifications/:id/open so that following it also marks it read. Every action is a plain form.

const kindLabels: Record<string, { label: string; tag: string }> = {
  submission_returned: { label: 'ส่งกลับให้แก้ไข', tag: 'tag tag-red' },
  submission_accepted: { label: 'รับรองข้อมูลแล้ว', tag: 'tag tag-green' },
  extension_granted: { label: 'ขยายเวลา', tag: 'tag' },
  extension_refused: { label: 'ไม่อนุมัติขยายเวลา', tag: 'tag tag-warning' },
  reminder: { label: 'เตือนส่งข้อมูล', tag: 'tag tag-warning' },
};
const kindOf = (kind: string) => kindLabels[kind] ?? { label: 'แจ้งเพื่อทราบ', tag: 'tag tag-grey' };
const n = (v: number) => v.toLocaleString('th-TH');

export const openPath = (id: number) => `/notifications/${id}/open`;

export function NotificationItem(p: { item: NotificationRow; csrf: string; back: string; heading?: 'h2' | 'h3' }) {
  const { item } = p;
  const kind = kindOf(item.kind);
  const Heading = p.heading ?? 'h2';
  const unread = !item.readAt;
  return (
    <li class={unread ? 'notification notification-unread' : 'notification'} id={`n-${item.id}`}>
      <p class="notification-meta">
        {unread ? <strong class="tag tag-unread">ยังไม่ได้อ่าน</strong> : <span class="visually-hidden">อ่านแล้ว</span>}
        <span class={kind.tag}>{kind.label}</span>
        <span class="date muted">{formatThaiDate(item.createdAt, { short: true, withTime: true })}</span>
      </p>
      <Heading class="notification-title">{item.link ? <a href={openPath(item.id)}>{item.title}</a> : item.title}</Heading>
      <p class="notification-body">{item.body}</p>
      {unread && p.csrf ? (
        <form method="post" action={`/notifications/${item.id}/read`} class="notification-action">
          <CsrfField token={p.csrf} />
          <input type="hidden" name="back" value={p.back} />
          <button type="submit" class="link-button">ทำเครื่องหมายว่าอ่านแล้ว<span class="visually-hidden">: {item.title}</span></button>
        </form>
      ) : null}
    </li>
  );
}

export function NotificationsView(p: { rows: NotificationRow[]; total: number; unread: number; page: number; pages: number; csrf: string; notice?: string | undefined }) {
  const back = p.page > 1 ? `/notifications?page=${p.page}` : '/notifications';
  return (
    <>
      <h1>การแจ้งเตือน</h1>
      {p.notice ? <Notice kind="success">{p.notice}</Notice> : null}
      <p>
        {p.total === 0 ? 'ยังไม่มีการแจ้งเตือน เมื่อข้อมูลของหน่วยงานถูกส่งกลับ รับรอง ขยายเวลา หรือมีการเตือนให้ส่งข้อมูล จะแสดงที่นี่'
          : `ยังไม่ได้อ่าน ${n(p.unread)} รายการ จากทั้งหมด ${n(p.total)} รายการ`}
      </p>
      {p.unread > 0 ? (
        <form method="post" action="/notifications/read-all" class="button-group">
          <CsrfField token={p.csrf} />
          <input type="hidden" name="back" value={back} />
          <button type="submit" class="button button-secondary">ทำเครื่องหมายว่าอ่านแล้วทั้งหมด</button>
        </form>
      ) : null}
      {p.rows.length ? (
        <ol class="notification-list">
          {p.rows.map((item) => <NotificationItem item={item} csrf={p.csrf} back={back} />)}
        </ol>
      ) : null}
      {p.pages > 1 ? (
        <nav class="pagination" aria-label="หน้า">
          {p.page > 1 ? <a href={p.page === 2 ? '/notifications' : `/notifications?page=${p.page - 1}`}>« ใหม่กว่า</a> : null}
          <span>หน้า {n(p.page)} จาก {n(p.pages)}</span>
          {p.page < p.pages ? <a href={`/notifications?page=${p.page + 1}`}>เก่ากว่า »</a> : null}
        </nav>
      ) : null}
    </>
  );
}
