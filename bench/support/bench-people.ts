import crypto from 'node:crypto';
import { sql } from 'kysely';
import { serializeSignedCookie } from 'better-call';
import type { Deps } from '../../src/deps.ts';
import { findCountry } from '../../src/db/queries/org-units.ts';
import { createAccount } from '../../src/services/users/create-account.ts';

// Signed-in people for a load bench, made in bulk: one account made properly, the rest sharing its password hash
// (thousands of scrypt hashes would take minutes); sessions made the way sign-in makes them, with their signed
// cookies (sign-in itself is throttled per address, so a bench cannot sign thousands in).

export type BenchPerson = { userId: string; unitId: number; role: string; cookie: string };

export const benchAuthSecret = 'bench-secret-0123456789-abcdefghijklmnopqrstuvwxyz';

export async function createBenchPeople(deps: Deps, wanted: { unitId: number; role: string }[]): Promise<BenchPerson[]> {
  const meta = { actorUserId: null, ip: null, requestId: 'bench' };
  const country = (await findCountry(deps.db))!;
  const tag = crypto.randomBytes(3).toString('hex');
  const templateId = await createAccount(deps, { name: 'bench template', email: `template-${tag}@bench.example`, username: `bench.template.${tag}`, password: 'bench password 123', role: 'programme_admin', orgUnitId: country.id }, meta);
  const hash = (await sql<{ password: string }>`select password from account where "userId" = ${templateId}`.execute(deps.db)).rows[0]!.password;
  const people = wanted.map((w) => ({ ...w, userId: crypto.randomUUID() }));
  for (let i = 0; i < people.length; i += 500) {
    const chunk = people.slice(i, i + 500);
    await sql`insert into "user" (id, name, email, "emailVerified", username, "displayUsername")
      select id, 'ผู้ทดสอบ ' || n, 'bench' || n || '@bench.example', true, 'bench.' || n, 'bench.' || n
      from unnest(${sql.val(chunk.map((p) => p.userId))}::text[], ${sql.val(chunk.map((_, j) => `${tag}.${i + j}`))}::text[]) as t(id, n)`.execute(deps.db);
    await sql`insert into account (id, "accountId", "providerId", "userId", password, "updatedAt")
      select gen_random_uuid()::text, id, 'credential', id, ${hash}, now() from unnest(${sql.val(chunk.map((p) => p.userId))}::text[]) as t(id)`.execute(deps.db);
    await sql`insert into memberships (user_id, role, org_unit_id)
      select * from unnest(${sql.val(chunk.map((p) => p.userId))}::text[], ${sql.val(chunk.map((p) => p.role))}::text[], ${sql.val(chunk.map((p) => p.unitId))}::bigint[])`.execute(deps.db);
  }
  const ctx = await deps.auth.$context;
  const out: BenchPerson[] = [];
  for (const p of people) {
    const session = await ctx.internalAdapter.createSession(p.userId);
    out.push({ ...p, cookie: (await serializeSignedCookie('mt.session_token', session.token, benchAuthSecret)).split(';')[0]! });
  }
  return out;
}
