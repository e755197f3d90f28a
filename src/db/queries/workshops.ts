import { sql } from 'kysely';
import type { LaoType } from '../../domain/org/lao-type.ts';
import type { Db } from '../pool.ts';

// Workshops, their documents and attendees. No business rules here.

export type WorkshopRow = {
  id: number; programmeId: number; programmeTitle: string; title: string; startsAt: Date; endsAt: Date; onlineUrl: string | null; place: string | null;
  laoTypes: LaoType[] | null; provinceCodes: string[] | null; registrationClosesAt: Date; maxAttendeesPerLao: number | null; description: string;
  createdAt: Date; updatedAt: Date;
};
export type WorkshopValues = Omit<WorkshopRow, 'id' | 'programmeTitle' | 'createdAt' | 'updatedAt'>;

const workshopColumns = [
  'w.id', 'w.programme_id as programmeId', 'p.title as programmeTitle', 'w.title', 'w.starts_at as startsAt', 'w.ends_at as endsAt',
  'w.online_url as onlineUrl', 'w.place', 'w.lao_types as laoTypes', 'w.province_codes as provinceCodes',
  'w.registration_closes_at as registrationClosesAt', 'w.max_attendees_per_lao as maxAttendeesPerLao', 'w.description',
  'w.created_at as createdAt', 'w.updated_at as updatedAt',
] as const;

const asRow = (r: Omit<WorkshopRow, 'laoTypes'> & { laoTypes: string[] | null }): WorkshopRow => ({ ...r, laoTypes: r.laoTypes as LaoType[] | null });

export async function findWorkshop(db: Db, id: number): Promise<WorkshopRow | undefined> {
  const r = await db.selectFrom('workshops as w').innerJoin('programmes as p', 'p.id', 'w.programme_id').select(workshopColumns).where('w.id', '=', id).executeTakeFirst();
  return r ? asRow(r) : undefined;
}

/** Every workshop (a few dozen a year); `endingAfter` keeps only those not yet over. */
export async function listWorkshops(db: Db, opts: { endingAfter?: Date } = {}): Promise<WorkshopRow[]> {
  let q = db.selectFrom('workshops as w').innerJoin('programmes as p', 'p.id', 'w.programme_id').select(workshopColumns);
  if (opts.endingAfter) q = q.where('w.ends_at', '>', opts.endingAfter);
  return (await q.orderBy('w.starts_at').orderBy('w.id').execute()).map(asRow);
}

const workshopValues = (v: WorkshopValues) => ({
  programme_id: v.programmeId, title: v.title, starts_at: v.startsAt, ends_at: v.endsAt, online_url: v.onlineUrl, place: v.place,
  lao_types: v.laoTypes, province_codes: v.provinceCodes, registration_closes_at: v.registrationClosesAt,
  max_attendees_per_lao: v.maxAttendeesPerLao, description: v.description,
});

export async function insertWorkshop(db: Db, v: WorkshopValues, by: string | null, at: Date): Promise<number> {
  const row = await db.insertInto('workshops').values({ ...workshopValues(v), created_by: by, created_at: at, updated_by: by, updated_at: at }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateWorkshop(db: Db, id: number, v: WorkshopValues, by: string | null, at: Date): Promise<void> {
  await db.updateTable('workshops').set({ ...workshopValues(v), updated_by: by, updated_at: at }).where('id', '=', id).execute();
}

export async function lockWorkshop(db: Db, id: number): Promise<boolean> {
  const r = await db.selectFrom('workshops').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  return r !== undefined;
}

export type WorkshopDocumentRow = { id: number; workshopId: number; title: string; fileName: string; contentType: string; sizeBytes: number; sha256: string; storageKey: string; uploadedAt: Date };
const documentColumns = ['id', 'workshop_id as workshopId', 'title', 'file_name as fileName', 'content_type as contentType', 'size_bytes as sizeBytes', 'sha256', 'storage_key as storageKey', 'uploaded_at as uploadedAt'] as const;

export async function listWorkshopDocuments(db: Db, workshopId: number): Promise<WorkshopDocumentRow[]> {
  return db.selectFrom('workshop_documents').select(documentColumns).where('workshop_id', '=', workshopId).orderBy('id').execute();
}

export async function findWorkshopDocument(db: Db, id: number): Promise<WorkshopDocumentRow | undefined> {
  return db.selectFrom('workshop_documents').select(documentColumns).where('id', '=', id).executeTakeFirst();
}

export async function insertWorkshopDocument(db: Db, d: Omit<WorkshopDocumentRow, 'id' | 'uploadedAt'>, by: string | null, at: Date): Promise<number> {
  const row = await db.insertInto('workshop_documents').values({
    workshop_id: d.workshopId, title: d.title, file_name: d.fileName, content_type: d.contentType, size_bytes: d.sizeBytes, sha256: d.sha256,
    storage_key: d.storageKey, uploaded_by: by, uploaded_at: at,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteWorkshopDocument(db: Db, id: number): Promise<WorkshopDocumentRow | undefined> {
  return db.deleteFrom('workshop_documents').where('id', '=', id).returning(documentColumns).executeTakeFirst();
}

export type AttendeeRow = { id: number; workshopId: number; orgUnitId: number; name: string; position: string; phone: string; email: string | null; createdAt: Date; updatedAt: Date };
const attendeeColumns = ['a.id', 'a.workshop_id as workshopId', 'a.org_unit_id as orgUnitId', 'a.name', 'a.position', 'a.phone', 'a.email', 'a.created_at as createdAt', 'a.updated_at as updatedAt'] as const;

export async function listAttendeesOf(db: Db, workshopId: number, orgUnitIds: readonly number[]): Promise<AttendeeRow[]> {
  if (!orgUnitIds.length) return [];
  return db.selectFrom('workshop_attendees as a').select(attendeeColumns).where('a.workshop_id', '=', workshopId).where('a.org_unit_id', 'in', orgUnitIds).orderBy('a.id').execute();
}

export async function findAttendee(db: Db, id: number): Promise<AttendeeRow | undefined> {
  return db.selectFrom('workshop_attendees as a').select(attendeeColumns).where('a.id', '=', id).executeTakeFirst();
}

/** Serialises registrations of one LAO for one workshop (the limit and duplicates are counted under it). */
export async function lockLaoRegistration(db: Db, workshopId: number, orgUnitId: number): Promise<void> {
  await sql`select pg_advisory_xact_lock(${workshopId}::int, ${orgUnitId}::int)`.execute(db);
}

/** Another attendee of the same LAO and workshop with this name key or e-mail (`exceptId`: the one being edited). */
export async function findClash(db: Db, a: { workshopId: number; orgUnitId: number; nameKey: string; email: string | null; exceptId?: number }): Promise<{ byName: boolean; byEmail: boolean }> {
  const rows = await db.selectFrom('workshop_attendees').select(['name_key as nameKey', 'email'])
    .where('workshop_id', '=', a.workshopId).where('org_unit_id', '=', a.orgUnitId).where('id', '!=', a.exceptId ?? 0)
    .where((eb) => eb.or([eb('name_key', '=', a.nameKey), ...(a.email ? [eb('email', '=', a.email)] : [])]))
    .execute();
  return { byName: rows.some((r) => r.nameKey === a.nameKey), byEmail: a.email !== null && rows.some((r) => r.email === a.email) };
}

export type AttendeeValues = { name: string; nameKey: string; position: string; phone: string; email: string | null };

export async function insertAttendee(db: Db, workshopId: number, orgUnitId: number, v: AttendeeValues, by: string | null, at: Date): Promise<number> {
  const row = await db.insertInto('workshop_attendees').values({
    workshop_id: workshopId, org_unit_id: orgUnitId, name: v.name, name_key: v.nameKey, position: v.position, phone: v.phone, email: v.email,
    created_by: by, created_at: at, updated_by: by, updated_at: at,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateAttendee(db: Db, id: number, v: AttendeeValues, by: string | null, at: Date): Promise<void> {
  await db.updateTable('workshop_attendees').set({ name: v.name, name_key: v.nameKey, position: v.position, phone: v.phone, email: v.email, updated_by: by, updated_at: at }).where('id', '=', id).execute();
}

export async function deleteAttendee(db: Db, id: number): Promise<void> {
  await db.deleteFrom('workshop_attendees').where('id', '=', id).execute();
}

/** Attendees per workshop for the given LAOs: { workshopId, orgUnitId, count }. */
export async function countAttendees(db: Db, workshopIds: readonly number[], orgUnitIds: readonly number[]): Promise<{ workshopId: number; orgUnitId: number; count: number }[]> {
  if (!workshopIds.length || !orgUnitIds.length) return [];
  return db.selectFrom('workshop_attendees').select(['workshop_id as workshopId', 'org_unit_id as orgUnitId', sql<number>`count(*)::int`.as('count')])
    .where('workshop_id', 'in', workshopIds).where('org_unit_id', 'in', orgUnitIds).groupBy(['workshop_id', 'org_unit_id']).execute();
}

export type ProvinceCount = { provinceCode: string | null; provinceName: string | null; laos: number; attendees: number };

/** LAOs registered and attendees per province, optionally only under some paths (an office's reach): counted per
 * province code first, the names joined to the 77 rows after. */
export async function countAttendeesByProvince(db: Db, workshopId: number, underPaths: readonly string[] | null = null): Promise<ProvinceCount[]> {
  if (underPaths && !underPaths.length) return [];
  let counts = db.selectFrom('workshop_attendees as a').innerJoin('org_units as u', 'u.id', 'a.org_unit_id')
    .select(['u.province_code as provinceCode', sql<number>`count(distinct a.org_unit_id)::int`.as('laos'), sql<number>`count(*)::int`.as('attendees')])
    .where('a.workshop_id', '=', workshopId);
  if (underPaths) counts = counts.where((eb) => eb.or(underPaths.map((p) => eb('u.path', 'like', `${p}%`))));
  return db.selectFrom(counts.groupBy('u.province_code').as('c'))
    .leftJoin('org_units as p', (j) => j.onRef('p.code', '=', 'c.provinceCode').on('p.kind', '=', 'province'))
    .select(['c.provinceCode', 'p.name_th as provinceName', 'c.laos', 'c.attendees'])
    .orderBy('c.provinceCode').execute();
}

export type AttendeeExportRow = AttendeeRow & { laoCode: string; laoName: string; laoType: string | null; districtName: string | null; provinceName: string | null; provinceCode: string | null };

/** Every attendee with their LAO's code, name, type, district and province, by province, district, LAO. */
export async function listAttendeesForExport(db: Db, workshopId: number): Promise<AttendeeExportRow[]> {
  return db.selectFrom('workshop_attendees as a').innerJoin('org_units as u', 'u.id', 'a.org_unit_id')
    .leftJoin('org_units as d', (j) => j.onRef('d.code', '=', 'u.district_code').on('d.kind', '=', 'district'))
    .leftJoin('org_units as p', (j) => j.onRef('p.code', '=', 'u.province_code').on('p.kind', '=', 'province'))
    .select([...attendeeColumns, 'u.code as laoCode', 'u.name_th as laoName', 'u.lao_type as laoType', 'd.name_th as districtName', 'p.name_th as provinceName', 'u.province_code as provinceCode'])
    .where('a.workshop_id', '=', workshopId)
    .orderBy('u.province_code').orderBy('u.district_code').orderBy('u.code').orderBy('a.id')
    .execute();
}

/** The LAO facts a viewer's audience is judged on. */
export async function findLaoFacts(db: Db, ids: readonly number[]): Promise<{ id: number; code: string; nameTh: string; laoType: string | null; provinceCode: string | null }[]> {
  if (!ids.length) return [];
  return db.selectFrom('org_units').select(['id', 'code', 'name_th as nameTh', 'lao_type as laoType', 'province_code as provinceCode']).where('id', 'in', ids).where('kind', '=', 'lao').orderBy('name_th').execute();
}

/** Province names by code, for the audience in words and the forms. */
export async function listProvinceNames(db: Db): Promise<{ code: string; name: string }[]> {
  return db.selectFrom('org_units').select(['code', 'name_th as name']).where('kind', '=', 'province').orderBy('name_th').execute();
}
