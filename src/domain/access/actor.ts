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
};

export type Actor = {
  userId: string;
  username: string | null;
  name: string;
  email: string;
  twoFactorEnabled: boolean;
  memberships: MembershipReach[];
};
