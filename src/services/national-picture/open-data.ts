import type { Deps } from '../../deps.ts';
import { findProgrammeById } from '../../db/queries/frameworks.ts';
import { listOpenDataRespondents, listResultsOf, type OpenDataRespondent } from '../../db/queries/national-picture.ts';
import { findRound, type RoundRow } from '../../db/queries/rounds.ts';
import { DomainError } from '../../domain/errors.ts';
import { listIndicators, type FrameworkDocument } from '../../domain/framework/framework-schema.ts';
import { isExampleTarget, targetFor } from '../../domain/framework/framework-view.ts';
import { laoTypeLabels, type LaoType } from '../../domain/org/lao-type.ts';
import { resultStateLabels, type ResultState } from '../../domain/results/score-indicator.ts';
import { loadFrameworkVersion } from '../framework/load-framework-version.ts';
import { openDataColumns, type OpenDataRow } from './open-data-columns.ts';
import { submittedStates } from './picture-rates.ts';

// The open data of a published round: one row per respondent × indicator, from the stored results of respondents
// that sent their data — organisations, places, values, targets and results; nothing about the people who typed
// them. Read in slices of respondents so a national round (~160,000 rows) streams in bounded memory.

export type OpenDataSource = {
  round: RoundRow;
  programmeTitle: string;
  programmeOwner: 'odloc' | 'dla';
  versionCode: string;
  doc: FrameworkDocument;
  respondents: OpenDataRespondent[];
};

const slice = 400;

/** A published round; 404 for anything else (unknown, draft, open, closed). */
export async function findPublishedRound(deps: Pick<Deps, 'db'>, roundId: number): Promise<RoundRow> {
  const round = await findRound(deps.db, roundId);
  if (!round || round.state !== 'published') throw new DomainError('not_found', 'round_not_found');
  return round;
}

/** The published round's open data (its respondents only when the rows are wanted), or 404 before publication. */
export async function loadOpenData(deps: Pick<Deps, 'db'>, roundId: number, opts: { respondents?: boolean } = {}): Promise<OpenDataSource> {
  const round = await findPublishedRound(deps, roundId);
  const [version, programme, respondents] = await Promise.all([
    loadFrameworkVersion(deps.db, { id: round.frameworkVersionId }),
    findProgrammeById(deps.db, round.programmeId),
    opts.respondents === false ? [] : listOpenDataRespondents(deps.db, round.id, submittedStates),
  ]);
  return { round, programmeTitle: programme?.title ?? '', programmeOwner: programme?.owner ?? 'odloc', versionCode: version.code, doc: version.doc, respondents };
}

const rounded = (v: number | null) => (v === null ? null : Math.round(v * 10_000) / 10_000);

/** The rows, a slice of respondents at a time, in respondent order and the framework's indicator order. */
export async function* openDataRows(deps: Pick<Deps, 'db'>, source: OpenDataSource): AsyncGenerator<OpenDataRow[]> {
  const indicators = listIndicators(source.doc);
  const position = new Map(indicators.map(({ indicator }, i) => [indicator.code, i]));
  const byCode = new Map(indicators.map((x) => [x.indicator.code, x]));
  for (let i = 0; i < source.respondents.length; i += slice) {
    const respondents = source.respondents.slice(i, i + slice);
    const results = await listResultsOf(deps.db, respondents.map((r) => r.submissionId));
    const bySubmission = new Map<number, typeof results>();
    for (const r of results) {
      const list = bySubmission.get(r.submissionId);
      if (list) list.push(r);
      else bySubmission.set(r.submissionId, [r]);
    }
    const rows: OpenDataRow[] = [];
    for (const who of respondents) {
      const laoType = (who.laoType ?? null) as LaoType | null;
      const mine = (bySubmission.get(who.submissionId) ?? []).sort((a, b) => (position.get(a.indicatorCode) ?? 1e9) - (position.get(b.indicatorCode) ?? 1e9));
      for (const r of mine) {
        const found = byCode.get(r.indicatorCode);
        const target = found ? targetFor(found.indicator, laoType) : undefined;
        rows.push({
          round_id: source.round.id, fiscal_year: source.round.fiscalYear, framework_version: source.versionCode,
          org_code: who.orgCode, org_name: who.orgName, lao_type: laoType, lao_type_th: laoType ? laoTypeLabels[laoType].full : null,
          province_code: who.provinceCode, province_name: who.provinceName, district_code: who.districtCode, district_name: who.districtName,
          area_code: found?.area.code ?? null, indicator_code: r.indicatorCode, unit: found?.indicator.unit ?? null,
          denominator: rounded(r.denominator), numerator: rounded(r.numerator), value: rounded(r.value),
          target_comparison: target?.comparison ?? null, target_value: target?.value ?? null,
          target_is_example: found ? isExampleTarget(found.indicator, laoType) : null,
          state: r.state, state_th: resultStateLabels[r.state as ResultState] ?? r.state,
        });
      }
    }
    yield rows;
  }
}

/** What the files say about their licence: the programme owner sets it; until then this is an example. */
export function licenceStatement(owner: 'odloc' | 'dla'): { text: string; example: true } {
  const who = owner === 'odloc' ? 'สำนักงานคณะกรรมการการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น (สำนักงาน ก.ก.ถ.)' : 'กรมส่งเสริมการปกครองท้องถิ่น';
  return { text: `ตัวอย่างข้อความ: สัญญาอนุญาตการใช้ข้อมูลชุดนี้ ${who} ในฐานะเจ้าของโครงการเป็นผู้กำหนด ขณะนี้ยังไม่ได้กำหนด`, example: true };
}

export { openDataColumns };
