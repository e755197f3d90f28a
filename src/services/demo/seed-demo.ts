import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Deps } from '../../deps.ts';
import type { Role } from '../../domain/access/roles.ts';
import { findOrgUnitByCode } from '../../db/queries/org-units.ts';
import { divisionCode } from '../../domain/org/org-unit.ts';
import { generateRegisterCsv } from '../register/generate-register.ts';
import { importRegister } from '../register/import-register.ts';
import { createApiToken } from '../tokens/api-tokens.ts';
import { createAccount } from '../users/create-account.ts';

export type DemoAccount = { role: Role; username: string; password: string; orgUnitCode: string; apiToken: string };

// The demo: the generated national register, and one account per role in one province (จันทบุรี, where the
// municipality of seed 003 is) and one district (โป่งน้ำร้อน). Passwords are random per installation.
export const demoProvinceCode = '22';
export const demoDistrictCode = '2204';

export async function seedDemo(deps: Deps): Promise<DemoAccount[]> {
  const meta = { actorUserId: null, ip: null, requestId: 'demo-seed' };
  const laoCount = await deps.db.selectFrom('org_units').select(sql<number>`count(*)::int`.as('n')).where('kind', '=', 'lao').executeTakeFirstOrThrow();
  if (laoCount.n === 0) {
    const report = await importRegister(deps, { fileName: 'generated-register.csv', bytes: Buffer.from(generateRegisterCsv(), 'utf8'), dryRun: false, actorUserId: null });
    deps.logger.info({ added: report.added, status: report.status }, 'generated demo register imported');
  }
  const lao = await sql<{ code: string; id: number }>`select code, id from org_units where kind = 'lao' and district_code = ${demoDistrictCode}
    and valid_to is null order by (lao_type = 'subdistrict') desc, name_th limit 1`.execute(deps.db);
  const otherLao = await sql<{ code: string; id: number }>`select code, id from org_units where kind = 'lao' and district_code = ${demoDistrictCode}
    and valid_to is null and code <> ${lao.rows[0]?.code ?? ''} order by name_th limit 1`.execute(deps.db);
  const province = await findOrgUnitByCode(deps.db, 'province', demoProvinceCode);
  const district = await findOrgUnitByCode(deps.db, 'district', demoDistrictCode);
  const country = await findOrgUnitByCode(deps.db, 'country', 'TH');
  const demoLao = lao.rows[0];
  if (!province || !district || !country || !demoLao) throw new Error('demo data: the reference org tree or the register is missing');

  // A division officer of the provincial office (กลุ่มงานการเงิน บัญชีและการตรวจสอบ): the outstanding-office selection.
  const division = await findOrgUnitByCode(deps.db, 'division', divisionCode(demoProvinceCode, 'FIN'));
  const plan: { role: Role; username: string; name: string; unit: { id: number; code: string }; office?: number }[] = [
    { role: 'lao_officer', username: 'demo.lao_officer', name: 'สมศรี ใจดี (เจ้าหน้าที่ อปท. สาธิต)', unit: demoLao },
    { role: 'lao_executive', username: 'demo.lao_executive', name: 'สมชาย รักถิ่น (ปลัด อปท. สาธิต)', unit: demoLao },
    { role: 'district_office', username: 'demo.district_office', name: 'วิภา ประสานงาน (ท้องถิ่นอำเภอ สาธิต)', unit: district },
    { role: 'province_office', username: 'demo.province_office', name: 'ประเสริฐ มั่นคง (ท้องถิ่นจังหวัด สาธิต)', unit: province },
    ...(division ? [{ role: 'province_office' as const, username: 'demo.division_officer', name: 'จันทร์เพ็ญ รอบคอบ (กลุ่มงานการเงิน บัญชีและการตรวจสอบ สาธิต)', unit: province, office: division.id }] : []),
    { role: 'committee_member', username: 'demo.committee_member', name: 'กมล ตรวจตรา (กรรมการ สาธิต)', unit: province },
    { role: 'programme_admin', username: 'demo.programme_admin', name: 'อรุณี วางแผน (ผู้ดูแลโครงการ สกถ. สาธิต)', unit: country },
    { role: 'system_admin', username: 'demo.system_admin', name: 'ผู้ดูแลระบบ สาธิต', unit: country },
  ];
  if (otherLao.rows[0]) plan.push({ role: 'lao_officer', username: 'demo.lao_officer2', name: 'มานพ ขยัน (เจ้าหน้าที่ อปท. อื่นในอำเภอเดียวกัน สาธิต)', unit: otherLao.rows[0] });

  const accounts: DemoAccount[] = [];
  for (const p of plan) {
    const password = `demo-${crypto.randomBytes(6).toString('base64url')}`;
    const userId = await createAccount(deps, { name: p.name, email: `${p.username.replace('.', '-')}@demo.matrathan.example`, username: p.username, password, role: p.role, orgUnitId: p.unit.id, officeUnitId: p.office ?? null }, meta);
    const token = await createApiToken(deps, userId, 'โทเค็นสาธิต', { ...meta, actorUserId: userId });
    accounts.push({ role: p.role, username: p.username, password, orgUnitCode: p.unit.code, apiToken: token.token });
  }
  return accounts;
}
