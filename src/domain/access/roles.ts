// Roles (บทบาท). A Membership gives one role over one org unit's subtree.
export const roles = ['lao_officer', 'lao_executive', 'district_office', 'province_office', 'committee_member', 'programme_admin', 'system_admin'] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  lao_officer: 'เจ้าหน้าที่ อปท.',
  lao_executive: 'ผู้บริหาร อปท.',
  district_office: 'สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ',
  province_office: 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด',
  committee_member: 'กรรมการ/คณะทำงาน',
  programme_admin: 'ผู้ดูแลโครงการ (สกถ./สถ.)',
  system_admin: 'ผู้ดูแลระบบ',
};

/** Which kinds of org unit a role's membership may be attached to (its reach is that unit's subtree). */
export const roleUnitKinds: Record<Role, readonly string[]> = {
  lao_officer: ['lao'],
  lao_executive: ['lao'],
  district_office: ['district'],
  province_office: ['province'],
  committee_member: ['province', 'country'],
  programme_admin: ['country'],
  system_admin: ['country'],
};

/** Roles that must use a second factor (TOTP) where the deployment enforces it. */
export const rolesRequiringTotp: readonly Role[] = ['lao_executive', 'district_office', 'province_office', 'programme_admin', 'system_admin'];

/** Which roles a holder of `role` may grant to others, inside their own reach. */
export const grantableRoles: Record<Role, readonly Role[]> = {
  lao_officer: [],
  lao_executive: ['lao_officer', 'lao_executive'],
  district_office: ['lao_officer', 'lao_executive', 'district_office'],
  province_office: ['lao_officer', 'lao_executive', 'district_office', 'province_office', 'committee_member'],
  committee_member: [],
  programme_admin: ['lao_officer', 'lao_executive', 'district_office', 'province_office', 'committee_member', 'programme_admin'],
  system_admin: roles,
};

export function isRole(v: string): v is Role {
  return (roles as readonly string[]).includes(v);
}
