import type { Db } from '../pool.ts';
import type { ImprovementProgress } from '../schema.ts';

// Improvement plans (แผนพัฒนา) per submission and indicator. No business rules here.

export type ImprovementPlanRow = {
  submissionId: number;
  indicatorCode: string;
  action: string;
  owner: string;
  /** ISO date (YYYY-MM-DD). */
  dueDate: string;
  progress: ImprovementProgress;
  progressPercent: number | null;
  progressNote: string | null;
  version: number;
  updatedBy: string | null;
  updatedByName: string | null;
  updatedAt: Date;
};

export type ImprovementPlanWrite = Pick<ImprovementPlanRow, 'action' | 'owner' | 'dueDate' | 'progress' | 'progressPercent' | 'progressNote'>;

const columns = [
  'p.submission_id as submissionId', 'p.indicator_code as indicatorCode', 'p.action', 'p.owner', 'p.due_date as dueDate', 'p.progress',
  'p.progress_percent as progressPercent', 'p.progress_note as progressNote', 'p.version', 'p.updated_by as updatedBy', 'p.updated_at as updatedAt',
] as const;

export async function listImprovementPlans(db: Db, submissionId: number): Promise<ImprovementPlanRow[]> {
  return db.selectFrom('improvement_plans as p').leftJoin('user as u', 'u.id', 'p.updated_by')
    .select([...columns, 'u.name as updatedByName'])
    .where('p.submission_id', '=', submissionId).orderBy('p.indicator_code').execute();
}

/** One plan, locked for the rest of the transaction. */
export async function findImprovementPlanForUpdate(db: Db, submissionId: number, indicatorCode: string): Promise<Omit<ImprovementPlanRow, 'updatedByName'> | undefined> {
  return db.selectFrom('improvement_plans as p').select([...columns])
    .where('p.submission_id', '=', submissionId).where('p.indicator_code', '=', indicatorCode).forUpdate().executeTakeFirst();
}

/** A first plan for the indicator; undefined when another was written first. */
export async function insertImprovementPlan(db: Db, submissionId: number, indicatorCode: string, plan: ImprovementPlanWrite, userId: string | null, at: Date): Promise<number | undefined> {
  const row = await db.insertInto('improvement_plans').values({
    submission_id: submissionId, indicator_code: indicatorCode, action: plan.action, owner: plan.owner, due_date: plan.dueDate, progress: plan.progress,
    progress_percent: plan.progressPercent, progress_note: plan.progressNote, version: 1, updated_by: userId, updated_at: at,
  }).onConflict((oc) => oc.columns(['submission_id', 'indicator_code']).doNothing()).returning('version').executeTakeFirst();
  return row?.version;
}

/** Writes the plan when its version is still `version`; returns the new version, or undefined when it moved on. */
export async function updateImprovementPlan(db: Db, submissionId: number, indicatorCode: string, version: number, plan: ImprovementPlanWrite, userId: string | null, at: Date): Promise<number | undefined> {
  const row = await db.updateTable('improvement_plans').set((eb) => ({
    action: plan.action, owner: plan.owner, due_date: plan.dueDate, progress: plan.progress, progress_percent: plan.progressPercent,
    progress_note: plan.progressNote, version: eb('version', '+', 1), updated_by: userId, updated_at: at,
  })).where('submission_id', '=', submissionId).where('indicator_code', '=', indicatorCode).where('version', '=', version)
    .returning('version').executeTakeFirst();
  return row?.version;
}
