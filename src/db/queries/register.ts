import { sql } from 'kysely';
import type { Db } from '../pool.ts';
import type { LaoType } from '../../domain/org/lao-type.ts';
import type { CurrentLao, TargetLao } from '../../domain/register/plan-register-import.ts';
import type { RegisterProblem } from '../../domain/register/register-problems.ts';
import type { RegisterReference } from '../../domain/register/register-row.ts';

// Typed queries for the LAO register and its imports. Writes are set-based (one statement per chunk through
// jsonb_to_recordset), because a national register is ~7,850 rows and row-by-row round trips would dominate.

export async function loadRegisterReference(db: Db): Promise<RegisterReference> {
  const rows = await db
    .selectFrom('org_units')
    .select(['kind', 'code', 'name_th as nameTh', 'province_code as provinceCode'])
    .where('kind', 'in', ['province', 'district'])
    .execute();
  const provinces = new Map<string, { nameTh: string }>();
  const districts = new Map<string, { provinceCode: string; nameTh: string }>();
  for (const r of rows) {
    if (r.kind === 'province') provinces.set(r.code, { nameTh: r.nameTh });
    else districts.set(r.code, { provinceCode: r.provinceCode ?? '', nameTh: r.nameTh });
  }
  return { provinces, districts };
}

export async function listRegisterLaos(db: Db): Promise<Map<string, CurrentLao>> {
  const rows = await db
    .selectFrom('org_units')
    .select([
      'code', 'name_th as nameTh', 'name_en as nameEn', 'lao_type as laoType', 'province_code as provinceCode',
      'district_code as districtCode', 'valid_from as validFrom', 'valid_to as validTo', 'generated',
    ])
    .where('kind', '=', 'lao')
    .execute();
  return new Map(rows.map((r) => [r.code, { ...r, laoType: r.laoType as LaoType, provinceCode: r.provinceCode ?? '' }]));
}

export type LaoWrite = TargetLao & { parentKind: 'province' | 'district'; parentCode: string };

/** Inserts new LAOs and rewrites changed or reopened ones (valid_to cleared). Returns how many rows it wrote. */
export async function upsertLaos(db: Db, laos: readonly LaoWrite[]): Promise<number> {
  if (laos.length === 0) return 0;
  const payload = JSON.stringify(laos.map((l) => ({
    code: l.code, parent_kind: l.parentKind, parent_code: l.parentCode, name_th: l.nameTh, name_en: l.nameEn, lao_type: l.laoType,
    province_code: l.provinceCode, district_code: l.districtCode, valid_from: l.validFrom, generated: l.generated,
  })));
  const result = await sql`
    insert into org_units (kind, code, parent_id, path, name_th, name_en, lao_type, province_code, district_code, valid_from, generated)
    select 'lao', r.code, p.id, '', r.name_th, r.name_en, r.lao_type, r.province_code, r.district_code, r.valid_from, r.generated
    from jsonb_to_recordset(${payload}::jsonb) as r(code text, parent_kind text, parent_code text, name_th text, name_en text,
      lao_type text, province_code text, district_code text, valid_from date, generated boolean)
    join org_units p on p.kind = r.parent_kind and p.code = r.parent_code
    on conflict (kind, code) do update set
      parent_id = excluded.parent_id, name_th = excluded.name_th, name_en = excluded.name_en, lao_type = excluded.lao_type,
      province_code = excluded.province_code, district_code = excluded.district_code, valid_from = excluded.valid_from,
      valid_to = null, generated = excluded.generated, updated_at = now()`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Sets `path` from the parent for the given LAOs where it is new ('') or their parent changed. LAOs are leaves. */
export async function refreshLaoPaths(db: Db, codes: readonly string[]): Promise<void> {
  if (codes.length === 0) return;
  await sql`
    update org_units o set path = p.path || o.id || '/'
    from org_units p
    where o.kind = 'lao' and o.code = any(${codes}::text[]) and p.id = o.parent_id and o.path is distinct from p.path || o.id || '/'`.execute(db);
}

export async function closeLaos(db: Db, closes: readonly { code: string; validTo: string }[]): Promise<number> {
  if (closes.length === 0) return 0;
  const payload = JSON.stringify(closes.map((c) => ({ code: c.code, valid_to: c.validTo })));
  const result = await sql`
    update org_units o set valid_to = r.valid_to, updated_at = now()
    from jsonb_to_recordset(${payload}::jsonb) as r(code text, valid_to date)
    where o.kind = 'lao' and o.code = r.code and o.valid_to is null`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Serialises register imports: two at once would each plan against a register the other is changing. */
export async function lockRegister(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(727002)`.execute(db);
}

export async function insertRegisterAudit(db: Db, e: { actorUserId: string | null; importId: number; summary: unknown }): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({ actor_user_id: e.actorUserId, action: 'import', entity_type: 'register_import', entity_id: String(e.importId), new_value: JSON.stringify(e.summary) })
    .execute();
}

// register_imports: written outside the import's transaction, so others can follow its progress.

export type RegisterImportCounts = { added: number; updated: number; closed: number; reopened: number; unchanged: number; moved: number };
export type RegisterImportPhase = 'reading' | 'checking' | 'writing' | 'finished';

export async function createRegisterImport(db: Db, i: { startedBy: string | null; fileName: string; dryRun: boolean; asOf: string }): Promise<number> {
  const row = await db
    .insertInto('register_imports')
    .values({ started_by: i.startedBy, file_name: i.fileName.slice(0, 300), mode: i.dryRun ? 'dry_run' : 'import', status: 'running', as_of: i.asOf })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function recordRegisterImportProgress(db: Db, id: number, p: { phase: RegisterImportPhase; processed: number; total: number }): Promise<void> {
  await db.updateTable('register_imports').set({ phase: p.phase, processed_rows: p.processed, total_rows: p.total }).where('id', '=', id).execute();
}

/** Only the first problems are stored (the count is kept): a broken 20,000-row file would otherwise store megabytes. */
export const storedProblemLimit = 1000;

export async function finishRegisterImport(
  db: Db,
  id: number,
  f: { status: 'done' | 'rejected' | 'failed'; finishedAt: Date; totalRows: number; processedRows: number; counts: RegisterImportCounts; problems: readonly RegisterProblem[] },
): Promise<void> {
  await db
    .updateTable('register_imports')
    .set({
      status: f.status, phase: 'finished', total_rows: f.totalRows, processed_rows: f.processedRows,
      added: f.counts.added, updated: f.counts.updated, closed: f.counts.closed, reopened: f.counts.reopened,
      unchanged: f.counts.unchanged, moved: f.counts.moved,
      problems: JSON.stringify(f.problems.slice(0, storedProblemLimit)), problem_count: f.problems.length, finished_at: f.finishedAt,
    })
    .where('id', '=', id)
    .execute();
}

export async function findRegisterImport(db: Db, id: number) {
  return db.selectFrom('register_imports').selectAll().where('id', '=', id).executeTakeFirst();
}
