import { APIError, betterAuth } from 'better-auth';
import { twoFactor, username } from 'better-auth/plugins';
import type pg from 'pg';
import type { Mailer } from '../mail/mailer.ts';

// better-auth on the app's own pool: passwords (scrypt), sessions in PostgreSQL, reset by mail, TOTP.
// Our server-rendered forms call its server API; its HTTP handler is not mounted. Rate limiting and CSRF are ours.

export type AuthOptions = {
  pool: pg.Pool;
  publicUrl: string;
  secret: string;
  sessionIdleMinutes: number;
  mailer: Mailer;
};

export const minPasswordLength = 12;

export function createAuth(opts: AuthOptions) {
  const secure = opts.publicUrl.startsWith('https://');
  return betterAuth({
    appName: 'Matrathan',
    database: opts.pool,
    baseURL: opts.publicUrl,
    basePath: '/auth',
    secret: opts.secret,
    trustedOrigins: [new URL(opts.publicUrl).origin],
    emailAndPassword: {
      enabled: true,
      disableSignUp: false,
      autoSignIn: false,
      minPasswordLength,
      maxPasswordLength: 128,
      resetPasswordTokenExpiresIn: 60 * 60,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, token }) => {
        const link = `${opts.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
        await opts.mailer.send({
          to: user.email,
          subject: 'ตั้งรหัสผ่านใหม่ — ระบบมาตรฐาน',
          text: [
            `เรียน ${user.name}`,
            '',
            'มีการขอตั้งรหัสผ่านใหม่สำหรับบัญชีของท่านในระบบมาตรฐาน',
            `เปิดลิงก์นี้ภายใน 1 ชั่วโมงเพื่อตั้งรหัสผ่านใหม่: ${link}`,
            '',
            'หากท่านไม่ได้ขอ ไม่ต้องทำอะไร รหัสผ่านเดิมยังใช้ได้',
          ].join('\n'),
        });
      },
    },
    user: {
      additionalFields: {
        isActive: { type: 'boolean', required: false, defaultValue: true, input: false },
      },
    },
    session: {
      // Sliding idle timeout: every request after `updateAge` pushes expiry forward by `expiresIn`.
      expiresIn: opts.sessionIdleMinutes * 60,
      updateAge: Math.min(60, Math.floor((opts.sessionIdleMinutes * 60) / 4)),
      cookieCache: { enabled: false },
    },
    rateLimit: { enabled: false },
    advanced: {
      cookiePrefix: 'mt',
      useSecureCookies: secure,
      defaultCookieAttributes: { sameSite: 'lax', httpOnly: true },
    },
    telemetry: { enabled: false },
    logger: { disabled: true },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            const { rows } = await opts.pool.query(`select "isActive" from "user" where id = $1`, [session.userId]);
            if (rows[0]?.isActive === false) throw new APIError('FORBIDDEN', { message: 'Account disabled', code: 'ACCOUNT_DISABLED' });
          },
        },
      },
    },
    plugins: [username({ minUsernameLength: 3, maxUsernameLength: 60 }), twoFactor({ issuer: 'Matrathan', totpOptions: { digits: 6, period: 30 } })],
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** Set-Cookie headers → the Cookie header a browser would send back (for server-side follow-up calls and tests). */
export function cookieHeaderFrom(setCookies: string[]): string {
  return setCookies.map((c) => c.split(';')[0] ?? '').filter((kv) => kv && !kv.endsWith('=')).join('; ');
}
