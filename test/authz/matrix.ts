import crypto from 'node:crypto';
import type { Role } from '../../src/domain/access/roles.ts';
import { dateTimeValues } from '../../src/web/routes/rounds/schema.ts';
import { day, laoCodes, uniqueEmail, type Principal, type Scope, type World } from './world.ts';

// The authorisation matrix: every route of the app, asked by every role and by an anonymous visitor, at every
// distance from the asker's own unit, with the status expected. A route missing from here fails the suite.

export type Call = { method: 'GET' | 'POST' | 'PATCH'; path: string; form?: Record<string, string>; bearer?: boolean; json?: unknown; headers?: Record<string, string> };
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
/** Programme owners (programme and system administrators) manage frameworks and rounds. */
const owner = registerAdmin;
/** A Buddhist-Era date `days` from the test clock's now, as a form field takes it. */
const dateIn = (w: World, days: number) => dateTimeValues(new Date(w.t.clock.now().getTime() + days * day)).date;
let copies = 0;
const provinceOf: Record<Scope, string> = { own: '22', same_district: '22', other_district: '22', other_province: '20' };
/** Deciding a respondent's request: the owners anywhere, the district and provincial offices above that LAO. */
const decider = (who: Principal, scope: Scope) => {
  if (who === 'anonymous') return 303;
  if (who === 'programme_admin' || who === 'system_admin') return 303;
  if (who === 'district_office' || who === 'province_office') return reach[who].includes(scope) ? 303 : 403;
  return 403;
};
/** Changing a submission: only the LAO's own officers and executives (303 done or sent back with the reason). */
const respondentOnly = (who: Principal, scope: Scope) => (who === 'anonymous' ? 303 : (who === 'lao_officer' || who === 'lao_executive') && scope === 'own' ? 303 : 403);
/** Entering a respondent's data (API and XLSX): only the LAO's own officers and executives. */
const entersData = (who: Principal, scope: Scope, ok: number, anonymous: number) => (who === 'anonymous' ? anonymous : (who === 'lao_officer' || who === 'lao_executive') && scope === 'own' ? ok : 403);
/** Seeing a respondent's submission: its own people and those whose reach covers it (reviewers, committee, owners). */
const seesSubmission = (who: Principal, scope: Scope, anonymous: number) => (who === 'anonymous' ? anonymous : reach[who].includes(scope) ? 200 : 403);
const api = (method: Call['method'], path: string, extra: Partial<Call> = {}): Call => ({ method, path, bearer: true, ...extra });
/** The offices and owners who list and review respondents. */
const offices = (who: Principal) => who === 'district_office' || who === 'province_office' || who === 'committee_member' || who === 'programme_admin' || who === 'system_admin';
/** Reviewing a submission: the district and provincial offices above the LAO, and the programme owners. */
const reviews = (who: Principal, scope: Scope, ok: number) => {
  if (who === 'anonymous') return 303;
  if (who === 'programme_admin' || who === 'system_admin') return ok;
  return (who === 'district_office' || who === 'province_office') && reach[who].includes(scope) ? ok : 403;
};
const entryPath = async (w: World, scope: Scope, kind: 'entry' | 'quiet' = 'entry') => `/rounds/${await w.submissionRound(kind)}/submissions/${laoCodes[scope]}`;
const sectionForm = { budget_total: '1,000,000', budget_env: '50,000', has_plan: 'yes', action: 'later' };
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

  { route: 'GET /frameworks/framework.schema.json', scoped: false, call: async () => get('/frameworks/framework.schema.json'), expect: () => 200 },
  { route: 'GET /admin/frameworks', scoped: false, call: async () => get('/admin/frameworks'), expect: (who) => owner(who, 200) },
  { route: 'POST /admin/frameworks', scoped: false, call: async () => post('/admin/frameworks', { mode: 'check' }), expect: (who) => owner(who, 422) },
  { route: 'GET /admin/frameworks/:id', scoped: false, call: async (w) => get(`/admin/frameworks/${w.frameworkVersionId}?type=sao`), expect: (who) => owner(who, 200) },
  { route: 'GET /admin/frameworks/:id/export', scoped: false, call: async (w) => get(`/admin/frameworks/${w.frameworkVersionId}/export`), expect: (who) => owner(who, 200) },
  {
    route: 'POST /admin/frameworks/:id/copy',
    scoped: false,
    call: async (w) => post(`/admin/frameworks/${w.frameworkVersionId}/copy`, { code: `matrix-copy-${++copies}`, title: 'รุ่นทดสอบสิทธิ์', fiscalYear: '2569' }),
    expect: (who) => owner(who, 303),
  },

  { route: 'GET /admin/frameworks/:id/lists/:code', scoped: false, call: async (w) => get(`/admin/frameworks/${await w.listVersionId()}/lists/standards`), expect: (who) => owner(who, 200) },
  // a line with a Thai code is refused at the field: nothing is saved, whoever asks
  { route: 'POST /admin/frameworks/:id/lists/:code', scoped: false, call: async (w) => post(`/admin/frameworks/${await w.listVersionId()}/lists/standards`, { items: 'รหัสไทย | มาตรฐานทดสอบ' }), expect: (who) => owner(who, 422) },

  { route: 'GET /rounds', scoped: false, call: async () => get('/rounds'), expect: (who) => signedIn(who, 200) },
  { route: 'GET /rounds/new', scoped: false, call: async () => get('/rounds/new'), expect: (who) => owner(who, 200) },
  { route: 'POST /rounds/new', scoped: false, call: async () => post('/rounds/new', { title: 'ไม่ครบ' }), expect: (who) => owner(who, 422) },
  // the world's programme is yearly: the owners are told so at the field
  { route: 'POST /rounds/generate-quarterly', scoped: false, call: async (w) => post('/rounds/generate-quarterly', { programmeId: String(w.programmeId), fiscalYear: '2570', fromQuarter: '2' }), expect: (who) => owner(who, 422) },
  { route: 'GET /rounds/:id', scoped: false, call: async (w) => get(`/rounds/${w.roundId}`), expect: (who) => signedIn(who, 200) },
  // open → published is not a move a round can make: the owners get the reason, everyone else is refused first
  { route: 'POST /rounds/:id/state', scoped: false, call: async (w) => post(`/rounds/${w.roundId}/state`, { to: 'published', confirm: 'yes' }), expect: (who) => owner(who, 422) },
  {
    route: 'POST /rounds/:id/dates',
    scoped: false,
    call: async (w) => post(`/rounds/${w.roundId}/dates`, { opensAtDate: dateIn(w, 5), dueAtDate: dateIn(w, 1), lateUntilDate: dateIn(w, 1), editClosesAtDate: dateIn(w, 1) }),
    expect: (who) => owner(who, 422),
  },
  {
    route: 'POST /rounds/:id/internal-deadlines',
    scoped: true,
    call: async (w, _who, scope) => post(`/rounds/${w.roundId}/internal-deadlines`, { title: 'ท้องถิ่นอำเภอส่งจังหวัด', provinceId: String(await w.unitId(provinceOf[scope])), internalDueDate: dateIn(w, 10) }),
    expect: (who, scope) => (who === 'anonymous' ? 303 : who === 'programme_admin' || who === 'system_admin' ? 303 : who === 'province_office' && scope !== 'other_province' ? 303 : 403),
  },
  {
    route: 'POST /rounds/:id/extensions/request',
    scoped: false,
    // a new round each time: one pending request per respondent and round
    call: async (w, who) => post(`/rounds/${await w.freshRound()}/extensions/request`, {
      scope: who === 'province_office' ? 'province' : 'respondent', orgUnitId: String(await w.unitId(who === 'province_office' ? '22' : laoCodes.own)),
      requestDueDate: dateIn(w, 45), reason: 'ระบบไฟฟ้าขัดข้องทั้งสัปดาห์',
    }),
    expect: (who) => (who === 'anonymous' ? 303 : who === 'lao_officer' || who === 'lao_executive' || who === 'province_office' ? 303 : 403),
  },
  {
    route: 'POST /rounds/:id/extensions/grant',
    scoped: false,
    call: async (w) => post(`/rounds/${w.roundId}/extensions/grant`, { scope: 'all', grantDueDate: dateIn(w, 35), reason: 'ตามมติคณะอนุกรรมการ ครั้งที่ 4' }),
    expect: (who) => owner(who, 303),
  },
  {
    route: 'POST /rounds/:id/extensions/:extensionId/decision',
    scoped: true,
    call: async (w, _who, scope) => post(`/rounds/${w.roundId}/extensions/${await w.pendingExtension(scope)}/decision`, { decision: 'granted', note: '' }),
    expect: decider,
  },

  // Evidence: the respondent's own people upload and remove (a form without a file is sent back with the reason);
  // everyone who may see the submission downloads; all others are refused.
  {
    route: 'POST /rounds/:roundId/submissions/:orgUnitCode/evidence',
    scoped: true,
    call: async (w, _who, scope) => post(`/rounds/${w.roundId}/submissions/${laoCodes[scope]}/evidence`, { indicatorCode: 'A3-01', back: `/rounds/${w.roundId}` }),
    expect: (who, scope) => respondentOnly(who, scope),
  },
  {
    route: 'GET /rounds/:roundId/submissions/:orgUnitCode/evidence/:evidenceId',
    scoped: true,
    call: async (w, _who, scope) => get(`/rounds/${w.roundId}/submissions/${laoCodes[scope]}/evidence/${await w.evidenceId(scope)}?inline=1`),
    expect: (who, scope) => (who === 'anonymous' ? 303 : reach[who].includes(scope) ? 200 : 403),
  },
  {
    route: 'POST /rounds/:roundId/submissions/:orgUnitCode/evidence/:evidenceId/remove',
    scoped: true,
    call: async (w, _who, scope) => post(`/rounds/${w.roundId}/submissions/${laoCodes[scope]}/evidence/${await w.evidenceId(scope)}/remove`, { back: `/rounds/${w.roundId}` }),
    expect: (who, scope) => respondentOnly(who, scope),
  },

  // The JSON API for machine entry (bearer tokens; 401 without one). A PATCH with a value that is not a number is
  // refused at the field for those who may enter data; a submit of an empty submission lists what is missing.
  { route: 'GET /api/v1/openapi.json', scoped: false, call: async () => api('GET', '/api/v1/openapi.json'), expect: () => 200 },
  { route: 'GET /api/v1/rounds', scoped: false, call: async () => api('GET', '/api/v1/rounds'), expect: (who) => (who === 'anonymous' ? 401 : 200) },
  {
    route: 'GET /api/v1/rounds/:roundId/submissions/:orgUnitCode',
    scoped: true,
    call: async (w, _who, scope) => api('GET', `/api/v1/rounds/${w.roundId}/submissions/${laoCodes[scope]}`),
    expect: (who, scope) => seesSubmission(who, scope, 401),
  },
  {
    route: 'PATCH /api/v1/rounds/:roundId/submissions/:orgUnitCode/values',
    scoped: true,
    call: async (w, _who, scope) => api('PATCH', `/api/v1/rounds/${w.roundId}/submissions/${laoCodes[scope]}/values`, { json: { version: 0, values: { budget_total: 'ไม่ใช่ตัวเลข' } } }),
    expect: (who, scope) => entersData(who, scope, 422, 401),
  },
  {
    route: 'POST /api/v1/rounds/:roundId/submissions/:orgUnitCode/submit',
    scoped: true,
    call: async (w, who, scope) => api('POST', `/api/v1/rounds/${w.roundId}/submissions/${laoCodes[scope]}/submit`, { headers: { 'idempotency-key': `matrix-${who}-${scope}` } }),
    expect: (who, scope) => (who === 'anonymous' ? 401 : who === 'lao_executive' && scope === 'own' ? 422 : 403),
  },

  // Bulk entry through a form's XLSX template: the LAO's own people only (a post without a file is sent back).
  {
    route: 'GET /rounds/:roundId/submissions/:orgUnitCode/forms/:formCode/template.xlsx',
    scoped: true,
    call: async (w, _who, scope) => get(`/rounds/${w.roundId}/submissions/${laoCodes[scope]}/forms/F1/template.xlsx`),
    expect: (who, scope) => entersData(who, scope, 200, 303),
  },
  {
    route: 'GET /rounds/:roundId/submissions/:orgUnitCode/forms/:formCode/upload',
    scoped: true,
    call: async (w, _who, scope) => get(`/rounds/${w.roundId}/submissions/${laoCodes[scope]}/forms/F1/upload`),
    expect: (who, scope) => entersData(who, scope, 200, 303),
  },
  {
    route: 'POST /rounds/:roundId/submissions/:orgUnitCode/forms/:formCode/upload',
    scoped: true,
    call: async (w, _who, scope) => post(`/rounds/${w.roundId}/submissions/${laoCodes[scope]}/forms/F1/upload`, { mode: 'dry_run' }),
    expect: (who, scope) => entersData(who, scope, 422, 303),
  },

  // Data entry, check answers, review (submission pages): the world's own rounds, at the scope's LAO.
  { route: 'GET /tasks', scoped: false, call: async () => get('/tasks'), expect: (who) => signedIn(who, 200) },
  { route: 'GET /rounds/:roundId/submissions', scoped: false, call: async (w) => get(`/rounds/${await w.submissionRound('entry')}/submissions`), expect: (who) => signedIn(who, offices(who) ? 200 : 403) },
  { route: 'GET /rounds/:roundId/submissions/:orgUnitCode', scoped: true, call: async (w, _who, scope) => get(await entryPath(w, scope)), expect: (who, scope) => seesSubmission(who, scope, 303) },
  {
    route: 'POST /rounds/:roundId/submissions/:orgUnitCode/parts/:partCode/assign',
    scoped: true,
    call: async (w, _who, scope) => post(`${await entryPath(w, scope)}/parts/F1/assign`, { userId: w.users.lao_officer.userId }),
    expect: (who, scope) => (who === 'anonymous' ? 303 : who === 'lao_executive' && scope === 'own' ? 303 : 403),
  },
  // the quiet round has nothing answered: its own people are told what is missing
  { route: 'POST /rounds/:roundId/submissions/:orgUnitCode/parts/:partCode/ready', scoped: true, call: async (w, _who, scope) => post(`${await entryPath(w, scope, 'quiet')}/parts/F1/ready`), expect: (who, scope) => entersData(who, scope, 422, 303) },
  { route: 'GET /rounds/:roundId/submissions/:orgUnitCode/sections/:sectionCode', scoped: true, call: async (w, _who, scope) => get(`${await entryPath(w, scope)}/sections/F1-S1`), expect: (who, scope) => seesSubmission(who, scope, 303) },
  // anonymous: the post is kept (session expiry loses nothing) and the visitor sent to sign in
  { route: 'POST /rounds/:roundId/submissions/:orgUnitCode/sections/:sectionCode', scoped: true, call: async (w, _who, scope) => post(`${await entryPath(w, scope)}/sections/F1-S1`, sectionForm), expect: (who, scope) => entersData(who, scope, 303, 303) },
  { route: 'POST /rounds/:roundId/submissions/:orgUnitCode/sections/:sectionCode/autosave', scoped: true, call: async (w, _who, scope) => post(`${await entryPath(w, scope)}/sections/F1-S1/autosave`, sectionForm), expect: (who, scope) => entersData(who, scope, 200, 401) },
  { route: 'GET /rounds/:roundId/submissions/:orgUnitCode/check', scoped: true, call: async (w, _who, scope) => get(`${await entryPath(w, scope)}/check`), expect: (who, scope) => seesSubmission(who, scope, 303) },
  {
    route: 'POST /rounds/:roundId/submissions/:orgUnitCode/submit',
    scoped: true,
    call: async (w, _who, scope) => post(`${await entryPath(w, scope, 'quiet')}/submit`, { idempotencyKey: crypto.randomUUID() }),
    expect: (who, scope) => (who === 'anonymous' ? 303 : who === 'lao_executive' && scope === 'own' ? 422 : 403),
  },
  // not sent yet: those who may see it are sent to the overview
  { route: 'GET /rounds/:roundId/submissions/:orgUnitCode/submitted', scoped: true, call: async (w, _who, scope) => get(`${await entryPath(w, scope)}/submitted`), expect: (who, scope) => (seesSubmission(who, scope, 303) === 200 ? 303 : seesSubmission(who, scope, 303)) },
  { route: 'GET /rounds/:roundId/submissions/:orgUnitCode/review', scoped: true, call: async (w, _who, scope) => get(`${await entryPath(w, scope)}/review`), expect: (who, scope) => reviews(who, scope, 200) },
  // nothing sent in the quiet round: the reviewers are told it cannot be reviewed yet
  { route: 'POST /rounds/:roundId/submissions/:orgUnitCode/comments', scoped: true, call: async (w, _who, scope) => post(`${await entryPath(w, scope, 'quiet')}/comments`, { fieldKey: 'budget_total', body: 'ตรวจสอบอีกครั้ง' }), expect: (who, scope) => reviews(who, scope, 409) },
  { route: 'POST /rounds/:roundId/submissions/:orgUnitCode/decision', scoped: true, call: async (w, _who, scope) => post(`${await entryPath(w, scope, 'quiet')}/decision`, { decision: 'accepted' }), expect: (who, scope) => reviews(who, scope, 409) },

  // Results and the improvement plan: those who see the submission read them; only its own people write the plan
  // (the quiet round has nothing answered, so an empty plan is refused at its fields).
  { route: 'GET /rounds/:roundId/submissions/:orgUnitCode/results', scoped: true, call: async (w, _who, scope) => get(`${await entryPath(w, scope)}/results`), expect: (who, scope) => seesSubmission(who, scope, 303) },
  { route: 'POST /rounds/:roundId/submissions/:orgUnitCode/results/plans/:indicatorCode', scoped: true, call: async (w, _who, scope) => post(`${await entryPath(w, scope, 'quiet')}/results/plans/A3-01`, { version: '0', action: '' }), expect: (who, scope) => entersData(who, scope, 422, 303) },
  // Documents about the results: those who see the submission open the form; the memo is printed by its own people.
  { route: 'GET /rounds/:roundId/submissions/:orgUnitCode/documents', scoped: true, call: async (w, _who, scope) => get(`${await entryPath(w, scope)}/documents`), expect: (who, scope) => seesSubmission(who, scope, 303) },
  {
    route: 'POST /rounds/:roundId/submissions/:orgUnitCode/documents',
    scoped: true,
    // an impossible date: the form answers at its field, without rendering a document
    call: async (w, _who, scope) => post(`${await entryPath(w, scope)}/documents`, { kind: 'memo', date: '31/02/2568', subject: 'ทดสอบ', addressee: 'ทดสอบ' }),
    expect: (who, scope) => seesSubmission(who, scope, 303) === 200 ? 422 : seesSubmission(who, scope, 303),
  },
  // Public results of a published round: the same for everyone, signed in or not, at any distance.
  { route: 'GET /public/results/:roundId/:orgUnitCode', scoped: true, call: async (w, _who, scope) => get(`/public/results/${await w.publishedRound()}/${laoCodes[scope]}`), expect: () => 200 },
  { route: 'GET /public/results/:roundId/:orgUnitCode/qr.svg', scoped: true, call: async (w, _who, scope) => get(`/public/results/${await w.publishedRound()}/${laoCodes[scope]}/qr.svg`), expect: () => 200 },

  { route: 'POST /sign-out', scoped: false, call: async () => post('/sign-out'), expect: () => 303, last: true },
];
