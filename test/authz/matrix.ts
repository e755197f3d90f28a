import type { Role } from '../../src/domain/access/roles.ts';
import { laoCodes, uniqueEmail, type Principal, type Scope, type World } from './world.ts';

// The authorisation matrix: every route of the app, asked by every role and by an anonymous visitor, at every
// distance from the asker's own unit, with the status expected. A route missing from here fails the suite.

export type Call = { method: 'GET' | 'POST'; path: string; form?: Record<string, string>; bearer?: boolean };
export type Entry = {
  route: string; // 'METHOD /path' exactly as Hono lists it
  scoped: boolean; // false: the same request whatever the scope (asked once, as 'own')
  call: (w: World, who: Principal, scope: Scope) => Promise<Call>;
  expect: (who: Principal, scope: Scope) => number;
  last?: boolean; // ends the session: run after everything else
};

const signedIn = (who: Principal, status: number) => (who === 'anonymous' ? 303 : status);
const reach: Record<Role, readonly Scope[]> = {
  lao_officer: ['own'],
  lao_executive: ['own'],
  district_office: ['own', 'same_district'],
  province_office: ['own', 'same_district', 'other_district'],
  committee_member: ['own', 'same_district', 'other_district'],
  programme_admin: ['own', 'same_district', 'other_district', 'other_province'],
  system_admin: ['own', 'same_district', 'other_district', 'other_province'],
};
const userAdmins: Role[] = ['lao_executive', 'district_office', 'province_office', 'programme_admin', 'system_admin'];
/** Managing users: 303 (done) inside the asker's reach, 403 outside it or for roles that administer no one. */
const manage = (who: Principal, scope: Scope, ok = 303) => {
  if (who === 'anonymous') return 303;
  if (!userAdmins.includes(who)) return 403;
  return reach[who].includes(scope) ? ok : 403;
};
/** The register belongs to the programme owners and system administrators. */
const registerAdmin = (who: Principal, ok: number) => (who === 'anonymous' ? 303 : who === 'programme_admin' || who === 'system_admin' ? ok : 403);
const get = (path: string): Call => ({ method: 'GET', path });
const post = (path: string, form: Record<string, string> = {}): Call => ({ method: 'POST', path, form });

export const matrix: Entry[] = [
  { route: 'GET /healthz', scoped: false, call: async () => get('/healthz'), expect: () => 200 },
  { route: 'GET /readyz', scoped: false, call: async () => get('/readyz'), expect: () => 200 },
  { route: 'GET /static/*', scoped: false, call: async () => get('/static/app.css'), expect: () => 200 },
  { route: 'GET /api/v1/me', scoped: false, call: async () => ({ method: 'GET', path: '/api/v1/me', bearer: true }), expect: (who) => (who === 'anonymous' ? 401 : 200) },
  { route: 'GET /', scoped: false, call: async () => get('/'), expect: () => 200 },
  { route: 'GET /sign-in', scoped: false, call: async () => get('/sign-in'), expect: (who) => (who === 'anonymous' ? 200 : 303) },
  { route: 'POST /sign-in', scoped: false, call: async (_w, who) => post('/sign-in', { identifier: `nobody.${who}`, password: 'wrong password' }), expect: () => 401 },
  { route: 'GET /sign-in/two-factor', scoped: false, call: async () => get('/sign-in/two-factor'), expect: () => 200 },
  { route: 'POST /sign-in/two-factor', scoped: false, call: async () => post('/sign-in/two-factor', { code: '123456' }), expect: () => 422 },
  { route: 'POST /session/keepalive', scoped: false, call: async () => post('/session/keepalive'), expect: () => 303 },
  { route: 'GET /forgot-password', scoped: false, call: async () => get('/forgot-password'), expect: () => 200 },
  { route: 'POST /forgot-password', scoped: false, call: async () => post('/forgot-password', { identifier: 'nobody.at.all' }), expect: () => 200 },
  { route: 'GET /reset-password', scoped: false, call: async () => get('/reset-password?token=not-a-real-token'), expect: () => 200 },
  { route: 'POST /reset-password', scoped: false, call: async () => post('/reset-password', { token: 'not-a-real-token', password: 'long enough password', confirm: 'long enough password' }), expect: () => 422 },
  { route: 'GET /dev/mail', scoped: false, call: async () => get('/dev/mail'), expect: () => 200 },

  { route: 'GET /account', scoped: false, call: async () => get('/account'), expect: (who) => signedIn(who, 200) },
  { route: 'POST /account/tokens', scoped: false, call: async () => post('/account/tokens', { name: 'matrix' }), expect: (who) => signedIn(who, 200) },
  {
    route: 'POST /account/tokens/:id/revoke',
    scoped: true,
    call: async (w, who, scope) => post(`/account/tokens/${scope === 'own' && who !== 'anonymous' ? await w.ownTokenId(who) : await w.otherTokenId()}/revoke`),
    expect: (who, scope) => signedIn(who, scope === 'own' ? 303 : 404),
  },
  { route: 'POST /account/password', scoped: false, call: async () => post('/account/password', { current: 'not my password', password: 'a new long password' }), expect: (who) => signedIn(who, 422) },
  { route: 'GET /account/two-factor', scoped: false, call: async () => get('/account/two-factor'), expect: (who) => signedIn(who, 200) },
  { route: 'POST /account/two-factor', scoped: false, call: async () => post('/account/two-factor', { password: 'not my password' }), expect: (who) => signedIn(who, 422) },
  { route: 'POST /account/two-factor/confirm', scoped: false, call: async () => post('/account/two-factor/confirm', { code: '000000' }), expect: (who) => signedIn(who, 422) },

  { route: 'GET /org', scoped: false, call: async () => get('/org'), expect: () => 303 },
  {
    route: 'GET /org/:kind/:code',
    scoped: true,
    call: async (_w, _who, scope) => get(`/org/lao/${laoCodes[scope]}`),
    expect: (who, scope) => (who === 'anonymous' ? 303 : reach[who].includes(scope) ? 200 : 403),
  },

  { route: 'GET /users', scoped: false, call: async () => get('/users'), expect: (who) => (who === 'anonymous' ? 303 : userAdmins.includes(who) ? 200 : 403) },
  { route: 'GET /users/new', scoped: false, call: async () => get('/users/new'), expect: (who) => (who === 'anonymous' ? 303 : userAdmins.includes(who) ? 200 : 403) },
  {
    route: 'POST /users/new',
    scoped: true,
    call: async (_w, _who, scope) => post('/users/new', { name: 'ผู้ได้รับเชิญ', email: uniqueEmail(), username: '', role: 'lao_officer', orgUnitCode: laoCodes[scope] }),
    // outside reach the form answers 422 with the reason at the unit field
    expect: (who, scope) => (who === 'anonymous' ? 303 : !userAdmins.includes(who) ? 403 : reach[who].includes(scope) ? 303 : 422),
  },
  { route: 'GET /users/:id', scoped: true, call: async (w, _who, scope) => get(`/users/${(await w.targetUser(scope)).userId}`), expect: (who, scope) => manage(who, scope, 200) },
  {
    route: 'POST /users/:id/memberships',
    scoped: true,
    call: async (w, _who, scope) => post(`/users/${(await w.targetUser(scope)).userId}/memberships`, { role: 'lao_officer', orgUnitCode: laoCodes[scope] }),
    expect: (who, scope) => manage(who, scope),
  },
  {
    route: 'POST /users/:id/memberships/:membershipId/delete',
    scoped: true,
    call: async (w, _who, scope) => {
      const target = await w.targetUser(scope);
      return post(`/users/${target.userId}/memberships/${target.membershipId}/delete`);
    },
    expect: (who, scope) => manage(who, scope),
  },
  { route: 'POST /users/:id/deactivate', scoped: true, call: async (w, _who, scope) => post(`/users/${(await w.targetUser(scope)).userId}/deactivate`), expect: (who, scope) => manage(who, scope) },
  { route: 'POST /users/:id/activate', scoped: true, call: async (w, _who, scope) => post(`/users/${(await w.targetUser(scope)).userId}/activate`), expect: (who, scope) => manage(who, scope) },

  { route: 'GET /admin/register', scoped: false, call: async () => get('/admin/register'), expect: (who) => registerAdmin(who, 200) },
  { route: 'POST /admin/register', scoped: false, call: async () => post('/admin/register', { mode: 'dry_run' }), expect: (who) => registerAdmin(who, 422) },
  { route: 'GET /admin/register/imports/:id', scoped: false, call: async (w) => get(`/admin/register/imports/${await w.registerImportId()}`), expect: (who) => registerAdmin(who, 200) },

  { route: 'POST /sign-out', scoped: false, call: async () => post('/sign-out'), expect: () => 303, last: true },
];
