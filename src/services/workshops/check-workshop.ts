import type { Deps } from '../../deps.ts';
import { findProgrammeById } from '../../db/queries/frameworks.ts';
import { listProvinceNames, type WorkshopValues } from '../../db/queries/workshops.ts';
import { checkWorkshopTimes } from '../../domain/workshops/workshop-input.ts';

// What announcing and correcting a workshop both check against the database: the programme and provinces exist,
// and the times follow each other. The edge has already parsed the form (Buddhist-Era dates, the link).

export type WorkshopInput = WorkshopValues;
export type SaveWorkshopOutcome = { ok: true; workshopId: number } | { ok: false; errors: Record<string, string> };

export async function workshopProblems(deps: Pick<Deps, 'db'>, input: WorkshopInput): Promise<Record<string, string>> {
  const errors: Record<string, string> = { ...checkWorkshopTimes(input) };
  if (!(await findProgrammeById(deps.db, input.programmeId))) errors.programmeId = 'เลือกโครงการจากรายการ';
  if (input.provinceCodes) {
    const known = new Set((await listProvinceNames(deps.db)).map((p) => p.code));
    if (input.provinceCodes.some((c) => !known.has(c))) errors.provinceCodes = 'เลือกจังหวัดจากรายการ';
  }
  return errors;
}

/** The workshop as its audit rows keep it. */
export const workshopSnapshot = (v: WorkshopInput) => ({
  ...v, startsAt: v.startsAt.toISOString(), endsAt: v.endsAt.toISOString(), registrationClosesAt: v.registrationClosesAt.toISOString(),
});
