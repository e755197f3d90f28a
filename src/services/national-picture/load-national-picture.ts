import type { Deps } from '../../deps.ts';
import { countCompletion, countResultStates, findPreviousRound, placeNames, respondentFacets, respondentShares, sentVersion, type PictureFilter, type PreviousRound } from '../../db/queries/national-picture.ts';
import { findProgrammeById } from '../../db/queries/frameworks.ts';
import { findRound, type RoundRow } from '../../db/queries/rounds.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { pictureReach } from '../../domain/access/policies.ts';
import { DomainError } from '../../domain/errors.ts';
import { listIndicators, type FrameworkDocument, type Indicator } from '../../domain/framework/framework-schema.ts';
import { indicatorApplies, isExampleTarget, resolveText } from '../../domain/framework/framework-view.ts';
import { laoTypeLabels, laoTypes, type LaoType } from '../../domain/org/lao-type.ts';
import { loadFrameworkVersion } from '../framework/load-framework-version.ts';
import { generalText } from './general-terms.ts';
import { cachedByVersion } from './picture-cache.ts';
import { addCounts, countsBy, judgedStates, noCounts, rateOf, shareBins, submittedStates, type Bin, type Rate } from './picture-rates.ts';
import { scopeFor, type PictureAsk } from './picture-scope.ts';

// The picture of one round: pass rates per indicator, area, LAO type and province (or district), the spread of
// respondents' shares of indicators met, last year's rates where indicators map, and completion per province. Live
// for rounds not yet published (recounted whenever their submissions change, see picture-cache.ts); a published
// round never changes, so its public picture is counted once per process and kept.

export type PictureRow = Rate & { key: string; label: string };
export type IndicatorRow = PictureRow & { code: string; title: string; unit: string; areaCode: string; exampleTarget: boolean; previousCode: string | null };
export type PlaceRow = PictureRow & { expected: number; submitted: number; completion: number | null };
export type YearRow = { code: string; previousCode: string; label: string; previous: Rate; current: Rate };

export type NationalPicture = {
  round: Pick<RoundRow, 'id' | 'title' | 'state' | 'fiscalYear' | 'publishedAt' | 'demo'>;
  programmeTitle: string;
  versionCode: string;
  dataFiscalYear: number | null;
  /** the place the picture covers, in words ("ทั้งประเทศ", "จังหวัดขอนแก่น", "อำเภอเมืองขอนแก่น") */
  scopeName: string;
  provinceCode: string | null;
  districtCode: string | null;
  laoType: LaoType | null;
  placeKind: 'province' | 'district';
  expected: number;
  submitted: number;
  overall: Rate;
  indicators: IndicatorRow[];
  areas: PictureRow[];
  laoTypes: PictureRow[];
  places: PlaceRow[];
  distribution: { bins: Bin[]; respondents: number; noneJudged: number };
  lastYear: { roundTitle: string; fiscalYear: number; rows: YearRow[] } | null;
  exampleTargets: boolean;
  facets: { laoTypes: LaoType[]; provinces: { code: string; name: string }[] };
  computedAt: Date;
};

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);

/** The picture for a signed-in office or owner, within their reach. */
export async function loadNationalPicture(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: { roundId: number } & PictureAsk): Promise<NationalPicture> {
  const reach = pictureReach(actor);
  if (!reach) throw new DomainError('forbidden', 'forbidden');
  const round = await findRound(deps.db, input.roundId);
  if (!round || round.state === 'draft') throw new DomainError('not_found', 'round_not_found');
  return pictureOf(deps, round, scopeFor(reach, input), input.laoType, false);
}

/** The picture anyone may read: published rounds only (404 before, never a hint). */
export async function loadPublicPicture(deps: Pick<Deps, 'db' | 'clock'>, input: { roundId: number } & PictureAsk): Promise<NationalPicture> {
  const round = await findRound(deps.db, input.roundId);
  if (!round || round.state !== 'published') throw new DomainError('not_found', 'round_not_found');
  return pictureOf(deps, round, scopeFor('public', input), input.laoType, true);
}

/** A published round's version is its publication; anything else, what its sent submissions are now. */
async function versionOf(deps: Pick<Deps, 'db'>, round: { id: number; state: string; publishedAt: Date | null }): Promise<string> {
  if (round.state === 'published' && round.publishedAt) return `published:${round.publishedAt.getTime()}`;
  return `${round.state}:${await sentVersion(deps.db, [round.id], submittedStates)}`;
}

async function pictureOf(deps: Pick<Deps, 'db' | 'clock'>, round: RoundRow, scope: { provinceCode: string | null; districtCode: string | null }, laoTypeAsked: string | null, publicView: boolean): Promise<NationalPicture> {
  const laoType = laoTypes.find((t) => t === laoTypeAsked) ?? null;
  const filter = { roundId: round.id, laoType, ...scope };
  // Last year's round belongs to the picture's version too: it may be closed, reopened and changed.
  const previous = await findPreviousRound(deps.db, round.id, publicView ? ['published'] : ['closed', 'published']);
  const [version, previousVersion] = await Promise.all([versionOf(deps, round), previous ? versionOf(deps, previous) : '']);
  const key = [round.id, laoType, scope.provinceCode, scope.districtCode, publicView].join('|');
  return cachedByVersion(deps.db, key, `${version}|${previous?.id ?? ''}:${previousVersion}`, () => computePicture(deps, round, filter, previous ?? null, previousVersion));
}

function indicatorRows(doc: FrameworkDocument, laoType: LaoType | null, counts: Map<string, ReturnType<typeof noCounts>>): IndicatorRow[] {
  const text = (t: Parameters<typeof resolveText>[0]) => (laoType ? resolveText(t, laoType, doc) : generalText(t, doc));
  const example = (i: Indicator) => (laoType ? isExampleTarget(i, laoType) : Boolean(i.example || Object.values(i.targets ?? {}).some((t) => t.example)));
  return listIndicators(doc)
    .filter(({ indicator }) => !laoType || indicatorApplies(indicator, laoType))
    .map(({ indicator, area }) => {
      const title = text(indicator.title);
      return { ...rateOf(counts.get(indicator.code) ?? noCounts()), key: indicator.code, label: `${indicator.code} ${title}`, code: indicator.code, title, unit: indicator.unit, areaCode: area.code, exampleTarget: example(indicator), previousCode: indicator.previous ?? null };
    });
}

async function computePicture(deps: Pick<Deps, 'db' | 'clock'>, round: RoundRow, filter: PictureFilter, previous: PreviousRound | null, previousVersion: string): Promise<NationalPicture> {
  const { db } = deps;
  const placeKind = filter.provinceCode ? 'district' : 'province';
  const [version, programme, grouped, shares, completion, facets] = await Promise.all([
    loadFrameworkVersion(db, { id: round.frameworkVersionId }),
    findProgrammeById(db, round.programmeId),
    countResultStates(db, filter, submittedStates, placeKind),
    respondentShares(db, filter, submittedStates, judgedStates),
    countCompletion(db, filter, submittedStates, placeKind),
    respondentFacets(db, round.id),
  ]);
  const { doc } = version;
  const laoType = filter.laoType as LaoType | null;
  const placeCodes = completion.filter((c) => !c.total && c.place).map((c) => c.place!);
  const [names, provinceNames, lastYearCounts] = await Promise.all([
    placeNames(db, placeKind, placeCodes),
    placeNames(db, 'province', [...new Set([...facets.provinceCodes, ...(filter.provinceCode ? [filter.provinceCode] : [])])]),
    // Last year's counts change only with last year's round: kept apart, they are not recounted with this year's.
    previous ? cachedByVersion(db, `last-year|${previous.id}|${filter.laoType}|${filter.provinceCode}|${filter.districtCode}`, previousVersion,
      () => countResultStates(db, { ...filter, roundId: previous.id }, submittedStates, placeKind, ['indicator'])) : null,
  ]);

  const byIndicator = countsBy(grouped, 'indicator');
  const indicators = indicatorRows(doc, laoType, byIndicator);
  const areas = doc.areas.map((area) => {
    const counts = indicators.filter((r) => r.areaCode === area.code).reduce((sum, r) => addCounts(sum, r), noCounts());
    return { ...rateOf(counts), key: area.code, label: laoType ? resolveText(area.title, laoType, doc) : generalText(area.title, doc) };
  }).filter((a) => indicators.some((r) => r.areaCode === a.key));
  const byType = countsBy(grouped, 'laoType');
  const typeRows = doc.programme.respondents === 'lao'
    ? laoTypes.filter((t) => byType.has(t)).map((t) => ({ ...rateOf(byType.get(t)!), key: t, label: laoTypeLabels[t].full }))
    : [];
  const byPlace = countsBy(grouped, 'place');
  const places = completion.filter((c) => !c.total && c.place).map((c) => ({
    ...rateOf(byPlace.get(c.place!) ?? noCounts()), key: c.place!, label: names.get(c.place!) ?? c.place!,
    expected: c.expected, submitted: c.submitted, completion: percent(c.submitted, c.expected),
  })).sort((a, b) => a.label.localeCompare(b.label, 'th'));
  const total = completion.find((c) => c.total) ?? { expected: 0, submitted: 0 };

  let lastYear: NationalPicture['lastYear'] = null;
  if (previous && lastYearCounts) {
    // The same version maps every indicator to itself; another version maps through `previous`.
    const before = countsBy(lastYearCounts, 'indicator');
    const sameVersion = previous.frameworkVersionId === round.frameworkVersionId;
    const rows = indicators.flatMap((r) => {
      const previousCode = sameVersion ? r.code : r.previousCode;
      const counts = previousCode ? before.get(previousCode) : undefined;
      return previousCode && counts ? [{ code: r.code, previousCode, label: r.label, previous: rateOf(counts), current: r as Rate }] : [];
    });
    if (rows.length) lastYear = { roundTitle: previous.title, fiscalYear: previous.fiscalYear, rows };
  }

  const scopeName = filter.districtCode
    ? `${(await placeNames(db, 'district', [filter.districtCode])).get(filter.districtCode) ?? filter.districtCode} จังหวัด${provinceNames.get(filter.provinceCode!) ?? ''}`
    : filter.provinceCode ? `จังหวัด${provinceNames.get(filter.provinceCode) ?? filter.provinceCode}` : 'ทั้งประเทศ';
  return {
    round: { id: round.id, title: round.title, state: round.state, fiscalYear: round.fiscalYear, publishedAt: round.publishedAt, demo: round.demo },
    programmeTitle: programme?.title ?? '', versionCode: version.code, dataFiscalYear: doc.version.dataFiscalYear ?? null,
    scopeName, provinceCode: filter.provinceCode, districtCode: filter.districtCode, laoType, placeKind,
    expected: total.expected, submitted: total.submitted, overall: rateOf(countsBy(grouped, 'all').get('') ?? noCounts()),
    indicators, areas, laoTypes: typeRows, places,
    distribution: shareBins(shares), lastYear, exampleTargets: indicators.some((r) => r.exampleTarget),
    facets: {
      laoTypes: laoTypes.filter((t) => facets.laoTypes.includes(t)),
      provinces: facets.provinceCodes.map((code) => ({ code, name: provinceNames.get(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name, 'th')),
    },
    computedAt: deps.clock.now(),
  };
}
