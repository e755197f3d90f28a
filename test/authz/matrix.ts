import crypto from 'node:crypto';
import type { Role } from '../../src/domain/access/roles.ts';
import { dateTimeValues } from '../../src/web/routes/rounds/schema.ts';
import { day, laoCodes, uniqueEmail, type Principal, type Scope, type World } from './world.ts';
import { outstandingDistrictRound, outstandingProvinceRound, quarterlyMonitoringRound } from '../documents/office-rounds.ts';
import { loadActor } from '../../src/services/access/load-actor.ts';
import { startReminderSend } from '../../src/services/reminders/start-reminder-send.ts';
import { insertAttendee } from '../../src/db/queries/workshops.ts';
import { createWorkshop } from '../../src/services/workshops/create-workshop.ts';
import { uploadWorkshopDocument } from '../../src/services/workshops/upload-workshop-document.ts';

/** One quarterly monitoring round per world (every province office a respondent), made when first asked for. */
const quarterlyRounds = new WeakMap<World, Promise<number>>();
const quarterlyRoundOf = (w: World) => {
  if (!quarterlyRounds.has(w)) quarterlyRounds.set(w, quarterlyMonitoringRound(w.t));
  return quarterlyRounds.get(w)!;
};

/** One round of each outstanding-office selection per world (provinces 22 and 20), made when first asked for. */
const outstandingRounds = new WeakMap<World, { province: Promise<number>; district: Promise<number> }>();
const outstandingRoundOf = (w: World, kind: 'province' | 'district') => {
  if (!outstandingRounds.has(w)) outstandingRounds.set(w, { province: outstandingProvinceRound(w.t, ['22', '20']), district: outstandingDistrictRound(w.t, ['22', '20']) });
  return outstandingRounds.get(w)![kind];
};

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
/** A provincial office's own report: the office and the committee of its province, the owners anywhere. */
const seesProvinceReport = (who: Principal, scope: Scope, ok: number) => {
  if (who === 'anonymous') return 303;
  if (who === 'programme_admin' || who === 'system_admin') return ok;
  return (who === 'province_office' || who === 'committee_member') && scope !== 'other_province' ? ok : 403;
};
/** The offices and owners who list and review respondents. */
const offices = (who: Principal) => who === 'district_office' || who === 'province_office' || who === 'committee_member' || who === 'programme_admin' || who === 'system_admin';
/** A round's progress, asked for the district of the scope's LAO: offices, committee and owners within their reach;
 * the respondent list (names, e-mail addresses) not for the committee. */
const districtOf: Record<Scope, string> = { own: '2206', same_district: '2206', other_district: '2201', other_province: '2001' };
const follows = (who: Principal, scope: Scope, list: boolean) => {
  if (who === 'anonymous') return 303;
  if (who === 'lao_officer' || who === 'lao_executive' || (list && who === 'committee_member')) return 403;
  return reach[who].includes(scope) ? 200 : 403;
};
/** A round's picture for the scope's province: owners anywhere, offices and the committee in their own province. */
const seesPicture = (who: Principal, scope: Scope) => {
  if (who === 'anonymous') return 303;
  if (who === 'lao_officer' || who === 'lao_executive') return 403;
  if (who === 'programme_admin' || who === 'system_admin') return 200;
  return scope === 'other_province' ? 403 : 200;
};
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
/** A new notification: the asker's own at 'own', else another person's (an officer of the scope's LAO). */
const notificationFor = async (w: World, who: Principal, scope: Scope): Promise<number> => {
  const userId = scope === 'own' && who !== 'anonymous' ? w.users[who].userId : (await w.targetUser(scope)).userId;
  const row = await w.t.deps.db.insertInto('notifications').values({ user_id: userId, kind: 'reminder', title: 'ทดสอบสิทธิ์', body: 'ทดสอบ', link: '/rounds' }).returning('id').executeTakeFirstOrThrow();
  return row.id;
};
/** Notifications are their owner's alone: anyone else is told it does not exist. */
const ownNotification = (who: Principal, scope: Scope) => (who === 'anonymous' ? 303 : scope === 'own' ? 303 : 404);

/** Chasers: the district and provincial offices and the owners; inside their reach `ok`, outside it `outside`. */
const chasers = (who: Principal) => who === 'district_office' || who === 'province_office' || who === 'programme_admin' || who === 'system_admin';
const chases = (who: Principal, scope: Scope, ok: number, outside: number) => (who === 'anonymous' ? 303 : !chasers(who) ? 403 : reach[who].includes(scope) ? ok : outside);
/** A reminder send to the scope's LAO, sent by the programme owner (made once per scope). */
const chaseSends = new Map<Scope, Promise<number>>();
const chaseSend = (w: World, scope: Scope) => {
  if (!chaseSends.has(scope)) chaseSends.set(scope, (async () => {
    const owner = (await loadActor(w.t.deps.db, w.users.programme_admin.userId))!;
    const r = await startReminderSend(w.t.deps, owner, { roundId: w.roundId, filter: {}, unitIds: [await w.unitId(laoCodes[scope])], templateCode: 'overdue', channels: [] }, { actorUserId: owner.userId, ip: null, requestId: 'matrix' });
    return r.sendId;
  })());
  return chaseSends.get(scope)!;
};

/** Workshops: one for province 22 (the first three scopes' LAOs) and one for province 20 (another province), each
 * with a document, announced by the programme owner when first asked for; registration open for ten more days. */
const workshopSets = new WeakMap<World, Promise<Record<string, { id: number; documentId: number }>>>();
const matrixPdf = Buffer.from('%PDF-1.4\n%%EOF\n');
const ownerMeta = (w: World) => ({ actorUserId: w.users.programme_admin.userId, ip: null, requestId: 'matrix' });
const workshopFor = async (w: World, scope: Scope) => {
  if (!workshopSets.has(w)) workshopSets.set(w, (async () => {
    const owner = (await loadActor(w.t.deps.db, w.users.programme_admin.userId))!;
    const now = w.t.clock.now().getTime();
    const out: Record<string, { id: number; documentId: number }> = {};
    for (const province of ['22', '20']) {
      const made = await createWorkshop(w.t.deps, owner, {
        programmeId: w.programmeId, title: `อบรมทดสอบสิทธิ์ ${province}`, startsAt: new Date(now + 20 * day), endsAt: new Date(now + 20 * day + 3 * 3600_000), onlineUrl: 'https://example.webex.com/meet/matrix',
        place: null, laoTypes: null, provinceCodes: [province], registrationClosesAt: new Date(now + 10 * day), maxAttendeesPerLao: null, description: '',
      }, ownerMeta(w));
      if (!made.ok) throw new Error(JSON.stringify(made.errors));
      out[province] = { id: made.workshopId, documentId: await workshopDocument(w, made.workshopId) };
    }
    return out;
  })());
  return (await workshopSets.get(w)!)[provinceOf[scope]]!;
};
const workshopDocument = async (w: World, workshopId: number) => {
  const owner = (await loadActor(w.t.deps.db, w.users.programme_admin.userId))!;
  const doc = await uploadWorkshopDocument(w.t.deps, owner, { workshopId, title: 'คู่มือ', fileName: 'manual.pdf', bytes: matrixPdf }, ownerMeta(w));
  if (!doc.ok) throw new Error(doc.message);
  return doc.documentId;
};
/** A new attendee of the scope's LAO in the scope's workshop (straight in the table). */
const attendeeOf = async (w: World, scope: Scope) => {
  const key = crypto.randomUUID();
  return insertAttendee(w.t.deps.db, (await workshopFor(w, scope)).id, await w.unitId(laoCodes[scope]), { name: `ผู้เข้าร่วม ${key}`, nameKey: key, position: 'ปลัด', phone: '081-234-5678', email: null }, null, w.t.clock.now());
};
/** A workshop is read by its audience (province 22 here) and the owners; attendees are their own LAO's people's. */
const readsWorkshop = (who: Principal, scope: Scope) => (who === 'anonymous' ? 303 : who === 'programme_admin' || who === 'system_admin' ? 200 : scope === 'other_province' ? 403 : 200);
const ownAttendees = (who: Principal, scope: Scope, ok: number) => (who === 'anonymous' ? 303 : (who === 'lao_officer' || who === 'lao_executive') && scope === 'own' ? ok : 403);

/** A province's committee is appointed by its provincial office (within its reach) and by the owners anywhere. */
const managesCommittee = (who: Principal, scope: Scope, ok: number) => {
  if (who === 'anonymous') return 303;
  if (who === 'programme_admin' || who === 'system_admin') return ok;
  return who === 'province_office' && scope !== 'other_province' ? ok : 403;
};
/** A province's quarterly report is filled by its office's people (and its committee's secretariat, none here). */
const fillsReport = (who: Principal, scope: Scope, ok: number) => (who === 'anonymous' ? 303 : who === 'province_office' && scope !== 'other_province' ? ok : 403);
/** Its committee and its office comment on it; owners review instead. */
const commentsOnReport = (who: Principal, scope: Scope, ok: number) => (who === 'anonymous' ? 303 : (who === 'province_office' || who === 'committee_member') && scope !== 'other_province' ? ok : 403);
const monitoringPath = async (w: World, scope: Scope) => `/rounds/${await quarterlyRoundOf(w)}/monitoring/${provinceOf[scope]}`;

export const matrix: Entry[] = [
  { route: 'GET /healthz', scoped: false, call: async () => get('/healthz'), expect: () => 200 },
  { route: 'GET /readyz', scoped: false, call: async () => get('/readyz'), expect: () => 200 },
  // Metrics: on the loopback address (as app.request() is) for anyone when no METRICS_TOKEN is set.
  { route: 'GET /metrics', scoped: false, call: async () => get('/metrics'), expect: () => 200 },
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
  { route: 'POST /account/line', scoped: false, call: async () => post('/account/line', { lineUserId: 'not a LINE id' }), expect: (who) => signedIn(who, 422) },
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

  // Chasing: the offices above the respondents (within their reach) and the owners; templates and the schedule are
  // the owners'. A ticked LAO outside the asker's reach is refused, as is a call noted on it.
  { route: 'GET /rounds/:roundId/chase', scoped: false, call: async (w) => get(`/rounds/${w.roundId}/chase`), expect: (who) => signedIn(who, chasers(who) ? 200 : 403) },
  {
    route: 'POST /rounds/:roundId/chase',
    scoped: true,
    call: async (w, _who, scope) => post(`/rounds/${w.roundId}/chase`, { scope: 'selected', units: String(await w.unitId(laoCodes[scope])), templateCode: 'overdue' }),
    expect: (who, scope) => chases(who, scope, 303, 403),
  },
  {
    route: 'GET /rounds/:roundId/chase/sends/:sendId',
    scoped: true,
    call: async (w, _who, scope) => get(`/rounds/${w.roundId}/chase/sends/${await chaseSend(w, scope)}`),
    expect: (who, scope) => chases(who, scope, 200, 404),
  },
  { route: 'GET /rounds/:roundId/chase/log', scoped: false, call: async (w) => get(`/rounds/${w.roundId}/chase/log`), expect: (who) => signedIn(who, chasers(who) ? 200 : 403) },
  {
    route: 'POST /rounds/:roundId/chase/calls',
    scoped: true,
    call: async (w, _who, scope) => post(`/rounds/${w.roundId}/chase/calls`, { orgUnitId: String(await w.unitId(laoCodes[scope])), note: 'โทรติดตามแล้ว' }),
    expect: (who, scope) => chases(who, scope, 303, 403),
  },
  { route: 'POST /rounds/:roundId/chase/settings', scoped: false, call: async (w) => post(`/rounds/${w.roundId}/chase/settings`, { daysBefore: '7, 1', escalateAfterDays: '3', enabled: 'yes' }), expect: (who) => owner(who, 303) },
  { route: 'GET /reminder-templates', scoped: false, call: async () => get('/reminder-templates'), expect: (who) => owner(who, 200) },
  // an empty template is refused at its fields, for the owners; everyone else is refused first
  { route: 'POST /reminder-templates/:code', scoped: false, call: async () => post('/reminder-templates/overdue', { subject: '', body: '' }), expect: (who) => owner(who, 422) },

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
  { route: 'GET /rounds/:roundId/progress', scoped: true, call: async (w, _who, scope) => get(`/rounds/${w.roundId}/progress?district=${districtOf[scope]}`), expect: (who, scope) => follows(who, scope, false) },
  { route: 'GET /rounds/:roundId/progress/respondents', scoped: true, call: async (w, _who, scope) => get(`/rounds/${w.roundId}/progress/respondents?district=${districtOf[scope]}`), expect: (who, scope) => follows(who, scope, true) },
  { route: 'GET /rounds/:roundId/progress.xlsx', scoped: true, call: async (w, _who, scope) => get(`/rounds/${w.roundId}/progress.xlsx?district=${districtOf[scope]}`), expect: (who, scope) => follows(who, scope, false) },
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
  // The outstanding-office rankings (seed 004): DLA's of provinces for the owners (and a committee for the whole
  // country, not a province's); a province's of its district offices for that province's office and the owners.
  { route: 'GET /rounds/:roundId/ranking', scoped: false, call: async (w) => get(`/rounds/${await outstandingRoundOf(w, 'province')}/ranking`), expect: (who) => owner(who, 200) },
  {
    route: 'GET /rounds/:roundId/provinces/:provinceCode/district-ranking',
    scoped: true,
    call: async (w, _who, scope) => get(`/rounds/${await outstandingRoundOf(w, 'district')}/provinces/${provinceOf[scope]}/district-ranking`),
    expect: (who, scope) => (who === 'anonymous' ? 303 : who === 'programme_admin' || who === 'system_admin' ? 200 : who === 'province_office' && scope !== 'other_province' ? 200 : 403),
  },
  // A province's quarterly monitoring report: those who see its provincial office's submission — the office and the
  // province's committee, the programme owners anywhere.
  { route: 'GET /rounds/:roundId/provinces/:provinceCode/quarterly-report', scoped: true, call: async (w, _who, scope) => get(`/rounds/${await quarterlyRoundOf(w)}/provinces/${provinceOf[scope]}/quarterly-report`), expect: (who, scope) => seesProvinceReport(who, scope, 200) },
  {
    route: 'POST /rounds/:roundId/provinces/:provinceCode/quarterly-report',
    scoped: true,
    // an impossible as-of date: the form answers at its field, without rendering a document
    call: async (w, _who, scope) => post(`/rounds/${await quarterlyRoundOf(w)}/provinces/${provinceOf[scope]}/quarterly-report`, { kind: 'report', asOf: '31/02/2570', date: '01/01/2570', subject: 'ทดสอบ', addressee: 'ทดสอบ' }),
    expect: (who, scope) => seesProvinceReport(who, scope, 422),
  },
  // A province's monitoring committee: its office and the owners change it; its members (committee role over the
  // province) read it. Forms with a problem answer at the field; a member that does not exist is not found. The order
  // is printed for those who see the committee (the PDF asked once: the same check as the DOCX, which is cheap).
  { route: 'GET /provinces/:provinceCode/committee', scoped: true, call: async (_w, _who, scope) => get(`/provinces/${provinceOf[scope]}/committee`), expect: (who, scope) => seesProvinceReport(who, scope, 200) },
  { route: 'POST /provinces/:provinceCode/committee', scoped: true, call: async (_w, _who, scope) => post(`/provinces/${provinceOf[scope]}/committee`, { title: '', duties: 'ให้คำปรึกษา', version: '0' }), expect: (who, scope) => managesCommittee(who, scope, 422) },
  { route: 'POST /provinces/:provinceCode/committee/order', scoped: true, call: async (_w, _who, scope) => post(`/provinces/${provinceOf[scope]}/committee/order`, { orderNo: '1/2570', orderDate: '31/02/2570', signatoryName: '', signatoryPosition: '', version: '0' }), expect: (who, scope) => managesCommittee(who, scope, 422) },
  { route: 'POST /provinces/:provinceCode/committee/members', scoped: true, call: async (_w, _who, scope) => post(`/provinces/${provinceOf[scope]}/committee/members`, { kind: 'person', position: 'member', name: '' }), expect: (who, scope) => managesCommittee(who, scope, 422) },
  { route: 'POST /provinces/:provinceCode/committee/members/:memberId/remove', scoped: true, call: async (_w, _who, scope) => post(`/provinces/${provinceOf[scope]}/committee/members/999999/remove`), expect: (who, scope) => managesCommittee(who, scope, 404) },
  { route: 'POST /provinces/:provinceCode/committee/members/:memberId/move', scoped: true, call: async (_w, _who, scope) => post(`/provinces/${provinceOf[scope]}/committee/members/999999/move`, { direction: 'up' }), expect: (who, scope) => managesCommittee(who, scope, 404) },
  { route: 'GET /provinces/:provinceCode/committee/order.pdf', scoped: false, call: async () => get('/provinces/22/committee/order.pdf'), expect: (who) => seesProvinceReport(who, 'own', 200) },
  { route: 'GET /provinces/:provinceCode/committee/order.docx', scoped: true, call: async (_w, _who, scope) => get(`/provinces/${provinceOf[scope]}/committee/order.docx`), expect: (who, scope) => seesProvinceReport(who, scope, 200) },
  // A province's quarterly report as its committee works on it: read by those who see the office's submission; filled
  // by the office (a value that does not parse answers at its field, nothing written); commented on by the committee
  // and the office. The report's PDF asked once (its check is the DOCX's).
  { route: 'GET /rounds/:roundId/monitoring/:provinceCode', scoped: true, call: async (w, _who, scope) => get(await monitoringPath(w, scope)), expect: (who, scope) => seesProvinceReport(who, scope, 200) },
  { route: 'GET /rounds/:roundId/monitoring/:provinceCode/standards/:itemCode', scoped: true, call: async (w, _who, scope) => get(`${await monitoringPath(w, scope)}/standards/S01`), expect: (who, scope) => seesProvinceReport(who, scope, 200) },
  { route: 'POST /rounds/:roundId/monitoring/:provinceCode/standards/:itemCode', scoped: true, call: async (w, _who, scope) => post(`${await monitoringPath(w, scope)}/standards/S01`, { action: 'later', std_lao_applying__S01: 'สิบ' }), expect: (who, scope) => fillsReport(who, scope, 422) },
  { route: 'GET /rounds/:roundId/monitoring/:provinceCode/sections/:sectionCode', scoped: true, call: async (w, _who, scope) => get(`${await monitoringPath(w, scope)}/sections/F1-S1`), expect: (who, scope) => seesProvinceReport(who, scope, 200) },
  { route: 'POST /rounds/:roundId/monitoring/:provinceCode/sections/:sectionCode', scoped: true, call: async (w, _who, scope) => post(`${await monitoringPath(w, scope)}/sections/F1-S1`, { action: 'later', lao_total: 'abc' }), expect: (who, scope) => fillsReport(who, scope, 422) },
  { route: 'POST /rounds/:roundId/monitoring/:provinceCode/comments', scoped: true, call: async (w, _who, scope) => post(`${await monitoringPath(w, scope)}/comments`, { itemCode: 'S01', body: '' }), expect: (who, scope) => commentsOnReport(who, scope, 422) },
  { route: 'GET /rounds/:roundId/monitoring/:provinceCode/report.pdf', scoped: false, call: async (w) => get(`${await monitoringPath(w, 'own')}/report.pdf`), expect: (who) => seesProvinceReport(who, 'own', 200) },
  { route: 'GET /rounds/:roundId/monitoring/:provinceCode/report.docx', scoped: true, call: async (w, _who, scope) => get(`${await monitoringPath(w, scope)}/report.docx`), expect: (who, scope) => seesProvinceReport(who, scope, 200) },
  // DLA's view of the quarters: the programme owners only.
  { route: 'GET /programmes/:programmeCode/quarters', scoped: false, call: async (w) => (await quarterlyRoundOf(w), get('/programmes/dla-standards-monitoring/quarters')), expect: (who) => owner(who, 200) },
  { route: 'GET /rounds/:roundId/monitoring', scoped: false, call: async (w) => get(`/rounds/${await quarterlyRoundOf(w)}/monitoring`), expect: (who) => owner(who, 200) },
  { route: 'GET /rounds/:roundId/monitoring/summary', scoped: false, call: async (w) => get(`/rounds/${await quarterlyRoundOf(w)}/monitoring/summary`), expect: (who) => owner(who, 200) },
  { route: 'GET /rounds/:roundId/monitoring/summary.pdf', scoped: false, call: async (w) => get(`/rounds/${await quarterlyRoundOf(w)}/monitoring/summary.pdf`), expect: (who) => owner(who, 200) },
  { route: 'GET /rounds/:roundId/monitoring/summary.docx', scoped: false, call: async (w) => get(`/rounds/${await quarterlyRoundOf(w)}/monitoring/summary.docx`), expect: (who) => owner(who, 200) },
  // The Garuda every document prints: the programme owners and system administrators. Nothing is uploaded here, so
  // the upload without a file answers at its field and there is no image to show.
  { route: 'GET /admin/emblem', scoped: false, call: async () => get('/admin/emblem'), expect: (who) => owner(who, 200) },
  { route: 'POST /admin/emblem', scoped: false, call: async () => post('/admin/emblem'), expect: (who) => owner(who, 422) },
  { route: 'POST /admin/emblem/remove', scoped: false, call: async () => post('/admin/emblem/remove'), expect: (who) => owner(who, 303) },
  { route: 'GET /admin/emblem/image', scoped: false, call: async () => get('/admin/emblem/image'), expect: (who) => owner(who, 404) },
  // Public results of a published round: the same for everyone, signed in or not, at any distance.
  { route: 'GET /public/results/:roundId/:orgUnitCode', scoped: true, call: async (w, _who, scope) => get(`/public/results/${await w.publishedRound()}/${laoCodes[scope]}`), expect: () => 200 },
  { route: 'GET /public/results/:roundId/:orgUnitCode/qr.svg', scoped: true, call: async (w, _who, scope) => get(`/public/results/${await w.publishedRound()}/${laoCodes[scope]}/qr.svg`), expect: () => 200 },
  // The report file exists only after the owners rendered a batch: none in this world, so 404 for everyone.
  { route: 'GET /public/results/:roundId/:orgUnitCode/report.pdf', scoped: true, call: async (w, _who, scope) => get(`/public/results/${await w.publishedRound()}/${laoCodes[scope]}/report.pdf`), expect: () => 404 },
  // Document batches: the programme owners only (the world's round is open, so starting one is refused at the field).
  { route: 'GET /rounds/:roundId/document-batches', scoped: false, call: async (w) => get(`/rounds/${w.roundId}/document-batches`), expect: (who) => owner(who, 200) },
  { route: 'POST /rounds/:roundId/document-batches', scoped: false, call: async (w) => post(`/rounds/${w.roundId}/document-batches`, { provinceCode: '' }), expect: (who) => owner(who, 422) },
  { route: 'GET /rounds/:roundId/document-batches/:batchId', scoped: false, call: async (w) => get(`/rounds/${w.roundId}/document-batches/999999`), expect: (who) => owner(who, 404) },
  { route: 'GET /rounds/:roundId/document-batches/:batchId/files/:orgUnitCode', scoped: false, call: async (w) => get(`/rounds/${w.roundId}/document-batches/999999/files/${laoCodes.own}`), expect: (who) => owner(who, 404) },

  // The public list of who has sent: the same for everyone, signed in or not.
  { route: 'GET /public/rounds', scoped: false, call: async () => get('/public/rounds'), expect: () => 200 },
  { route: 'GET /public/rounds/:roundId/respondents', scoped: false, call: async (w) => get(`/public/rounds/${w.roundId}/respondents?province=22`), expect: () => 200 },
  // The picture of a round (aggregates), asked for the scope's province: the nation for owners; offices and the
  // committee their own province (a district office its district within it); another province 403; LAO people 403.
  { route: 'GET /rounds/:roundId/picture', scoped: true, call: async (w, _who, scope) => get(`/rounds/${w.roundId}/picture?province=${provinceOf[scope]}`), expect: (who, scope) => seesPicture(who, scope) },
  { route: 'GET /rounds/:roundId/picture.pdf', scoped: true, call: async (w, _who, scope) => get(`/rounds/${w.roundId}/picture.pdf?province=${provinceOf[scope]}`), expect: (who, scope) => seesPicture(who, scope) },
  // The public picture and open data of a published round: the same for everyone, signed in or not.
  { route: 'GET /public/rounds/:roundId/picture', scoped: false, call: async (w) => get(`/public/rounds/${await w.publishedRound()}/picture`), expect: () => 200 },
  { route: 'GET /public/rounds/:roundId/picture.pdf', scoped: false, call: async (w) => get(`/public/rounds/${await w.publishedRound()}/picture.pdf?province=22`), expect: () => 200 },
  { route: 'GET /public/rounds/:roundId/data.csv', scoped: false, call: async (w) => get(`/public/rounds/${await w.publishedRound()}/data.csv`), expect: () => 200 },
  { route: 'GET /public/rounds/:roundId/data.json', scoped: false, call: async (w) => get(`/public/rounds/${await w.publishedRound()}/data.json`), expect: () => 200 },
  { route: 'GET /public/rounds/:roundId/data.xlsx', scoped: false, call: async (w) => get(`/public/rounds/${await w.publishedRound()}/data.xlsx`), expect: () => 200 },
  { route: 'GET /public/rounds/:roundId/data-dictionary', scoped: false, call: async (w) => get(`/public/rounds/${await w.publishedRound()}/data-dictionary`), expect: () => 200 },
  // Notifications: each person's own.
  { route: 'GET /notifications', scoped: false, call: async () => get('/notifications'), expect: (who) => signedIn(who, 200) },
  { route: 'POST /notifications/read-all', scoped: false, call: async () => post('/notifications/read-all'), expect: () => 303 },
  { route: 'POST /notifications/:id/read', scoped: true, call: async (w, who, scope) => post(`/notifications/${await notificationFor(w, who, scope)}/read`), expect: ownNotification },
  { route: 'GET /notifications/:id/open', scoped: true, call: async (w, who, scope) => get(`/notifications/${await notificationFor(w, who, scope)}/open`), expect: ownNotification },

  // Workshops (อบรม/คู่มือ): everyone signed in lists those of their audience; the owners announce, edit, attach and
  // export; the audience opens the page and the documents; each LAO's own people register, change and remove theirs
  // (an empty name is refused at its field for them).
  { route: 'GET /workshops', scoped: false, call: async () => get('/workshops'), expect: (who) => signedIn(who, 200) },
  { route: 'GET /workshops/new', scoped: false, call: async () => get('/workshops/new'), expect: (who) => owner(who, 200) },
  { route: 'POST /workshops/new', scoped: false, call: async () => post('/workshops/new', { title: '' }), expect: (who) => owner(who, 422) },
  { route: 'GET /workshops/:id', scoped: true, call: async (w, _who, scope) => get(`/workshops/${(await workshopFor(w, scope)).id}`), expect: readsWorkshop },
  { route: 'GET /workshops/:id/edit', scoped: false, call: async (w) => get(`/workshops/${(await workshopFor(w, 'own')).id}/edit`), expect: (who) => owner(who, 200) },
  { route: 'POST /workshops/:id/edit', scoped: false, call: async (w) => post(`/workshops/${(await workshopFor(w, 'own')).id}/edit`, { title: '' }), expect: (who) => owner(who, 422) },
  { route: 'POST /workshops/:id/documents', scoped: false, call: async (w) => post(`/workshops/${(await workshopFor(w, 'own')).id}/documents`, { title: 'ไม่มีไฟล์' }), expect: (who) => owner(who, 422) },
  {
    route: 'GET /workshops/:id/documents/:documentId',
    scoped: true,
    call: async (w, _who, scope) => { const ws = await workshopFor(w, scope); return get(`/workshops/${ws.id}/documents/${ws.documentId}`); },
    expect: readsWorkshop,
  },
  {
    route: 'POST /workshops/:id/documents/:documentId/remove',
    scoped: false,
    call: async (w) => { const id = (await workshopFor(w, 'own')).id; return post(`/workshops/${id}/documents/${await workshopDocument(w, id)}/remove`); },
    expect: (who) => owner(who, 303),
  },
  {
    route: 'POST /workshops/:id/attendees',
    scoped: true,
    call: async (w, _who, scope) => post(`/workshops/${(await workshopFor(w, scope)).id}/attendees`, { orgUnitId: String(await w.unitId(laoCodes[scope])), name: '', position: 'ปลัด', phone: '0812345678' }),
    expect: (who, scope) => ownAttendees(who, scope, 422),
  },
  { route: 'GET /workshops/:id/attendees/:attendeeId/edit', scoped: true, call: async (w, _who, scope) => get(`/workshops/${(await workshopFor(w, scope)).id}/attendees/${await attendeeOf(w, scope)}/edit`), expect: (who, scope) => ownAttendees(who, scope, 200) },
  { route: 'POST /workshops/:id/attendees/:attendeeId/edit', scoped: true, call: async (w, _who, scope) => post(`/workshops/${(await workshopFor(w, scope)).id}/attendees/${await attendeeOf(w, scope)}/edit`, { name: '', position: 'ปลัด', phone: '0812345678' }), expect: (who, scope) => ownAttendees(who, scope, 422) },
  { route: 'POST /workshops/:id/attendees/:attendeeId/remove', scoped: true, call: async (w, _who, scope) => post(`/workshops/${(await workshopFor(w, scope)).id}/attendees/${await attendeeOf(w, scope)}/remove`), expect: (who, scope) => ownAttendees(who, scope, 303) },
  { route: 'GET /workshops/:id/attendees.xlsx', scoped: false, call: async (w) => get(`/workshops/${(await workshopFor(w, 'own')).id}/attendees.xlsx`), expect: (who) => owner(who, 200) },
  { route: 'GET /workshops/:id/attendees.csv', scoped: false, call: async (w) => get(`/workshops/${(await workshopFor(w, 'own')).id}/attendees.csv`), expect: (who) => owner(who, 200) },

  { route: 'POST /sign-out', scoped: false, call: async () => post('/sign-out'), expect: () => 303, last: true },
];
