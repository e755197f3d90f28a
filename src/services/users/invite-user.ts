import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Deps, RequestMeta } from '../../deps.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { canGrantRole } from '../../domain/access/policies.ts';
import type { Role } from '../../domain/access/roles.ts';
import { findOrgUnitByAnyCode } from '../../db/queries/org-units.ts';
import { insertMembership } from '../../db/queries/access.ts';
import { recordAudit } from '../audit/record-audit.ts';

export const inviteValidDays = 7;

export type InviteInput = { name: string; email: string; username: string | null; role: Role; orgUnitCode: string };
export type InviteProblem = { field: keyof InviteInput; message: string };

/** Creates an account with one role, and mails a link to set its password. The account, its role, the link and
 * the audit row are written in one transaction; the mail goes after the commit. */
export async function inviteUser(deps: Pick<Deps, 'db' | 'clock' | 'mailer' | 'config'>, actor: Actor, input: InviteInput, meta: RequestMeta): Promise<{ userId: string } | { problems: InviteProblem[] }> {
  const unit = await findOrgUnitByAnyCode(deps.db, input.orgUnitCode);
  const problems: InviteProblem[] = [];
  if (!unit) problems.push({ field: 'orgUnitCode', message: 'ไม่พบหน่วยงานรหัสนี้ ตรวจสอบรหัส อปท. อำเภอ หรือจังหวัด' });
  else if (!canGrantRole(actor, input.role, unit)) problems.push({ field: 'orgUnitCode', message: 'ท่านกำหนดบทบาทนี้ให้หน่วยงานนี้ไม่ได้ เลือกหน่วยงานในความรับผิดชอบของท่านและประเภทที่ตรงกับบทบาท' });
  const email = input.email.toLowerCase();
  const taken = await deps.db.selectFrom('user').select(['email', 'username']).where((eb) => eb.or([eb('email', '=', email), ...(input.username ? [eb('username', '=', input.username.toLowerCase())] : [])])).execute();
  if (taken.some((u) => u.email === email)) problems.push({ field: 'email', message: 'อีเมลนี้มีบัญชีอยู่แล้ว ค้นหาผู้ใช้นี้แล้วเพิ่มบทบาทแทน' });
  if (input.username && taken.some((u) => u.username === input.username!.toLowerCase())) problems.push({ field: 'username', message: 'ชื่อผู้ใช้นี้มีผู้ใช้แล้ว เลือกชื่ออื่น' });
  if (problems.length > 0 || !unit) return { problems };

  const { userId, token } = await createPendingAccount(deps, { ...input, email, unit }, actor.userId, meta);
  await deps.mailer.send({
    to: email,
    subject: 'คำเชิญเข้าใช้ระบบมาตรฐาน',
    text: [
      `เรียน ${input.name}`,
      '',
      `${actor.name} ได้เพิ่มท่านเป็นผู้ใช้งานระบบมาตรฐานของ ${unit.nameTh}`,
      `ตั้งรหัสผ่านของท่านภายใน ${inviteValidDays} วันที่ลิงก์นี้: ${deps.config.publicUrl}/reset-password?token=${token}`,
      input.username ? `ชื่อผู้ใช้ของท่าน: ${input.username.toLowerCase()}` : `เข้าสู่ระบบด้วยอีเมล: ${email}`,
    ].join('\n'),
  });
  return { userId };
}


/** An account with one role and no password yet, plus a one-time link to set it (the same token a password reset
 * uses), all in one transaction with its audit row. Used by invitations and by the first-admin command. */
export async function createPendingAccount(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: { name: string; email: string; username: string | null; role: Role; unit: { id: number; code: string } },
  createdBy: string | null,
  meta: RequestMeta,
): Promise<{ userId: string; token: string }> {
  const now = deps.clock.now();
  const userId = crypto.randomBytes(16).toString('hex');
  const token = crypto.randomBytes(18).toString('base64url');
  const email = input.email.toLowerCase();
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('user').values({
      id: userId, name: input.name, email, emailVerified: false, image: null, createdAt: now, updatedAt: now,
      username: input.username?.toLowerCase() ?? null, displayUsername: input.username, twoFactorEnabled: false, isActive: true,
    }).execute();
    await sql`insert into verification (id, identifier, value, "expiresAt", "createdAt", "updatedAt")
      values (${crypto.randomBytes(16).toString('hex')}, ${`reset-password:${token}`}, ${userId}, ${new Date(now.getTime() + inviteValidDays * 86_400_000)}, ${now}, ${now})`.execute(trx);
    await insertMembership(trx, { userId, role: input.role, orgUnitId: input.unit.id, officeUnitId: null, createdBy });
    await recordAudit(trx, meta, { action: 'user_invited', entityType: 'user', entityId: userId, newValue: { name: input.name, email, username: input.username, role: input.role, orgUnit: input.unit.code } });
  });
  return { userId, token };
}
