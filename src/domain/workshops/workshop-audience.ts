import type { Actor } from '../access/actor.ts';
import { canManageProgrammes } from '../access/policies.ts';
import { laoTypeLabels, type LaoType } from '../org/lao-type.ts';

// Who a workshop (การประชุมเชิงปฏิบัติการ/อบรม) is for: LAO types and provinces, either left open (null = all). The
// letters go owner → province → district → LAO (seed 001), so the offices of an audience province see the workshop
// too, whatever the LAO types: they pass it on. LAO people see it when their LAO's type and province are in it.

export type WorkshopAudience = { laoTypes: LaoType[] | null; provinceCodes: string[] | null };

/** One LAO of the viewer's memberships, with the facts the audience is judged on. */
export type ViewerLao = { id: number; code: string; nameTh: string; laoType: LaoType; provinceCode: string | null };

/** What a workshop page needs to know about the one asking: loaded once per request by the service. */
export type WorkshopViewer = {
  userId: string;
  /** Programme owners (and system administrators): announce, edit, see every registration and export. */
  owner: boolean;
  /** Sees every workshop without registering (committee for the country). */
  nation: boolean;
  /** LAOs whose officers or executives the viewer is: they register their people. */
  laos: ViewerLao[];
  /** Provinces of the viewer's office and committee memberships (a district office: its district's province). */
  officeProvinces: string[];
};

/** The part of the viewer's memberships that needs no look-up (LAO facts are added by the caller). */
export function viewerBase(actor: Actor): Omit<WorkshopViewer, 'laos'> {
  const officeProvinces = new Set<string>();
  let nation = false;
  for (const m of actor.memberships) {
    if (m.unitKind === 'country' && m.role === 'committee_member') nation = true;
    if (m.unitKind === 'province' && (m.role === 'province_office' || m.role === 'committee_member')) officeProvinces.add(m.unitCode);
    // DOPA district codes begin with their province's code.
    if (m.unitKind === 'district' && m.role === 'district_office') officeProvinces.add(m.unitCode.slice(0, 2));
  }
  return { userId: actor.userId, owner: canManageProgrammes(actor), nation, officeProvinces: [...officeProvinces].sort() };
}

/** The LAO unit ids whose facts the viewer's audience check needs. */
export function viewerLaoUnitIds(actor: Actor): number[] {
  return [...new Set(actor.memberships.filter((m) => m.unitKind === 'lao' && (m.role === 'lao_officer' || m.role === 'lao_executive')).map((m) => m.unitId))];
}

export const isEveryone = (a: WorkshopAudience) => a.laoTypes === null && a.provinceCodes === null;
const provinceIn = (a: WorkshopAudience, code: string | null) => a.provinceCodes === null || (code !== null && a.provinceCodes.includes(code));

/** Is this LAO one the workshop is for? */
export function laoInAudience(a: WorkshopAudience, lao: Pick<ViewerLao, 'laoType' | 'provinceCode'>): boolean {
  return (a.laoTypes === null || a.laoTypes.includes(lao.laoType)) && provinceIn(a, lao.provinceCode);
}

/** May the viewer see the workshop: its details, link and documents? */
export function viewerInAudience(v: WorkshopViewer, a: WorkshopAudience): boolean {
  if (v.owner || v.nation || isEveryone(a)) return true;
  return v.laos.some((l) => laoInAudience(a, l)) || v.officeProvinces.some((p) => provinceIn(a, p));
}

/** The viewer's LAOs that may register attendees for this workshop. */
export function registeringLaos(v: WorkshopViewer, a: WorkshopAudience): ViewerLao[] {
  return v.laos.filter((l) => laoInAudience(a, l));
}

/** The audience in words: "ทุก อปท. ทั่วประเทศ", "เทศบาลตำบล, องค์การบริหารส่วนตำบล ในจังหวัดชลบุรี, ระยอง". */
export function audienceInWords(a: WorkshopAudience, provinceName: (code: string) => string): string {
  const types = a.laoTypes === null ? 'อปท. ทุกประเภท' : a.laoTypes.map((t) => laoTypeLabels[t].full).join(', ');
  const places = a.provinceCodes === null ? 'ทั่วประเทศ' : `ในจังหวัด${a.provinceCodes.map(provinceName).join(', ')}`;
  return `${types} ${places}`;
}
