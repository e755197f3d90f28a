import type { Deps } from '../../deps.ts';
import type { ProgrammeRow } from '../../db/queries/frameworks.ts';
import { listRespondentProvinces } from '../../db/queries/outstanding.ts';
import type { RoundRow } from '../../db/queries/rounds.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { canViewDistrictRanking, canViewProvinceRanking } from '../../domain/outstanding/ranking.ts';

// Where the round page points to a ranking: DLA's ranking of provinces, or each province's ranking of its district
// offices that this actor may read (their own province; every province of the round for the owners).

export async function rankingLinks(deps: Pick<Deps, 'db'>, actor: Actor, round: RoundRow, programme: ProgrammeRow): Promise<{ href: string; label: string }[]> {
  if (!programme.scored || programme.respondents === 'lao' || round.state === 'draft') return [];
  if (programme.respondents === 'province_office') {
    return canViewProvinceRanking(actor) ? [{ href: `/rounds/${round.id}/ranking`, label: 'ผลการจัดลำดับจังหวัด พร้อมเหตุผลของคะแนน' }] : [];
  }
  const provinces = (await listRespondentProvinces(deps.db, round.id)).filter((p) => canViewDistrictRanking(actor, p.path));
  return provinces.map((p) => ({ href: `/rounds/${round.id}/provinces/${p.code}/district-ranking`, label: `ผลการคัดเลือกท้องถิ่นอำเภอดีเด่น จังหวัด${p.name}` }));
}
