import type { Deps } from '../../deps.ts';
import { countCompleteAreasOfOpenWork, countProgress } from '../../db/queries/progress.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { resolveText } from '../../domain/framework/framework-view.ts';
import type { LaoType } from '../../domain/org/lao-type.ts';
import { areaRequirements, listAreas } from '../../domain/progress/area-completion.ts';
import type { ProgressCounts } from '../../domain/progress/progress-figures.ts';
import { breakdownLevel } from '../../domain/progress/progress-scope.ts';
import { loadProgressContext, type ContextResult, type ProgressContext, type ProgressQuery } from './progress-context.ts';

// Use case: a round's progress for the area asked (nation, province or district, optionally one LAO type), live
// from the tables: the figures, by province or district, by LAO type and by framework area.

export type AreaProgress = { code: string; title: string; expected: number; complete: number; sectionCodes: string[]; sectionTitles: string[] };
export type ProgressSummary = {
  ctx: ProgressContext;
  now: Date;
  total: ProgressCounts;
  breakdown: 'province' | 'district' | null;
  byPlace: (ProgressCounts & { code: string | null; name: string })[];
  byType: (ProgressCounts & { laoType: LaoType | null })[];
  byArea: AreaProgress[];
};

export type SummaryResult = { ok: true; summary: ProgressSummary } | Extract<ContextResult, { ok: false }>;

export async function loadProgress(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, q: ProgressQuery): Promise<SummaryResult> {
  const loaded = await loadProgressContext(deps, actor, q, 'summary');
  if (!loaded.ok) return loaded;
  const { ctx } = loaded;
  const now = deps.clock.now();
  const breakdown = breakdownLevel(ctx.scope);
  const requirements = areaRequirements(ctx.doc).filter((r) => r.audience === null || ctx.laoTypes.includes(r.audience));
  const required = requirements.map((r) => ({ audience: r.audience ?? '', areaCode: r.areaCode, keys: r.slots.map((x) => `${x.fieldKey}|${x.itemCode}`) }));
  // Two statements at once on two connections: the page waits for the slower, not for both.
  const [counts, open] = await Promise.all([
    countProgress(deps.db, { roundId: ctx.round.id, area: ctx.area, by: breakdown, now }),
    ctx.round.state === 'draft' ? Promise.resolve([]) : countCompleteAreasOfOpenWork(deps.db, { roundId: ctx.round.id, area: ctx.area, required }),
  ]);

  const fileOrder = ctx.doc.forms.flatMap((f) => f.sections.map((x) => x.code));
  const sectionTitle = new Map(ctx.doc.forms.flatMap((f) => f.sections.map((x) => [x.code, resolveText(x.title, null, ctx.doc)] as const)));
  const ofType = new Map(counts.byType.map((t) => [t.laoType ?? '', t]));
  const names = new Map((breakdown === 'province' ? ctx.provinceChoices : ctx.districtChoices).map((p) => [p.code, p.name]));
  const byArea = listAreas(ctx.doc).map((area) => {
    const held = requirements.filter((r) => r.areaCode === area.code);
    let expected = 0;
    let complete = 0;
    for (const r of held) {
      const audience = r.audience ?? '';
      expected += ofType.get(audience)?.expected ?? 0;
      // sent submissions are complete in every area; of the open work, those with every required answer
      complete += (ofType.get(audience)?.submitted ?? 0) + (open.find((c) => c.audience === audience && c.areaCode === area.code)?.complete ?? 0);
    }
    const sectionCodes = [...new Set(held.flatMap((r) => r.sectionCodes))].sort((a, b) => fileOrder.indexOf(a) - fileOrder.indexOf(b));
    return { code: area.code, title: area.title, expected, complete, sectionCodes, sectionTitles: sectionCodes.map((c) => sectionTitle.get(c) ?? c) };
  }).filter((a) => requirements.some((r) => r.areaCode === a.code));

  return {
    ok: true,
    summary: {
      ctx, now, total: counts.total, breakdown,
      byPlace: counts.byPlace.map((p) => ({ ...p, name: p.code ? names.get(p.code) ?? p.code : '' })).sort((a, b) => (a.code === null ? 1 : 0) - (b.code === null ? 1 : 0) || a.name.localeCompare(b.name, 'th')),
      byType: counts.byType.map((t) => ({ ...t, laoType: t.laoType as LaoType | null })).sort((a, b) => ctx.laoTypes.indexOf(a.laoType!) - ctx.laoTypes.indexOf(b.laoType!)),
      byArea,
    },
  };
}
