import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../src/db/pool.ts';
import type { Deps } from '../../src/deps.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import type { LaoType } from '../../src/domain/org/lao-type.ts';
import { findOrgUnitByAnyCode } from '../../src/db/queries/org-units.ts';
import { createAccount } from '../../src/services/users/create-account.ts';

// Factories for tests: small, explicit rows in the real schema.

export async function createLao(db: Db, input: { code: string; nameTh: string; laoType: LaoType; districtCode: string }): Promise<{ id: number; code: string; path: string }> {
  const district = await db.selectFrom('org_units').select(['id', 'path', 'province_code']).where('kind', '=', 'district').where('code', '=', input.districtCode).executeTakeFirstOrThrow();
  const row = await db
    .insertInto('org_units')
    .values({ kind: 'lao', code: input.code, parent_id: district.id, path: '', name_th: input.nameTh, lao_type: input.laoType, province_code: district.province_code, district_code: input.districtCode })
    .returning('id')
    .executeTakeFirstOrThrow();
  const path = `${district.path}${row.id}/`;
  await sql`update org_units set path = ${path} where id = ${row.id}`.execute(db);
  return { id: row.id, code: input.code, path };
}

export type TestUser = { userId: string; username: string; email: string; password: string; role: Role; unitCode: string };

export async function createUserWithRole(deps: Pick<Deps, 'db' | 'auth'>, role: Role, unitCode: string, opts: { username?: string } = {}): Promise<TestUser> {
  const unit = await findOrgUnitByAnyCode(deps.db, unitCode);
  if (!unit) throw new Error(`no unit ${unitCode}`);
  const username = opts.username ?? `${role}.${crypto.randomBytes(3).toString('hex')}`;
  const email = `${username.replace(/\./g, '-')}@test.example`;
  const password = 'correct horse battery staple';
  const userId = await createAccount(deps, { name: `ทดสอบ ${role}`, email, username, password, role, orgUnitId: unit.id }, { actorUserId: null, ip: null, requestId: null });
  return { userId, username, email, password, role, unitCode };
}
