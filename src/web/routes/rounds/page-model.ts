import type { Deps } from '../../../deps.ts';
import { findFrameworkVersion, findProgrammeById, type ProgrammeRow } from '../../../db/queries/frameworks.ts';
import { findCountry, findOrgUnitById, listChildren } from '../../../db/queries/org-units.ts';
import { countRespondents, countSubmissionStates, findRespondent, findRound, listExtensions, listInternalDeadlines, type ExtensionRow, type InternalDeadlineRow, type RoundRow } from '../../../db/queries/rounds.ts';
import type { Actor } from '../../../domain/access/actor.ts';
import { canManageProgrammes, hasRole } from '../../../domain/access/policies.ts';
import { DomainError } from '../../../domain/errors.ts';
import { decideEntry, type EntryDecision } from '../../../domain/rounds/entry-window.ts';
import { canDecideExtension, canRequestExtension, canRequestProvinceExtension, type RespondentUnit } from '../../../domain/rounds/extension-policy.ts';
import { toExtensionFact } from '../../../services/rounds/extension-facts.ts';
import { rankingLinks } from '../../../services/outstanding/ranking-links.ts';

// Everything the round page shows, and what this actor may do on it, loaded from the queries and decided by the
// domain's policies (the services check the same policies again when a form is posted).

export type UnitChoice = { id: number; name: string; provinceCode: string | null };
export type OwnDeadline = { unit: UnitChoice; decision: EntryDecision; pending: ExtensionRow | null };

export type RoundPage = {
  round: RoundRow;
  programme: ProgrammeRow;
  version: { id: number; code: string; title: string; laoTypes: string[] };
  respondentCounts: { laoType: string | null; n: number }[];
  submissionStates: { state: string; n: number }[];
  extensions: ExtensionRow[];
  internalDeadlines: InternalDeadlineRow[];
  now: Date;
  manage: boolean;
  /** May follow the respondents' progress (owner or an office above them). */
  follow: boolean;
  /** The respondents this actor answers for, with their own deadline. */
  own: OwnDeadline[];
  /** Provinces this actor may ask more time for as a whole. */
  requestProvinces: UnitChoice[];
  /** Pending requests this actor may decide. */
  decidable: ExtensionRow[];
  /** Provinces this actor may set an internal deadline for (all of them for the owner). */
  deadlineProvinces: UnitChoice[];
  provinces: UnitChoice[];
  /** The outstanding-office rankings this actor may read (seed 004). */
  rankings: { href: string; label: string }[];
};

export function roundIdParam(raw: string | undefined): number {
  if (!raw || !/^\d{1,9}$/.test(raw)) throw new DomainError('not_found', 'round_not_found');
  return Number(raw);
}

export async function listProvinces(db: Deps['db']): Promise<UnitChoice[]> {
  const country = await findCountry(db);
  if (!country) return [];
  return (await listChildren(db, country.id, { limit: 200 })).filter((u) => u.kind === 'province').map((u) => ({ id: u.id, name: u.nameTh, provinceCode: u.provinceCode }));
}

/** The units this actor answers for in the round: its LAO, or its office for office programmes. */
export async function respondentUnitsOf(deps: Pick<Deps, 'db'>, actor: Actor, round: RoundRow, programme: ProgrammeRow): Promise<(RespondentUnit & UnitChoice)[]> {
  const out: (RespondentUnit & UnitChoice)[] = [];
  for (const m of actor.memberships) {
    let unitId: number | undefined;
    if (programme.respondents === 'lao' && (m.role === 'lao_officer' || m.role === 'lao_executive')) unitId = m.unitId;
    if (programme.respondents !== 'lao' && m.role === programme.respondents) {
      unitId = (await listChildren(deps.db, m.unitId, { limit: 5 })).find((u) => u.kind === programme.respondents)?.id;
    }
    if (unitId === undefined || out.some((u) => u.id === unitId)) continue;
    const respondent = await findRespondent(deps.db, round.id, unitId);
    const unit = respondent ? await findOrgUnitById(deps.db, unitId) : undefined;
    if (!respondent || !unit) continue;
    const ref = { id: unit.id, path: unit.path, kind: unit.kind };
    if (canRequestExtension(actor, ref)) out.push({ ...ref, name: unit.nameTh, provinceCode: respondent.provinceCode });
  }
  return out;
}

/** The provinces this actor's provincial-office memberships cover. */
export function provinceOfficeUnits(actor: Actor): UnitChoice[] {
  return actor.memberships.filter((m) => m.role === 'province_office' && canRequestProvinceExtension(actor, m.unitPath)).map((m) => ({ id: m.unitId, name: m.unitNameTh, provinceCode: m.unitCode }));
}

export async function loadRoundPage(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, roundId: number): Promise<RoundPage> {
  const round = await findRound(deps.db, roundId);
  if (!round) throw new DomainError('not_found', 'round_not_found');
  const [programme, versionRow, respondentCounts, submissionStates, extensions, internalDeadlines] = await Promise.all([
    findProgrammeById(deps.db, round.programmeId), findFrameworkVersion(deps.db, { id: round.frameworkVersionId }), countRespondents(deps.db, round.id),
    countSubmissionStates(deps.db, round.id), listExtensions(deps.db, round.id), listInternalDeadlines(deps.db, round.id),
  ]);
  if (!programme || !versionRow) throw new DomainError('not_found', 'round_not_found');
  const now = deps.clock.now();
  const manage = canManageProgrammes(actor);
  const facts = extensions.map(toExtensionFact);

  const own = (await respondentUnitsOf(deps, actor, round, programme)).map((unit) => ({
    unit,
    decision: decideEntry(round, facts, { orgUnitId: unit.id, provinceCode: unit.provinceCode }, now),
    pending: extensions.find((e) => e.status === 'requested' && e.scope === 'respondent' && e.orgUnitId === unit.id) ?? null,
  }));

  const decidable: ExtensionRow[] = [];
  for (const e of extensions.filter((x) => x.status === 'requested')) {
    const unit = e.orgUnitId ? await findOrgUnitById(deps.db, e.orgUnitId) : undefined;
    if (canDecideExtension(actor, { scope: e.scope, unit: unit ? { id: unit.id, path: unit.path, kind: unit.kind } : null })) decidable.push(e);
  }

  const needsProvinces = manage || hasRole(actor, 'province_office');
  const provinces = needsProvinces ? await listProvinces(deps.db) : [];
  const document = versionRow.document as { laoTypes?: string[] };
  return {
    round, programme, version: { id: versionRow.id, code: versionRow.code, title: versionRow.title, laoTypes: document.laoTypes ?? [] },
    respondentCounts, submissionStates, extensions, internalDeadlines, now, manage, own,
    follow: manage || hasRole(actor, 'district_office', 'province_office', 'committee_member'),
    // where provincial offices are themselves the respondents, a province-wide request is just their own
    requestProvinces: programme.respondents === 'province_office' ? [] : provinceOfficeUnits(actor), decidable,
    deadlineProvinces: manage ? provinces : provinceOfficeUnits(actor), provinces,
    rankings: await rankingLinks(deps, actor, round, programme),
  };
}
