import { sql } from 'kysely';
import { createLao, createUserWithRole, type TestUser } from '../support/factories.ts';
import type { TestApp } from '../support/web.ts';
import { buildEntryWorld, type EntryWorld } from '../submissions/support.ts';

// The chase tests' world: the data-entry world (ODLOC 2568 open in province 22, due 29 Aug 2568; a เทศบาลตำบล and
// an อบต. in อำเภอ 2206 with their people, the district office of 2206, the provincial office of 22), plus an LAO in
// another district of the province (2201, with an officer) and one in 2206 with nobody at all.
export type ChaseWorld = EntryWorld & {
  farLao: { id: number; code: string; path: string };
  emptyLao: { id: number; code: string; path: string };
  farOfficer: TestUser;
  farDistrict: TestUser;
  owner: TestUser;
};

export async function addRespondent(t: TestApp, roundId: number, lao: { id: number }, laoType: string, districtCode: string): Promise<void> {
  await sql`insert into round_respondents (round_id, org_unit_id, lao_type, province_code, district_code)
    values (${roundId}, ${lao.id}, ${laoType}, ${districtCode.slice(0, 2)}, ${districtCode})`.execute(t.deps.db);
}

export async function buildChaseWorld(t: TestApp): Promise<ChaseWorld> {
  const w = await buildEntryWorld(t);
  const farLao = await createLao(t.deps.db, { code: '8100003', nameTh: 'เทศบาลตำบลไกล', laoType: 'subdistrict', districtCode: '2201' });
  const emptyLao = await createLao(t.deps.db, { code: '8100004', nameTh: 'องค์การบริหารส่วนตำบลว่าง', laoType: 'sao', districtCode: '2206' });
  await addRespondent(t, w.roundId, farLao, 'subdistrict', '2201');
  await addRespondent(t, w.roundId, emptyLao, 'sao', '2206');
  const farOfficer = await createUserWithRole(t.deps, 'lao_officer', '8100003');
  const farDistrict = await createUserWithRole(t.deps, 'district_office', '2201');
  const owner = await createUserWithRole(t.deps, 'programme_admin', 'TH');
  return { ...w, farLao, emptyLao, farOfficer, farDistrict, owner };
}
