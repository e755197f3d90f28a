import { sql } from 'kysely';
import type { Db } from '../pool.ts';
import type { OrgUnit } from '../../domain/org/org-unit.ts';

// Typed queries on the org tree. No business rules here.

const columns = [
  'id', 'kind', 'code', 'parent_id as parentId', 'path', 'name_th as nameTh', 'name_en as nameEn', 'lao_type as laoType',
  'province_code as provinceCode', 'district_code as districtCode', 'valid_from as validFrom', 'valid_to as validTo', 'generated',
] as const;

export async function findOrgUnitById(db: Db, id: number): Promise<OrgUnit | undefined> {
  return (await db.selectFrom('org_units').select(columns).where('id', '=', id).executeTakeFirst()) as OrgUnit | undefined;
}

export async function findOrgUnitByCode(db: Db, kind: string, code: string): Promise<OrgUnit | undefined> {
  return (await db.selectFrom('org_units').select(columns).where('kind', '=', kind).where('code', '=', code).executeTakeFirst()) as OrgUnit | undefined;
}

/** Look up a unit by its code alone, preferring the register's units (LAO, district, province) over offices. */
export async function findOrgUnitByAnyCode(db: Db, code: string): Promise<OrgUnit | undefined> {
  return (await db
    .selectFrom('org_units')
    .select(columns)
    .where('code', '=', code)
    .orderBy(sql`array_position(array['lao','district','province','country','district_office','province_office','division','agency'], kind)`)
    .executeTakeFirst()) as OrgUnit | undefined;
}

export async function listChildren(db: Db, parentId: number, opts: { includeClosed?: boolean; limit?: number; offset?: number } = {}): Promise<OrgUnit[]> {
  let q = db.selectFrom('org_units').select(columns).where('parent_id', '=', parentId);
  if (!opts.includeClosed) q = q.where('valid_to', 'is', null);
  return (await q
    .orderBy(sql`array_position(array['province_office','district_office','division','province','district','lao','agency'], kind)`)
    .orderBy('name_th')
    .limit(opts.limit ?? 1000)
    .offset(opts.offset ?? 0)
    .execute()) as OrgUnit[];
}

export async function listAncestors(db: Db, unit: Pick<OrgUnit, 'path'>): Promise<OrgUnit[]> {
  const ids = unit.path.split('/').filter(Boolean).map(Number);
  if (ids.length === 0) return [];
  const rows = (await db.selectFrom('org_units').select(columns).where('id', 'in', ids).execute()) as OrgUnit[];
  return rows.sort((a, b) => a.path.length - b.path.length);
}

export async function findCountry(db: Db): Promise<OrgUnit | undefined> {
  return findOrgUnitByCode(db, 'country', 'TH');
}

export async function countLaosByType(db: Db, underPath: string): Promise<{ laoType: string; count: number }[]> {
  return db
    .selectFrom('org_units')
    .select(['lao_type as laoType', sql<number>`count(*)::int`.as('count')])
    .where('kind', '=', 'lao')
    .where('valid_to', 'is', null)
    .where('path', 'like', `${underPath}%`)
    .groupBy('lao_type')
    .execute() as Promise<{ laoType: string; count: number }[]>;
}

/** Fill in `path` for rows inserted with an empty one, level by level from the root. */
export async function fillPaths(db: Db): Promise<void> {
  await sql`update org_units set path = '/' || id || '/' where parent_id is null and path = ''`.execute(db);
  for (;;) {
    const r = await sql`update org_units o set path = p.path || o.id || '/'
      from org_units p where o.parent_id = p.id and o.path = '' and p.path <> ''`.execute(db);
    if (Number(r.numAffectedRows ?? 0) === 0) break;
  }
}
