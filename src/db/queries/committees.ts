import { sql } from 'kysely';
import type { Db } from '../pool.ts';
import type { CommitteePosition } from '../schema.ts';

// A province's monitoring committee, its members and the comments its people leave on quarterly reports. No
// business rules here.

export type CommitteeRow = {
  id: number; provinceUnitId: number; title: string; duties: string; dutiesExample: boolean;
  orderNo: string; orderDate: string | null; signatoryName: string; signatoryPosition: string; version: number; updatedAt: Date;
};

const committeeColumns = [
  'id', 'province_unit_id as provinceUnitId', 'title', 'duties', 'duties_example as dutiesExample', 'order_no as orderNo', 'order_date as orderDate',
  'signatory_name as signatoryName', 'signatory_position as signatoryPosition', 'version', 'updated_at as updatedAt',
] as const;

export async function findCommittee(db: Db, provinceUnitId: number, opts: { forUpdate?: boolean } = {}): Promise<CommitteeRow | undefined> {
  let q = db.selectFrom('committees').select(committeeColumns).where('province_unit_id', '=', provinceUnitId);
  if (opts.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Inserts the province's committee unless one exists (a concurrent insert waits, then finds it); locked either way. */
export async function insertCommittee(db: Db, c: { provinceUnitId: number; title: string; duties: string; dutiesExample: boolean; createdBy: string | null; at: Date }): Promise<{ row: CommitteeRow; created: boolean }> {
  const made = await db.insertInto('committees').values({
    province_unit_id: c.provinceUnitId, title: c.title, duties: c.duties, duties_example: c.dutiesExample, created_by: c.createdBy, created_at: c.at, updated_at: c.at,
  }).onConflict((oc) => oc.column('province_unit_id').doNothing()).returning('id').executeTakeFirst();
  return { row: (await findCommittee(db, c.provinceUnitId, { forUpdate: true }))!, created: made !== undefined };
}

export type CommitteeChanges = Partial<Pick<CommitteeRow, 'title' | 'duties' | 'dutiesExample' | 'orderNo' | 'orderDate' | 'signatoryName' | 'signatoryPosition'>>;

/** Writes the changes and raises the version; the caller holds the row lock and has compared versions. */
export async function updateCommittee(db: Db, id: number, c: CommitteeChanges, at: Date): Promise<number> {
  const row = await db.updateTable('committees').set({
    ...(c.title !== undefined ? { title: c.title } : {}),
    ...(c.duties !== undefined ? { duties: c.duties } : {}),
    ...(c.dutiesExample !== undefined ? { duties_example: c.dutiesExample } : {}),
    ...(c.orderNo !== undefined ? { order_no: c.orderNo } : {}),
    ...(c.orderDate !== undefined ? { order_date: c.orderDate } : {}),
    ...(c.signatoryName !== undefined ? { signatory_name: c.signatoryName } : {}),
    ...(c.signatoryPosition !== undefined ? { signatory_position: c.signatoryPosition } : {}),
    version: sql`version + 1`, updated_at: at,
  }).where('id', '=', id).returning('version').executeTakeFirstOrThrow();
  return row.version;
}

export type MemberRow = {
  id: number; sortOrder: number; kind: 'user' | 'office' | 'person'; userId: string | null; orgUnitId: number | null;
  name: string; positionTitle: string; agency: string; position: CommitteePosition; membershipId: number | null;
  /** The account's current name and whether it is active (user members). */
  userName: string | null; userActive: boolean | null;
};

export async function listMembers(db: Db, committeeId: number): Promise<MemberRow[]> {
  return db.selectFrom('committee_members as m').leftJoin('user as u', 'u.id', 'm.user_id')
    .select([
      'm.id', 'm.sort_order as sortOrder', 'm.kind', 'm.user_id as userId', 'm.org_unit_id as orgUnitId', 'm.name', 'm.position_title as positionTitle',
      'm.agency', 'm.committee_position as position', 'm.membership_id as membershipId', 'u.name as userName', 'u.isActive as userActive',
    ])
    .where('m.committee_id', '=', committeeId).orderBy('m.sort_order').orderBy('m.id').execute();
}

export async function insertMember(db: Db, m: {
  committeeId: number; sortOrder: number; kind: MemberRow['kind']; userId: string | null; orgUnitId: number | null; name: string;
  positionTitle: string; agency: string; position: CommitteePosition; membershipId: number | null; createdBy: string | null; at: Date;
}): Promise<number> {
  const row = await db.insertInto('committee_members').values({
    committee_id: m.committeeId, sort_order: m.sortOrder, kind: m.kind, user_id: m.userId, org_unit_id: m.orgUnitId, name: m.name, position_title: m.positionTitle,
    agency: m.agency, committee_position: m.position, membership_id: m.membershipId, created_by: m.createdBy, created_at: m.at,
  }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteMember(db: Db, id: number): Promise<void> {
  await db.deleteFrom('committee_members').where('id', '=', id).execute();
}

/** Numbers the members 1, 2, 3… in the order given. */
export async function renumberMembers(db: Db, committeeId: number, idsInOrder: number[]): Promise<void> {
  if (!idsInOrder.length) return;
  await sql`update committee_members m set sort_order = o.n
    from unnest(${idsInOrder}::int[]) with ordinality as o(id, n) where m.id = o.id and m.committee_id = ${committeeId}`.execute(db);
}

/** The seat a user holds on the committee of a province, if any. */
export async function findSeat(db: Db, provinceUnitId: number, userId: string): Promise<{ position: CommitteePosition } | undefined> {
  return db.selectFrom('committee_members as m').innerJoin('committees as c', 'c.id', 'm.committee_id')
    .select('m.committee_position as position').where('c.province_unit_id', '=', provinceUnitId).where('m.user_id', '=', userId)
    .orderBy(sql`array_position(array['secretary','assistant_secretary','chair','member','adviser'], m.committee_position)`).executeTakeFirst();
}

export type PickableUser = { id: string; name: string; email: string; units: string };

/** Active users with a membership anywhere in the province (its offices, districts, LAOs excluded), by name. */
export async function listProvinceUsers(db: Db, provincePath: string, limit = 300): Promise<PickableUser[]> {
  const r = await sql<PickableUser>`
    select u.id, u.name, u.email, string_agg(distinct ou.name_th, ', ') as units
    from "user" u join memberships m on m.user_id = u.id join org_units ou on ou.id = m.org_unit_id
    where u."isActive" and ou.path like ${`${provincePath}%`} and ou.kind <> 'lao'
    group by u.id, u.name, u.email order by u.name, u.id limit ${limit}`.execute(db);
  return r.rows;
}

/** One such user, if they are one. */
export async function findProvinceUser(db: Db, provincePath: string, userId: string): Promise<PickableUser | undefined> {
  const r = await sql<PickableUser>`
    select u.id, u.name, u.email, string_agg(distinct ou.name_th, ', ') as units
    from "user" u join memberships m on m.user_id = u.id join org_units ou on ou.id = m.org_unit_id
    where u.id = ${userId} and u."isActive" and ou.path like ${`${provincePath}%`} and ou.kind <> 'lao'
    group by u.id, u.name, u.email`.execute(db);
  return r.rows[0];
}

export type PickableOffice = { id: number; kind: string; code: string; nameTh: string; districtName: string | null };

/** The province's own office and its divisions, and its district offices: the positions an order names. */
export async function listProvinceOffices(db: Db, provinceCode: string): Promise<PickableOffice[]> {
  return db.selectFrom('org_units as o').leftJoin('org_units as d', (j) => j.onRef('d.id', '=', 'o.parent_id').on('d.kind', '=', 'district'))
    .select(['o.id', 'o.kind', 'o.code', 'o.name_th as nameTh', 'd.name_th as districtName'])
    .where('o.province_code', '=', provinceCode).where('o.kind', 'in', ['province_office', 'division', 'district_office']).where('o.valid_to', 'is', null)
    .orderBy(sql`array_position(array['province_office','division','district_office'], o.kind)`).orderBy('o.code').execute();
}

export type CommentRow = { id: number; itemCode: string; body: string; authorName: string | null; createdAt: Date };

export async function listComments(db: Db, roundId: number, orgUnitId: number): Promise<CommentRow[]> {
  return db.selectFrom('committee_comments as c').leftJoin('user as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.item_code as itemCode', 'c.body', 'u.name as authorName', 'c.created_at as createdAt'])
    .where('c.round_id', '=', roundId).where('c.org_unit_id', '=', orgUnitId).orderBy('c.created_at').orderBy('c.id').execute();
}

export async function insertComment(db: Db, c: { roundId: number; orgUnitId: number; itemCode: string; body: string; authorId: string; at: Date }): Promise<number> {
  const row = await db.insertInto('committee_comments').values({ round_id: c.roundId, org_unit_id: c.orgUnitId, item_code: c.itemCode, body: c.body, author_id: c.authorId, created_at: c.at })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}
