import type { Deps } from '../../deps.ts';
import { findLaoFacts, findWorkshop, type WorkshopRow } from '../../db/queries/workshops.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import { laoTypes, type LaoType } from '../../domain/org/lao-type.ts';
import { viewerBase, viewerLaoUnitIds, type WorkshopViewer } from '../../domain/workshops/workshop-audience.ts';
import { canManageWorkshops, canSeeWorkshop } from '../../domain/workshops/workshop-policy.ts';

// The facts every workshop use case starts from: who is asking (their LAOs with type and province, their offices'
// provinces), and the workshop if they may see it. Outside the audience is "forbidden", an unknown id "not found".

export async function loadWorkshopViewer(deps: Pick<Deps, 'db'>, actor: Actor): Promise<WorkshopViewer> {
  const facts = await findLaoFacts(deps.db, viewerLaoUnitIds(actor));
  const laos = facts
    .filter((f): f is typeof f & { laoType: LaoType } => f.laoType !== null && (laoTypes as readonly string[]).includes(f.laoType))
    .map((f) => ({ id: f.id, code: f.code, nameTh: f.nameTh, laoType: f.laoType, provinceCode: f.provinceCode }));
  return { ...viewerBase(actor), laos };
}

export const workshopIdOf = (raw: string | number): number => {
  const id = typeof raw === 'number' ? raw : /^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(id) || id <= 0) throw new DomainError('not_found', 'workshop_not_found');
  return id;
};

/** The workshop, if it exists and the viewer is in its audience. */
export async function loadVisibleWorkshop(deps: Pick<Deps, 'db'>, viewer: WorkshopViewer, id: number): Promise<WorkshopRow> {
  const workshop = await findWorkshop(deps.db, workshopIdOf(id));
  if (!workshop) throw new DomainError('not_found', 'workshop_not_found');
  if (!canSeeWorkshop(viewer, workshop)) throw new DomainError('forbidden', 'workshop');
  return workshop;
}

export function assertOwner(viewer: WorkshopViewer): void {
  if (!canManageWorkshops(viewer)) throw new DomainError('forbidden', 'workshops');
}
