import type { Role } from './roles.ts';

// Actor: who is asking, with every membership resolved to the path of its reach.
export type MembershipReach = {
  id: number;
  role: Role;
  unitId: number;
  unitCode: string;
  unitKind: string;
  unitPath: string;
  unitNameTh: string;
  officeUnitId: number | null;
  /** The office or division the person works in (office_unit_id), by code and kind: a division (กลุ่มงาน) of a
   * provincial office limits what they may change in its outstanding-office submission (domain/outstanding). */
  officeUnitCode?: string | null;
  officeUnitKind?: string | null;
};

export type Actor = {
  userId: string;
  username: string | null;
  name: string;
  email: string;
  twoFactorEnabled: boolean;
  memberships: MembershipReach[];
};
