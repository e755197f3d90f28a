import { sql } from 'kysely';
import type { Db } from '../pool.ts';

// Programmes and framework versions. No business rules here.

export type ProgrammeRow = { id: number; code: string; title: string; owner: 'odloc' | 'dla'; respondents: 'lao' | 'province_office' | 'district_office'; frequency: 'yearly' | 'quarterly'; scored: boolean };
export type FrameworkVersionRow = {
  id: number; programmeId: number; code: string; title: string; fiscalYear: number; previousVersionId: number | null; status: 'draft' | 'frozen';
  sourceFileName: string | null; createdAt: Date; updatedAt: Date; frozenAt: Date | null;
};

const versionColumns = [
  'framework_versions.id', 'framework_versions.programme_id as programmeId', 'framework_versions.code', 'framework_versions.title',
  'framework_versions.fiscal_year as fiscalYear', 'framework_versions.previous_version_id as previousVersionId', 'framework_versions.status',
  'framework_versions.source_file_name as sourceFileName', 'framework_versions.created_at as createdAt', 'framework_versions.updated_at as updatedAt',
  'framework_versions.frozen_at as frozenAt',
] as const;

export async function listProgrammes(db: Db): Promise<ProgrammeRow[]> {
  return db.selectFrom('programmes').select(['id', 'code', 'title', 'owner', 'respondents', 'frequency', 'scored']).orderBy('id').execute();
}

export async function findProgrammeByCode(db: Db, code: string): Promise<ProgrammeRow | undefined> {
  return db.selectFrom('programmes').select(['id', 'code', 'title', 'owner', 'respondents', 'frequency', 'scored']).where('code', '=', code).executeTakeFirst();
}

export async function findProgrammeById(db: Db, id: number): Promise<ProgrammeRow | undefined> {
  return db.selectFrom('programmes').select(['id', 'code', 'title', 'owner', 'respondents', 'frequency', 'scored']).where('id', '=', id).executeTakeFirst();
}

export async function upsertProgramme(db: Db, p: Omit<ProgrammeRow, 'id'>): Promise<number> {
  const row = await db.insertInto('programmes').values(p)
    .onConflict((oc) => oc.column('code').doUpdateSet({ title: p.title, frequency: p.frequency, scored: p.scored }))
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function listFrameworkVersions(db: Db): Promise<(FrameworkVersionRow & { programmeTitle: string; programmeCode: string; roundCount: number })[]> {
  return db.selectFrom('framework_versions')
    .innerJoin('programmes', 'programmes.id', 'framework_versions.programme_id')
    .select([...versionColumns, 'programmes.title as programmeTitle', 'programmes.code as programmeCode'])
    .select(sql<number>`(select count(*)::int from rounds r where r.framework_version_id = framework_versions.id)`.as('roundCount'))
    .orderBy('framework_versions.programme_id').orderBy('framework_versions.fiscal_year', 'desc').orderBy('framework_versions.id', 'desc')
    .execute();
}

export async function findFrameworkVersion(db: Db, by: { id: number } | { code: string }): Promise<(FrameworkVersionRow & { document: unknown }) | undefined> {
  let q = db.selectFrom('framework_versions').select([...versionColumns, 'framework_versions.document']);
  q = 'id' in by ? q.where('framework_versions.id', '=', by.id) : q.where('framework_versions.code', '=', by.code);
  return q.executeTakeFirst();
}

export async function findFrameworkVersionHead(db: Db, by: { id: number } | { code: string }): Promise<FrameworkVersionRow | undefined> {
  let q = db.selectFrom('framework_versions').select(versionColumns);
  q = 'id' in by ? q.where('framework_versions.id', '=', by.id) : q.where('framework_versions.code', '=', by.code);
  return q.executeTakeFirst();
}

export async function lockFrameworkVersion(db: Db, code: string): Promise<{ id: number; status: 'draft' | 'frozen' } | undefined> {
  return db.selectFrom('framework_versions').select(['id', 'status']).where('code', '=', code).forUpdate().executeTakeFirst();
}

export async function insertFrameworkVersion(db: Db, v: { programmeId: number; code: string; title: string; fiscalYear: number; previousVersionId: number | null; document: unknown; sourceFileName: string | null; createdBy: string | null }): Promise<number> {
  const row = await db.insertInto('framework_versions').values({
    programme_id: v.programmeId, code: v.code, title: v.title, fiscal_year: v.fiscalYear, previous_version_id: v.previousVersionId,
    document: JSON.stringify(v.document), source_file_name: v.sourceFileName, created_by: v.createdBy,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function replaceDraftDocument(db: Db, id: number, v: { title: string; fiscalYear: number; previousVersionId: number | null; document: unknown; sourceFileName: string | null }): Promise<void> {
  await db.updateTable('framework_versions').set({
    title: v.title, fiscal_year: v.fiscalYear, previous_version_id: v.previousVersionId, document: JSON.stringify(v.document),
    source_file_name: v.sourceFileName, updated_at: sql`now()`,
  }).where('id', '=', id).where('status', '=', 'draft').execute();
}

export async function freezeFrameworkVersion(db: Db, id: number, at: Date): Promise<void> {
  await db.updateTable('framework_versions').set({ status: 'frozen', frozen_at: at }).where('id', '=', id).where('status', '=', 'draft').execute();
}

/** The latest version of a programme (by fiscal year, then newest). */
export async function findLatestVersion(db: Db, programmeId: number): Promise<(FrameworkVersionRow & { document: unknown }) | undefined> {
  return db.selectFrom('framework_versions').select([...versionColumns, 'framework_versions.document'])
    .where('framework_versions.programme_id', '=', programmeId)
    .orderBy('framework_versions.fiscal_year', 'desc').orderBy('framework_versions.id', 'desc').limit(1).executeTakeFirst();
}
