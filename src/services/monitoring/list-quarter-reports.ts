import type { Deps } from '../../deps.ts';
import { findProgrammeByCode, findProgrammeById, type ProgrammeRow } from '../../db/queries/frameworks.ts';
import { listProgrammeRounds, listReportRows, type QuarterRoundRow, type ReportRow } from '../../db/queries/monitoring.ts';
import { findRound, type RoundRow } from '../../db/queries/rounds.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { canManageProgrammes } from '../../domain/access/policies.ts';
import { DomainError } from '../../domain/errors.ts';
import { reportStatus, type ReportStatus } from '../../domain/monitoring/report-status.ts';
import { loadExtensionFacts } from '../rounds/extension-facts.ts';

// DLA's view of a quarterly programme: every province's report per quarter — where it stands, when it was sent,
// whether on time against the province's own deadline (the entry rule's, extensions included). The programme owners'.

export type ProvinceReport = ReportRow & { status: ReportStatus; deadline: Date };
export type StatusCounts = Record<ReportStatus, number> & { expected: number };

const isMonitoring = (p: ProgrammeRow | undefined): p is ProgrammeRow => p !== undefined && p.frequency === 'quarterly' && p.respondents === 'province_office';

export function countStatuses(rows: { status: ReportStatus }[]): StatusCounts {
  const c: StatusCounts = { expected: rows.length, on_time: 0, late: 0, overdue: 0, pending: 0 };
  for (const r of rows) c[r.status]++;
  return c;
}

async function withStatus(deps: Pick<Deps, 'db' | 'clock'>, rounds: Pick<RoundRow, 'id' | 'state' | 'opensAt' | 'dueAt' | 'lateUntil' | 'editClosesAt'>[]): Promise<Map<number, ProvinceReport[]>> {
  const [rows, extensions] = await Promise.all([listReportRows(deps.db, rounds.map((r) => r.id)), Promise.all(rounds.map((r) => loadExtensionFacts(deps.db, r.id)))]);
  const now = deps.clock.now();
  const out = new Map<number, ProvinceReport[]>(rounds.map((r) => [r.id, []]));
  for (const row of rows) {
    const i = rounds.findIndex((r) => r.id === row.roundId);
    out.get(row.roundId)!.push({ ...row, ...reportStatus(rounds[i]!, extensions[i]!, row, now) });
  }
  return out;
}

/** One quarter: every province's report. */
export async function listQuarterReports(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: { roundId: number }): Promise<{ round: RoundRow; programme: ProgrammeRow; reports: ProvinceReport[]; counts: StatusCounts }> {
  if (!canManageProgrammes(actor)) throw new DomainError('forbidden', 'forbidden');
  const round = Number.isSafeInteger(input.roundId) && input.roundId > 0 ? await findRound(deps.db, input.roundId) : undefined;
  const programme = round ? await findProgrammeById(deps.db, round.programmeId) : undefined;
  if (!round || !isMonitoring(programme)) throw new DomainError('not_found', 'round_not_found');
  const reports = (await withStatus(deps, [round])).get(round.id)!;
  return { round, programme, reports, counts: countStatuses(reports) };
}

export type QuarterSummary = QuarterRoundRow & { counts: StatusCounts; late: ProvinceReport[] };

/** Every quarter of the programme, newest first, with its counts and the provinces that are late. */
export async function listQuarters(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: { programmeCode: string }): Promise<{ programme: ProgrammeRow; quarters: QuarterSummary[] }> {
  if (!canManageProgrammes(actor)) throw new DomainError('forbidden', 'forbidden');
  const programme = /^[a-z0-9-]{1,60}$/.test(input.programmeCode) ? await findProgrammeByCode(deps.db, input.programmeCode) : undefined;
  if (!isMonitoring(programme)) throw new DomainError('not_found', 'programme_not_found');
  const rounds = await listProgrammeRounds(deps.db, programme.id);
  const full = (await Promise.all(rounds.map((r) => findRound(deps.db, r.id)))).filter((r): r is RoundRow => r !== undefined);
  const byRound = await withStatus(deps, full);
  return {
    programme,
    quarters: rounds.map((r) => {
      const reports = byRound.get(r.id) ?? [];
      return { ...r, counts: countStatuses(reports), late: reports.filter((x) => x.status === 'late' || x.status === 'overdue') };
    }),
  };
}
