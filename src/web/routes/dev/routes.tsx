import { Hono } from 'hono';
import type { Deps } from '../../../deps.ts';
import { FolderMailer } from '../../../mail/mailer.ts';
import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import type { AppEnv } from '../../context.ts';
import { renderPage } from '../../render.tsx';

// Development only (not mounted in production): the mail the app would have sent, newest first.
export function devRoutes(deps: Pick<Deps, 'mailer'>) {
  const app = new Hono<AppEnv>();
  app.get('/dev/mail', (c) => {
    const mails = deps.mailer instanceof FolderMailer ? deps.mailer.list(50) : [];
    return renderPage(
      c,
      'จดหมายทดสอบ',
      <>
        <h1>จดหมายทดสอบ (เฉพาะเครื่องพัฒนา)</h1>
        <p>ระบบนี้ไม่ได้ตั้งค่า SMTP จดหมายทุกฉบับจึงถูกเก็บเป็นไฟล์ใต้โฟลเดอร์ข้อมูลและแสดงที่นี่ ไม่มีการส่งออกไปจริง</p>
        {mails.length === 0 ? <p>ยังไม่มีจดหมาย</p> : null}
        {mails.map((m) => (
          <article class="card">
            <h2>{m.subject}</h2>
            <p class="muted">ถึง {m.to} · {formatThaiDate(new Date(m.sentAt), { withTime: true })}</p>
            <pre>{m.text}</pre>
          </article>
        ))}
      </>,
    );
  });
  return app;
}
