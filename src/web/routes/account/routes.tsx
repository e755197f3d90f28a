import { Hono, type Context } from 'hono';
import { APIError } from 'better-auth';
import QRCode from 'qrcode';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { minPasswordLength } from '../../../auth/create-auth.ts';
import { listApiTokens } from '../../../db/queries/api-tokens.ts';
import { confirmTotpEnrolment, startTotpEnrolment } from '../../../services/auth/second-factor.ts';
import { recordAudit } from '../../../services/audit/record-audit.ts';
import { createApiToken, revokeOwnApiToken } from '../../../services/tokens/api-tokens.ts';
import type { AppEnv } from '../../context.ts';
import { fieldErrors, formBody } from '../../forms.ts';
import { requireActor } from '../../middleware/session.ts';
import { appendSetCookies, requestMeta } from '../../request-meta.ts';
import { renderPage } from '../../render.tsx';
import { AccountView, TotpSetupView } from './view.tsx';
import { findLineUserId } from '../../../db/queries/reminders.ts';
import { lineUserIdPattern, linkLineAccount } from '../../../services/reminders/link-line-account.ts';

const tokenForm = z.object({ name: z.string({ error: 'ตั้งชื่อโทเค็น เช่น "ระบบบัญชีของเทศบาล"' }).trim().min(1, 'ตั้งชื่อโทเค็น เช่น "ระบบบัญชีของเทศบาล"').max(100, 'ชื่อโทเค็นยาวได้ไม่เกิน 100 ตัวอักษร') });
const newPasswordMessage = `รหัสผ่านใหม่ต้องยาว ${minPasswordLength}–128 ตัวอักษร`;
const passwordForm = z.object({
  current: z.string({ error: 'กรอกรหัสผ่านปัจจุบัน' }).min(1, 'กรอกรหัสผ่านปัจจุบัน').max(256, 'กรอกรหัสผ่านปัจจุบัน'),
  password: z.string({ error: newPasswordMessage }).min(minPasswordLength, newPasswordMessage).max(128, newPasswordMessage),
});

export function accountRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.use('/account', requireActor);
  app.use('/account/*', requireActor);

  const show = async (c: Context<AppEnv>, extra: Partial<Parameters<typeof AccountView>[0]> = {}, status: 200 | 422 = 200) => {
    const actor = c.get('actor')!;
    const tokens = await listApiTokens(deps.db, actor.userId);
    const line = deps.line ? { lineUserId: await findLineUserId(deps.db, actor.userId), value: extra.line?.value, errors: extra.line?.errors } : undefined;
    return renderPage(c, 'บัญชีของฉัน', <AccountView csrf={c.get('csrfToken')} actor={actor} twoFactorEnabled={actor.twoFactorEnabled} tokens={tokens} {...extra} line={line} />, status);
  };

  app.get('/account', (c) => show(c, { notice: c.req.query('done') === 'password' ? 'เปลี่ยนรหัสผ่านแล้ว' : c.req.query('done') === 'totp' ? 'เปิดใช้การยืนยันตัวตนสองขั้นตอนแล้ว' : c.req.query('done') === 'revoked' ? 'ยกเลิกโทเค็นแล้ว' : c.req.query('done') === 'line' ? 'บันทึก LINE user ID แล้ว' : undefined }));

  // Where reminders may go by LINE: the LINE user id they are pushed to (blank removes it).
  app.post('/account/line', async (c) => {
    const value = ((await formBody(c)).lineUserId ?? '').trim().slice(0, 100);
    if (value && !lineUserIdPattern.test(value)) {
      return show(c, { line: { lineUserId: null, value, errors: { lineUserId: 'LINE user ID ขึ้นต้นด้วย U ตามด้วยตัวเลขและตัวอักษร a–f รวม 32 ตัว เช่น U4af4980629...' } } }, 422);
    }
    await linkLineAccount(deps, c.get('actor')!.userId, value || null, requestMeta(c));
    return c.redirect('/account?done=line#line', 303);
  });

  app.post('/account/tokens', async (c) => {
    const parsed = tokenForm.safeParse(await formBody(c));
    if (!parsed.success) return show(c, { tokenErrors: fieldErrors(parsed.error) }, 422);
    const created = await createApiToken(deps, c.get('actor')!.userId, parsed.data.name, requestMeta(c));
    return show(c, { newToken: created.token });
  });

  app.post('/account/tokens/:id/revoke', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isSafeInteger(id) || id <= 0) return c.notFound();
    await revokeOwnApiToken(deps, c.get('actor')!.userId, id, requestMeta(c));
    return c.redirect('/account?done=revoked', 303);
  });

  app.post('/account/password', async (c) => {
    const parsed = passwordForm.safeParse(await formBody(c));
    if (!parsed.success) return show(c, { passwordErrors: fieldErrors(parsed.error) }, 422);
    try {
      const r = await deps.auth.api.changePassword({
        body: { currentPassword: parsed.data.current, newPassword: parsed.data.password, revokeOtherSessions: true },
        headers: new Headers({ cookie: c.req.header('cookie') ?? '' }),
        returnHeaders: true,
      });
      appendSetCookies(c, r.headers.getSetCookie());
    } catch (e) {
      if (e instanceof APIError) return show(c, { passwordErrors: { current: 'รหัสผ่านปัจจุบันไม่ถูกต้อง' } }, 422);
      throw e;
    }
    await recordAudit(deps.db, requestMeta(c), { action: 'password_changed', entityType: 'user', entityId: c.get('actor')!.userId });
    return c.redirect('/account?done=password', 303);
  });

  app.get('/account/two-factor', (c) => renderPage(c, 'การยืนยันตัวตนสองขั้นตอน', <TotpSetupView csrf={c.get('csrfToken')} required={c.req.query('required') === '1'} />));

  app.post('/account/two-factor', async (c) => {
    const raw = await formBody(c);
    if (!raw.password) return renderPage(c, 'การยืนยันตัวตนสองขั้นตอน', <TotpSetupView csrf={c.get('csrfToken')} errors={{ password: 'กรอกรหัสผ่านปัจจุบันเพื่อยืนยันว่าเป็นท่าน' }} />, 422);
    const r = await startTotpEnrolment(deps, { cookieHeader: c.req.header('cookie') ?? '', password: raw.password.slice(0, 256) });
    if (!r.ok) return renderPage(c, 'การยืนยันตัวตนสองขั้นตอน', <TotpSetupView csrf={c.get('csrfToken')} errors={{ password: 'รหัสผ่านไม่ถูกต้อง' }} />, 422);
    appendSetCookies(c, r.setCookies);
    const qrSvg = await QRCode.toString(r.totpUri, { type: 'svg', margin: 1, width: 200 });
    const secret = new URL(r.totpUri).searchParams.get('secret') ?? '';
    return renderPage(c, 'การยืนยันตัวตนสองขั้นตอน', <TotpSetupView csrf={c.get('csrfToken')} qrSvg={qrSvg} secret={secret} backupCodes={r.backupCodes} />);
  });

  app.post('/account/two-factor/confirm', async (c) => {
    const raw = await formBody(c);
    const code = (raw.code ?? '').slice(0, 32);
    const r = /^\s*\d{6}\s*$/.test(code) ? await confirmTotpEnrolment(deps, { cookieHeader: c.req.header('cookie') ?? '', code }) : { ok: false as const };
    if (!r.ok) return renderPage(c, 'การยืนยันตัวตนสองขั้นตอน', <TotpSetupView csrf={c.get('csrfToken')} confirmError="รหัสไม่ถูกต้อง กรอกรหัส 6 หลักล่าสุดจากแอป หรือเริ่มตั้งค่าใหม่" />, 422);
    appendSetCookies(c, r.setCookies);
    await recordAudit(deps.db, requestMeta(c), { action: 'two_factor_enabled', entityType: 'user', entityId: c.get('actor')!.userId });
    return c.redirect('/account?done=totp', 303);
  });

  return app;
}
