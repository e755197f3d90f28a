import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { findProgrammeByCode } from '../../src/db/queries/frameworks.ts';
import { findOrgUnitByAnyCode } from '../../src/db/queries/org-units.ts';
import { insertEvidence } from '../../src/db/queries/evidence.ts';
import { findOrCreateSubmission } from '../../src/db/queries/submissions.ts';
import { insertExtension } from '../../src/db/queries/rounds.ts';
import type { Role } from '../../src/domain/access/roles.ts';
import { importFramework } from '../../src/services/framework/import-framework.ts';
import { changeRoundState } from '../../src/services/rounds/change-round-state.ts';
import { createRound } from '../../src/services/rounds/create-round.ts';
import { roles } from '../../src/domain/access/roles.ts';
import { importRegister } from '../../src/services/register/import-register.ts';
import { newStorageKey } from '../../src/services/evidence/storage.ts';
import { createApiToken } from '../../src/services/tokens/api-tokens.ts';
import { createLao, createUserWithRole, type TestUser } from '../support/factories.ts';
import { Browser, type TestApp } from '../support/web.ts';

// The world the authorisation matrix runs in: one actor per role placed around LAO A, and target LAOs at every
// distance from it — the same district, another district of the province, another province.
export const scopes = ['own', 'same_district', 'other_district', 'other_province'] as const;
export type Scope = (typeof scopes)[number];
export type Principal = Role | 'anonymous';
export const principals: Principal[] = [...roles, 'anonymous'];

export const laoCodes: Record<Scope, string> = { own: '5220601', same_district: '6220602', other_district: '5220101', other_province: '5200101' };

const homeUnit: Record<Role, string> = {
  lao_officer: laoCodes.own,
  lao_executive: laoCodes.own,
  district_office: '2206',
  province_office: '22',
  committee_member: '22',
  programme_admin: 'TH',
  system_admin: 'TH',
};

export type World = {
  t: TestApp;
  users: Record<Role, TestUser & { browser: Browser; apiToken: string }>;
  anonymous: Browser;
  /** A fresh LAO officer account at the scope's LAO (no password; created straight in the tables, so it is cheap). */
  targetUser(scope: Scope): Promise<{ userId: string; membershipId: number }>;
  ownTokenId(role: Role): Promise<number>;
  otherTokenId(): Promise<number>;
  registerImportId(): Promise<number>;
  /** The framework imported from test/fixtures/frameworks/small-valid.yaml (LAO types subdistrict and sao). */
  frameworkVersionId: number;
  programmeId: number;
  /** An open round of that framework whose respondents are the world's four LAOs. */
  roundId: number;
  /** Another open round like it (a new fiscal year each time), for requests that may be made once per round. */
  freshRound(): Promise<number>;
  /** A new pending extension request of the scope's LAO in the open round. */
  pendingExtension(scope: Scope): Promise<number>;
  /** DLA's quarterly monitoring framework (a draft with the standards master list), imported when first asked for. */
  listVersionId(): Promise<number>;
  /** Unit ids by code (LAO, district, province). */
  unitId(code: string): Promise<number>;
  /** Open rounds of their own for the data-entry pages (made when first asked for): 'entry' takes the section saves
   * and assignments; 'quiet' is never written to (marking ready, sending, reviewing it are refused as incomplete). */
  submissionRound(kind: 'entry' | 'quiet'): Promise<number>;
  /** A round of the small framework opened, closed and published (made when first asked for): public results. */
  publishedRound(): Promise<number>;
  /** A new evidence file (a small PDF on indicator A3-01) of the scope's LAO in the open round. */
  evidenceId(scope: Scope): Promise<number>;
};

export const day = 24 * 60 * 60 * 1000;
const systemMeta = { actorUserId: null, ip: null, requestId: null };

/** Opens a round of the small framework for a fiscal year: opened yesterday, due in 30 days. */
export async function openTestRound(t: TestApp, programmeId: number, frameworkVersionId: number, fiscalYear: number): Promise<number> {
  const now = t.clock.now().getTime();
  const dueAt = new Date(now + 30 * day);
  const { roundId } = await createRound(t.deps, null, {
    programmeId, frameworkVersionId, title: `รอบทดสอบ ${fiscalYear}`, fiscalYear, quarter: null, opensAt: new Date(now - day), dueAt,
    lateUntil: new Date(dueAt.getTime() + 7 * day), editClosesAt: new Date(dueAt.getTime() + 14 * day), laoTypes: ['subdistrict', 'sao'], provinceCodes: null, excludedProvinceCodes: [],
  }, systemMeta);
  await changeRoundState(t.deps, null, { roundId, to: 'open' }, systemMeta);
  return roundId;
}

export async function importSmallFramework(t: TestApp): Promise<{ frameworkVersionId: number; programmeId: number }> {
  const bytes = await fs.readFile(path.resolve(import.meta.dirname, '../fixtures/frameworks/small-valid.yaml'));
  const imported = await importFramework(t.deps, null, { bytes, fileName: 'small-valid.yaml' }, systemMeta);
  if (!imported.ok) throw new Error(`small-valid.yaml did not import: ${JSON.stringify(imported.problems)}`);
  const programme = await findProgrammeByCode(t.deps.db, imported.doc.programme.code);
  return { frameworkVersionId: imported.versionId, programmeId: programme!.id };
}

export async function buildWorld(t: TestApp): Promise<World> {
  await createLao(t.deps.db, { code: laoCodes.own, nameTh: 'เทศบาลตำบลเอ', laoType: 'subdistrict', districtCode: '2206' });
  await createLao(t.deps.db, { code: laoCodes.same_district, nameTh: 'องค์การบริหารส่วนตำบลบี', laoType: 'sao', districtCode: '2206' });
  await createLao(t.deps.db, { code: laoCodes.other_district, nameTh: 'เทศบาลตำบลซี', laoType: 'subdistrict', districtCode: '2201' });
  await createLao(t.deps.db, { code: laoCodes.other_province, nameTh: 'เทศบาลตำบลดี', laoType: 'subdistrict', districtCode: '2001' });

  const users = {} as World['users'];
  for (const role of roles) {
    const u = await createUserWithRole(t.deps, role, homeUnit[role], { username: `m.${role}` });
    const browser = new Browser(t.app);
    const res = await browser.signIn(u.username, u.password);
    if (res.status !== 303) throw new Error(`could not sign in ${role}: ${res.status}`);
    const token = await createApiToken(t.deps, u.userId, 'matrix', { actorUserId: u.userId, ip: null, requestId: null });
    users[role] = { ...u, browser, apiToken: token.token };
  }
  const anonymous = new Browser(t.app);
  await anonymous.get('/sign-in');

  const { frameworkVersionId, programmeId } = await importSmallFramework(t);
  const roundId = await openTestRound(t, programmeId, frameworkVersionId, 2568);
  let nextFiscalYear = 2600;

  let otherToken: number | undefined;
  let registerImport: number | undefined;
  let listVersion: number | undefined;
  const submissionRounds: Partial<Record<'entry' | 'quiet', number>> = {};
  let published: number | undefined;
  const world: World = {
    t,
    users,
    anonymous,
    frameworkVersionId,
    programmeId,
    roundId,
    freshRound: () => openTestRound(t, programmeId, frameworkVersionId, nextFiscalYear++),
    async pendingExtension(scope) {
      const now = t.clock.now().getTime();
      return insertExtension(t.deps.db, {
        roundId, scope: 'respondent', orgUnitId: await world.unitId(laoCodes[scope]), newDueAt: new Date(now + 40 * day), reason: 'น้ำท่วมสำนักงาน เอกสารเสียหาย',
        status: 'requested', requestedBy: null, requestedAt: new Date(now),
      });
    },
    async listVersionId() {
      if (listVersion === undefined) {
        const bytes = await fs.readFile(path.resolve(import.meta.dirname, '../../frameworks/dla-standards-monitoring.yaml'));
        const imported = await importFramework(t.deps, null, { bytes, fileName: 'dla-standards-monitoring.yaml' }, systemMeta);
        if (!imported.ok) throw new Error('dla-standards-monitoring.yaml did not import');
        listVersion = imported.versionId;
      }
      return listVersion;
    },
    async evidenceId(scope) {
      const bytes = Buffer.from('%PDF-1.4\n%%EOF\n');
      const storageKey = newStorageKey();
      await t.deps.storage.put(storageKey, bytes, 'application/pdf');
      const submission = await findOrCreateSubmission(t.deps.db, roundId, await world.unitId(laoCodes[scope]), t.clock.now());
      return insertEvidence(t.deps.db, {
        submissionId: submission.id, indicatorCode: 'A3-01', fieldKey: null, fileName: 'หลักฐาน.pdf', contentType: 'application/pdf', sizeBytes: bytes.length,
        sha256: crypto.createHash('sha256').update(bytes).digest('hex'), storageKey, uploadedBy: null, at: t.clock.now(),
      });
    },
    async submissionRound(kind) {
      submissionRounds[kind] ??= await openTestRound(t, programmeId, frameworkVersionId, nextFiscalYear++);
      return submissionRounds[kind];
    },
    async publishedRound() {
      if (published === undefined) {
        const id = await openTestRound(t, programmeId, frameworkVersionId, nextFiscalYear++);
        for (const to of ['closed', 'published'] as const) await changeRoundState(t.deps, null, { roundId: id, to }, systemMeta);
        published = id;
      }
      return published;
    },
    async unitId(code) {
      const unit = await findOrgUnitByAnyCode(t.deps.db, code);
      if (!unit) throw new Error(`no unit ${code}`);
      return unit.id;
    },
    async targetUser(scope) {
      const userId = crypto.randomBytes(16).toString('hex');
      await t.deps.db.insertInto('user').values({ id: userId, name: `เป้าหมาย ${scope}`, email: `${userId}@target.example`, emailVerified: true, image: null, createdAt: new Date(), updatedAt: new Date(), username: null, displayUsername: null, twoFactorEnabled: false, isActive: true }).execute();
      const unit = await t.deps.db.selectFrom('org_units').select('id').where('kind', '=', 'lao').where('code', '=', laoCodes[scope]).executeTakeFirstOrThrow();
      const m = await t.deps.db.insertInto('memberships').values({ user_id: userId, role: 'lao_officer', org_unit_id: unit.id, office_unit_id: null, created_by: null }).returning('id').executeTakeFirstOrThrow();
      return { userId, membershipId: m.id };
    },
    async ownTokenId(role) {
      return (await createApiToken(t.deps, users[role].userId, 'to revoke', { actorUserId: null, ip: null, requestId: null })).id;
    },
    async otherTokenId() {
      if (otherToken === undefined) {
        const owner = await world.targetUser('other_province');
        otherToken = (await createApiToken(t.deps, owner.userId, 'not yours', { actorUserId: null, ip: null, requestId: null })).id;
      }
      return otherToken;
    },
    async registerImportId() {
      registerImport ??= (await importRegister(t.deps, { fileName: 'small.csv', bytes: Buffer.from('code,name_th,lao_type,province_code,district_code\n5220699,เทศบาลตำบลทดลอง,subdistrict,22,2206\n'), dryRun: true, actorUserId: null })).importId;
      return registerImport;
    },
  };
  return world;
}

export const uniqueEmail = () => `invite-${crypto.randomBytes(5).toString('hex')}@target.example`;
