import { Hono } from 'hono';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { minPasswordLength } from '../../../auth/create-auth.ts';
import { requestPasswordReset, resetPassword } from '../../../services/auth/password-reset.ts';
import type { AppEnv } from '../../context.ts';
import { CsrfField, ErrorSummary, TextField, type FieldErrors } from '../../components/forms.tsx';
import { fieldErrors, formBody } from '../../forms.ts';
import { requestMeta } from '../../request-meta.ts';
import { renderPage } from '../../render.tsx';

const forgotForm = z.object({ identifier: z.string({ error: 'กรอกชื่อผู้ใช้หรืออีเมล' }).trim().min(1, 'กรอกชื่อผู้ใช้หรืออีเมล').max(254, 'ชื่อผู้ใช้หรืออีเมลยาวเกินไป') });
const passwordMessage = `รหัสผ่านใหม่ต้องยาว ${minPasswordLength}–128 ตัวอักษร`;
const resetForm = z
  .object({
    token: z.string({ error: 'ลิงก์ไม่ถูกต้อง' }).min(10, 'ลิงก์ไม่ถูกต้อง').max(200, 'ลิงก์ไม่ถูกต้อง'),
    password: z.string({ error: passwordMessage }).min(minPasswordLength, passwordMessage).max(128, passwordMessage),
    confirm: z.string({ error: 'กรอกรหัสผ่านใหม่อีกครั้ง' }),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'รหัสผ่านทั้งสองช่องไม่ตรงกัน พิมพ์ให้ตรงกัน' });

function ForgotView(props: { csrf: string; identifier?: string; errors?: FieldErrors; sent?: boolean }) {
  if (props.sent) {
    return (
      <>
        <h1>ตรวจสอบอีเมลของท่าน</h1>
        <p>หากบัญชีนี้มีอยู่ในระบบ เราได้ส่งลิงก์สำหรับตั้งรหัสผ่านใหม่ไปยังอีเมลที่ลงทะเบียนไว้แล้ว ลิงก์ใช้ได้ 1 ชั่วโมง</p>
        <p><a href="/sign-in">กลับไปหน้าเข้าสู่ระบบ</a></p>
      </>
    );
  }
  return (
    <>
      <h1>ลืมรหัสผ่าน</h1>
      <ErrorSummary errors={props.errors ?? {}} />
      <p>กรอกชื่อผู้ใช้หรืออีเมลของท่าน ระบบจะส่งลิงก์สำหรับตั้งรหัสผ่านใหม่ไปยังอีเมลที่ลงทะเบียนไว้</p>
      <form method="post" action="/forgot-password" novalidate>
        <CsrfField token={props.csrf} />
        <TextField name="identifier" label="ชื่อผู้ใช้หรืออีเมล" value={props.identifier} error={props.errors?.identifier} autocomplete="username" />
        <button type="submit" class="button">ส่งลิงก์ตั้งรหัสผ่านใหม่</button>
      </form>
    </>
  );
}

function ResetView(props: { csrf: string; token: string; errors?: FieldErrors }) {
  return (
    <>
      <h1>ตั้งรหัสผ่านใหม่</h1>
      <ErrorSummary errors={props.errors ?? {}} />
      <form method="post" action="/reset-password" novalidate>
        <CsrfField token={props.csrf} />
        <input type="hidden" name="token" value={props.token} />
        <TextField name="password" label="รหัสผ่านใหม่" type="password" hint={`อย่างน้อย ${minPasswordLength} ตัวอักษร ใช้วลีที่จำง่ายแต่เดายากได้`} error={props.errors?.password} autocomplete="new-password" />
        <TextField name="confirm" label="ยืนยันรหัสผ่านใหม่" type="password" error={props.errors?.confirm} autocomplete="new-password" />
        <button type="submit" class="button">ตั้งรหัสผ่านใหม่</button>
      </form>
    </>
  );
}

export function passwordRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.get('/forgot-password', (c) => renderPage(c, 'ลืมรหัสผ่าน', <ForgotView csrf={c.get('csrfToken')} />));
  app.post('/forgot-password', async (c) => {
    const raw = await formBody(c);
    const parsed = forgotForm.safeParse(raw);
    if (!parsed.success) return renderPage(c, 'ลืมรหัสผ่าน', <ForgotView csrf={c.get('csrfToken')} identifier={raw.identifier?.slice(0, 254)} errors={fieldErrors(parsed.error)} />, 422);
    await requestPasswordReset(deps, { identifier: parsed.data.identifier }, requestMeta(c));
    return renderPage(c, 'ตรวจสอบอีเมลของท่าน', <ForgotView csrf={c.get('csrfToken')} sent />);
  });
  app.get('/reset-password', (c) => {
    const token = c.req.query('token') ?? '';
    if (!token) return c.redirect('/forgot-password', 303);
    return renderPage(c, 'ตั้งรหัสผ่านใหม่', <ResetView csrf={c.get('csrfToken')} token={token.slice(0, 200)} />);
  });
  app.post('/reset-password', async (c) => {
    const raw = await formBody(c);
    const parsed = resetForm.safeParse(raw);
    const token = (raw.token ?? '').slice(0, 200);
    if (!parsed.success) return renderPage(c, 'ตั้งรหัสผ่านใหม่', <ResetView csrf={c.get('csrfToken')} token={token} errors={fieldErrors(parsed.error)} />, 422);
    const result = await resetPassword(deps, { token: parsed.data.token, newPassword: parsed.data.password }, requestMeta(c));
    if (!result.ok) {
      const errors = result.reason === 'weak_password' ? { password: passwordMessage } : { password: 'ลิงก์นี้หมดอายุหรือถูกใช้ไปแล้ว ขอลิงก์ใหม่ที่หน้า "ลืมรหัสผ่าน"' };
      return renderPage(c, 'ตั้งรหัสผ่านใหม่', <ResetView csrf={c.get('csrfToken')} token={token} errors={errors} />, 422);
    }
    return c.redirect('/sign-in?reset=1', 303);
  });
  return app;
}
