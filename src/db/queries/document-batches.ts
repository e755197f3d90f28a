import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { Db } from '../pool.ts';

// Document batches and their items. No business rules here.

export type DocumentBatchRow = {
  id: number; roundId: number; kind: 'results_report'; requestedBy: string | null; requestedByName: string | null; requestedAt: Date;
  total: number; done: number; failed: number; finishedAt: Date | null; bytes: number; lastDoneAt: Date | null;
};

/** Respondents of a round whose entry is complete (submitted or accepted): the ones a results report exists for. */
export async function listCompletedRespondents(db: Kysely<Database>, roundId: number, provinceCode: string | null): Promise<number[]> {
  let q = db.selectFrom('submissions as s').innerJoin('round_respondents as rr', (j) => j.onRef('rr.round_id', '=', 's.round_id').onRef('rr.org_unit_id', '=', 's.org_unit_id'))
    .innerJoin('org_units as u', 'u.id', 's.org_unit_id')
    .select('s.org_unit_id as id').where('s.round_id', '=', roundId).where('s.state', 'in', ['submitted', 'accepted']);
  if (provinceCode) q = q.where('u.province_code', '=', provinceCode);
  return (await q.orderBy('u.province_code').orderBy('u.code').execute()).map((r) => r.id);
}

export async function insertDocumentBatch(trx: Kysely<Database>, row: { roundId: number; requestedBy: string | null; requestedAt: Date; orgUnitIds: number[] }): Promise<number> {
  const { id } = await trx.insertInto('document_batches')
    .values({ round_id: row.roundId, kind: 'results_report', requested_by: row.requestedBy, requested_at: row.requestedAt, total: row.orgUnitIds.length })
    .returning('id').executeTakeFirstOrThrow();
  // One statement for every item, however many: unnest of an integer array.
  await sql`insert into document_batch_items (batch_id, org_unit_id) select ${id}, unnest(${sql.val(row.orgUnitIds)}::int[])`.execute(trx);
  return id;
}

const batchColumns = sql<DocumentBatchRow>`b.id, b.round_id as "roundId", b.kind, b.requested_by as "requestedBy", usr.name as "requestedByName",
  b.requested_at as "requestedAt", b.total, b.finished_at as "finishedAt",
  (select count(*)::int from document_batch_items i where i.batch_id = b.id and i.state = 'done') as done,
  (select count(*)::int from document_batch_items i where i.batch_id = b.id and i.state = 'failed') as failed,
  (select coalesce(sum(i.bytes), 0)::bigint from document_batch_items i where i.batch_id = b.id) as bytes,
  (select max(i.done_at) from document_batch_items i where i.batch_id = b.id) as "lastDoneAt"`;

export async function listDocumentBatches(db: Db, roundId: number, limit = 10): Promise<DocumentBatchRow[]> {
  const r = await sql<DocumentBatchRow>`select ${batchColumns} from document_batches b left join "user" usr on usr.id = b.requested_by
    where b.round_id = ${roundId} order by b.requested_at desc, b.id desc limit ${limit}`.execute(db);
  return r.rows;
}

export async function findDocumentBatch(db: Db, batchId: number): Promise<DocumentBatchRow | undefined> {
  const r = await sql<DocumentBatchRow>`select ${batchColumns} from document_batches b left join "user" usr on usr.id = b.requested_by where b.id = ${batchId}`.execute(db);
  return r.rows[0];
}

/** The items of a chunk still to render (done ones are skipped: a job run again after a crash redoes nothing). */
export async function listPendingItems(db: Db, batchId: number, orgUnitIds: number[]): Promise<{ orgUnitId: number; code: string }[]> {
  if (orgUnitIds.length === 0) return [];
  return db.selectFrom('document_batch_items as i').innerJoin('org_units as u', 'u.id', 'i.org_unit_id')
    .select(['i.org_unit_id as orgUnitId', 'u.code']).where('i.batch_id', '=', batchId).where('i.org_unit_id', 'in', orgUnitIds).where('i.state', '=', 'pending')
    .orderBy('u.code').execute();
}

export async function markItemDone(db: Db, batchId: number, orgUnitId: number, storageKey: string, bytes: number, at: Date): Promise<void> {
  await db.updateTable('document_batch_items').set({ state: 'done', storage_key: storageKey, bytes, done_at: at, error: null, attempts: sql`attempts + 1` })
    .where('batch_id', '=', batchId).where('org_unit_id', '=', orgUnitId).execute();
}

export async function markItemFailed(db: Db, batchId: number, orgUnitId: number, error: string, at: Date, giveUp: boolean): Promise<void> {
  await db.updateTable('document_batch_items').set({ state: giveUp ? 'failed' : 'pending', error: error.slice(0, 500), done_at: giveUp ? at : null, attempts: sql`attempts + 1` })
    .where('batch_id', '=', batchId).where('org_unit_id', '=', orgUnitId).execute();
}

/** Closes the batch when nothing is pending; returns whether it did (once: finished_at is set only the first time). */
export async function finishBatchIfComplete(db: Db, batchId: number, at: Date): Promise<boolean> {
  const r = await sql`update document_batches b set finished_at = ${at} where b.id = ${batchId} and b.finished_at is null
    and not exists (select 1 from document_batch_items i where i.batch_id = b.id and i.state = 'pending')`.execute(db);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function findBatchItem(db: Db, batchId: number, orgUnitCode: string): Promise<{ storageKey: string | null; state: string } | undefined> {
  return db.selectFrom('document_batch_items as i').innerJoin('org_units as u', 'u.id', 'i.org_unit_id')
    .select(['i.storage_key as storageKey', 'i.state']).where('i.batch_id', '=', batchId).where('u.code', '=', orgUnitCode).executeTakeFirst();
}

/** The newest finished batch's file of a respondent in a round (the public page links it once the round is published). */
export async function findPublishedReport(db: Db, roundId: number, orgUnitCode: string): Promise<string | undefined> {
  const row = await db.selectFrom('document_batch_items as i').innerJoin('document_batches as b', 'b.id', 'i.batch_id').innerJoin('org_units as u', 'u.id', 'i.org_unit_id')
    .select('i.storage_key as key').where('b.round_id', '=', roundId).where('u.code', '=', orgUnitCode).where('i.state', '=', 'done')
    .orderBy('b.requested_at', 'desc').orderBy('b.id', 'desc').limit(1).executeTakeFirst();
  return row?.key ?? undefined;
}

export type BatchItemRow = { code: string; name: string; provinceName: string | null; state: string; error: string | null };

/** A page of a batch's items: failures first (they need someone's attention), then by province and code. */
export async function listBatchItems(db: Db, batchId: number, page: { offset: number; limit: number }): Promise<BatchItemRow[]> {
  const r = await sql<BatchItemRow>`select u.code, u.name_th as name, p.name_th as "provinceName", i.state, i.error
    from document_batch_items i join org_units u on u.id = i.org_unit_id
    left join org_units p on p.kind = 'province' and p.code = u.province_code
    where i.batch_id = ${batchId}
    order by (i.state = 'failed') desc, u.province_code, u.code offset ${page.offset} limit ${page.limit}`.execute(db);
  return r.rows;
}

/** The provinces that have respondents in a round, in Thai order (for choosing a batch's province). */
export async function listRoundProvinces(db: Db, roundId: number): Promise<{ code: string; name: string }[]> {
  const r = await sql<{ code: string; name: string }>`select p.code, p.name_th as name from org_units p
    where p.kind = 'province' and exists (select 1 from round_respondents rr join org_units u on u.id = rr.org_unit_id where rr.round_id = ${roundId} and u.province_code = p.code)
    order by p.name_th`.execute(db);
  return r.rows;
}
