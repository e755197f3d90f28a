import type { Deps, RequestMeta } from '../../deps.ts';
import type { Role } from '../../domain/access/roles.ts';
import { insertMembership } from '../../db/queries/access.ts';
import { recordAudit } from '../audit/record-audit.ts';

/** An account made by the system itself (the first admin from the command line, the demo users), with a
 * password and one role. People invited through the product set their own password instead (invite-user.ts). */
export async function createAccount(
  deps: Pick<Deps, 'db' | 'auth'>,
  input: { name: string; email: string; username: string; password: string; role: Role; orgUnitId: number; officeUnitId?: number | null },
  meta: RequestMeta,
): Promise<string> {
  const ctx = await deps.auth.$context;
  const user = await ctx.internalAdapter.createUser({ name: input.name, email: input.email.toLowerCase(), username: input.username.toLowerCase(), displayUsername: input.username, emailVerified: true }, { method: 'admin' });
  await ctx.internalAdapter.linkAccount({ userId: user.id, providerId: 'credential', accountId: user.id, password: await ctx.password.hash(input.password) });
  await deps.db.transaction().execute(async (trx) => {
    await insertMembership(trx, { userId: user.id, role: input.role, orgUnitId: input.orgUnitId, officeUnitId: input.officeUnitId ?? null, createdBy: null });
    await recordAudit(trx, meta, { action: 'user_created', entityType: 'user', entityId: user.id, newValue: { email: input.email, username: input.username, role: input.role, orgUnitId: input.orgUnitId, officeUnitId: input.officeUnitId ?? null } });
  });
  return user.id;
}
