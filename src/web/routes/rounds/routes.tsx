import { Hono, type Context } from 'hono';
import type { ZodError } from 'zod';
import type { Deps } from '../../../deps.ts';
import { findFrameworkVersion, findProgrammeById, listFrameworkVersions, listProgrammes } from '../../../db/queries/frameworks.ts';
import { findOrgUnitByAnyCode, findOrgUnitById } from '../../../db/queries/org-units.ts';
import { findRound, listExtensions, listRounds } from '../../../db/queries/rounds.ts';
import { canManageProgrammes, hasRole } from '../../../domain/access/policies.ts';
import { DomainError } from '../../../domain/errors.ts';
import { canDecideExtension } from '../../../domain/rounds/extension-policy.ts';
import { addInternalDeadline } from '../../../services/rounds/add-internal-deadline.ts';
import { changeRoundState } from '../../../services/rounds/change-round-state.ts';
import { createRound } from '../../../services/rounds/create-round.ts';
import { decideExtension } from '../../../services/rounds/decide-extension.ts';
import { generateQuarterlyRounds } from '../../../services/rounds/generate-quarterly-rounds.ts';
import { grantExtension } from '../../../services/rounds/grant-extension.ts';
import { requestExtension } from '../../../services/rounds/request-extension.ts';
import { changeRoundDates } from '../../../services/rounds/update-round-dates.ts';
import type { FieldErrors } from '../../components/forms.tsx';
import type { AppEnv } from '../../context.ts';
import { fieldErrors } from '../../forms.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';
import { requestMeta } from '../../request-meta.ts';
import type { FormState } from './fields.tsx';
import { listProvinces, loadRoundPage, provinceOfficeUnits, respondentUnitsOf, roundIdParam } from './page-model.ts';
import { dateTimeValues, decisionForm, domainFieldErrors, parseDateTime, generateForm, grantForm, internalDeadlineForm, one, readForm, requestForm, roundDateNames, roundDatesForm, roundForm, stateForm, stateTargets, withDateTimes, type RawForm } from './schema.ts';
import { NewRoundView, RoundListView } from './view.tsx';
import { RoundView } from './round-view.tsx';

const notices: Record<string, string> = {
  created: 'สร้างรอบการประเมินแล้ว (ร่าง) ตรวจวันที่แล้วเปิดรับข้อมูลเมื่อพร้อม',
  'state-open': 'เปิดรับข้อมูลแล้ว', 'state-closed': 'ปิดรับข้อมูลแล้ว', 'state-published': 'ประกาศผลแล้ว',
  dates: 'บันทึกวันที่แล้ว', deadline: 'เพิ่มกำหนดส่งภายในแล้ว', requested: 'ส่งคำขอขยายเวลาแล้ว รอการพิจารณา',
  granted: 'อนุมัติการขยายเวลาแล้ว ผู้เกี่ยวข้องได้รับแจ้งในระบบ', refused: 'ไม่อนุมัติคำขอแล้ว ผู้ขอได้รับแจ้งในระบบ', extended: 'ขยายเวลาแล้ว ผู้เกี่ยวข้องได้รับแจ้งในระบบ',
};

/** The instant a stored date becomes when shown in the form and posted back unchanged. */
const reparsed = (at: Date, start: boolean) => {
  const shown = dateTimeValues(at);
  const back = parseDateTime(shown.date, shown.time, start ? 'start' : 'deadline');
  return back.ok ? back.at.getTime() : Number.NaN;
};
const prefixed = (formId: string, errors: FieldErrors): FieldErrors => Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${formId}-${k}`, v]));
const zodErrors = (formId: string, error: ZodError) => prefixed(formId, fieldErrors(error));

export function roundRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.use('/rounds', requireActor);
  app.use('/rounds/*', requireActor);
  const actorOf = (c: Context<AppEnv>) => c.get('actor')!;
  const ownersOnly = (c: Context<AppEnv>) => {
    if (!canManageProgrammes(actorOf(c))) throw new DomainError('forbidden', 'rounds');
  };

  app.get('/rounds', async (c) => {
    const manage = canManageProgrammes(actorOf(c));
    const rows = (await listRounds(deps.db)).filter((r) => manage || r.state !== 'draft');
    // An extension for everyone moves the deadline people see (open rounds are few: one look-up each).
    const rounds = await Promise.all(rows.map(async (r) => {
      if (r.state !== 'open') return { ...r, extendedTo: null };
      const all = (await listExtensions(deps.db, r.id)).filter((e) => e.status === 'granted' && e.scope === 'all' && e.newDueAt > r.dueAt);
      return { ...r, extendedTo: all.length ? new Date(Math.max(...all.map((e) => e.newDueAt.getTime()))) : null };
    }));
    const done = c.req.query('done');
    const notice = done === 'generated' ? `สร้างรอบรายไตรมาส ${Number(c.req.query('created')) || 0} รอบ${Number(c.req.query('skipped')) ? ` (มีอยู่แล้ว ${Number(c.req.query('skipped'))} รอบ ไม่ได้สร้างซ้ำ)` : ''}` : undefined;
    return renderPage(c, 'รอบการประเมิน', <RoundListView rounds={rounds} manage={manage} notice={notice} />, 200);
  });

  const newPage = async (c: Context<AppEnv>, state?: FormState) => {
    const [programmes, versions, provinces] = await Promise.all([listProgrammes(deps.db), listFrameworkVersions(deps.db), listProvinces(deps.db)]);
    return renderPage(c, 'สร้างรอบการประเมิน', <NewRoundView csrf={c.get('csrfToken')} programmes={programmes} versions={versions} provinces={provinces} state={state} />, state ? 422 : 200);
  };

  app.get('/rounds/new', (c) => {
    ownersOnly(c);
    return newPage(c);
  });

  app.post('/rounds/new', async (c) => {
    ownersOnly(c);
    const raw = await readForm(c);
    const fail = (errors: FieldErrors) => newPage(c, { form: 'create', values: raw, errors: prefixed('create', errors) });
    const parsed = roundForm.safeParse(withDateTimes(raw, roundDateNames, ['laoTypes', 'excludedProvinceCodes']));
    if (!parsed.success) return fail(fieldErrors(parsed.error));
    const input = parsed.data;
    const programme = await findProgrammeById(deps.db, input.programmeId);
    if (!programme) return fail({ programmeId: 'เลือกโครงการจากรายการ' });
    // No type ticked means every type the framework covers; a type it does not cover has no forms to fill.
    const version = await findFrameworkVersion(deps.db, { id: input.frameworkVersionId });
    const covered = (version?.document as { laoTypes?: string[] } | undefined)?.laoTypes ?? [];
    const stray = input.laoTypes.filter((t) => covered.length && !covered.includes(t));
    if (programme.respondents === 'lao' && version?.programmeId === programme.id && stray.length) return fail({ laoTypes: 'เลือกได้เฉพาะประเภท อปท. ที่กรอบการประเมินรุ่นนี้ใช้' });
    try {
      const { roundId } = await createRound(deps, actorOf(c), { ...input, laoTypes: input.laoTypes.length ? input.laoTypes : covered.length ? covered : null, provinceCodes: null }, requestMeta(c));
      return c.redirect(`/rounds/${roundId}?done=created`, 303);
    } catch (err) {
      return fail(domainFieldErrors(err, 'programmeId'));
    }
  });

  app.post('/rounds/generate-quarterly', async (c) => {
    ownersOnly(c);
    const raw = await readForm(c);
    const fail = (errors: FieldErrors) => newPage(c, { form: 'generate', values: raw, errors: prefixed('generate', errors) });
    const parsed = generateForm.safeParse(withDateTimes(raw, []));
    if (!parsed.success) return fail(fieldErrors(parsed.error));
    if (!(await findProgrammeById(deps.db, parsed.data.programmeId))) return fail({ programmeId: 'เลือกโครงการจากรายการ' });
    try {
      const { created, skipped } = await generateQuarterlyRounds(deps, actorOf(c), parsed.data, requestMeta(c));
      return c.redirect(`/rounds?done=generated&created=${created.length}&skipped=${skipped.length}`, 303);
    } catch (err) {
      return fail(domainFieldErrors(err, 'programmeId'));
    }
  });

  const roundPage = async (c: Context<AppEnv>, id: number, state?: FormState) => {
    const page = await loadRoundPage(deps, actorOf(c), id);
    const done = c.req.query('done');
    return renderPage(c, page.round.title, <RoundView csrf={c.get('csrfToken')} page={page} state={state} notice={done ? notices[done] : undefined} />, state ? 422 : 200);
  };
  /** Re-render the round page with one form's values kept and its errors shown. */
  const failed = (c: Context<AppEnv>, id: number, formId: string, raw: RawForm, errors: FieldErrors) => roundPage(c, id, { form: formId, values: raw, errors: prefixed(formId, errors) });

  app.get('/rounds/:id', (c) => roundPage(c, roundIdParam(c.req.param('id'))));

  app.post('/rounds/:id/state', async (c) => {
    const id = roundIdParam(c.req.param('id'));
    ownersOnly(c);
    const raw = await readForm(c);
    const to = one(raw.to);
    const formId = `state-${(stateTargets as readonly string[]).includes(to) ? to : 'open'}`;
    const parsed = stateForm.safeParse(withDateTimes(raw, []));
    if (!parsed.success) return failed(c, id, formId, raw, fieldErrors(parsed.error));
    try {
      await changeRoundState(deps, actorOf(c), { roundId: id, to: parsed.data.to }, requestMeta(c));
    } catch (err) {
      // the form for this move may be gone (the round moved on): the message sits at the round's state
      return roundPage(c, id, { form: formId, values: raw, errors: domainFieldErrors(err, 'round-state') });
    }
    return c.redirect(`/rounds/${id}?done=state-${parsed.data.to}`, 303);
  });

  app.post('/rounds/:id/dates', async (c) => {
    const id = roundIdParam(c.req.param('id'));
    ownersOnly(c);
    const raw = await readForm(c);
    const round = await findRound(deps.db, id);
    if (!round) throw new DomainError('not_found', 'round_not_found');
    const parsed = roundDatesForm.safeParse(withDateTimes(raw, roundDateNames));
    if (!parsed.success) return failed(c, id, 'dates', raw, fieldErrors(parsed.error));
    // The form shows minutes; a date left as shown keeps its stored instant to the second.
    const kept = (name: 'opensAt' | 'dueAt' | 'lateUntil' | 'editClosesAt') => (parsed.data[name].getTime() === reparsed(round[name], name === 'opensAt') ? round[name] : parsed.data[name]);
    try {
      await changeRoundDates(deps, actorOf(c), { roundId: id, opensAt: kept('opensAt'), dueAt: kept('dueAt'), lateUntil: kept('lateUntil'), editClosesAt: kept('editClosesAt') }, requestMeta(c));
    } catch (err) {
      return failed(c, id, 'dates', raw, domainFieldErrors(err, 'opensAt'));
    }
    return c.redirect(`/rounds/${id}?done=dates#dates`, 303);
  });

  app.post('/rounds/:id/internal-deadlines', async (c) => {
    const id = roundIdParam(c.req.param('id'));
    const actor = actorOf(c);
    if (!canManageProgrammes(actor) && !hasRole(actor, 'province_office')) throw new DomainError('forbidden', 'rounds');
    const raw = await readForm(c);
    const parsed = internalDeadlineForm.safeParse(withDateTimes(raw, ['internalDue']));
    if (!parsed.success) return failed(c, id, 'deadline', raw, fieldErrors(parsed.error));
    try {
      await addInternalDeadline(deps, actor, { roundId: id, ...parsed.data, dueAt: parsed.data.internalDue }, requestMeta(c));
    } catch (err) {
      return failed(c, id, 'deadline', raw, domainFieldErrors(err, 'internalDue', { dueAt: 'internalDue' }));
    }
    return c.redirect(`/rounds/${id}?done=deadline#internal-deadlines`, 303);
  });

  app.post('/rounds/:id/extensions/request', async (c) => {
    const id = roundIdParam(c.req.param('id'));
    const actor = actorOf(c);
    const round = await findRound(deps.db, id);
    const programme = round ? await findProgrammeById(deps.db, round.programmeId) : undefined;
    if (!round || !programme) throw new DomainError('not_found', 'round_not_found');
    const raw = await readForm(c);
    const scope = one(raw.scope) === 'province' ? 'province' : 'respondent';
    // Who asks is fixed by the account: its own respondent unit, or the province of its provincial office.
    const allowed = scope === 'province' ? (programme.respondents === 'province_office' ? [] : provinceOfficeUnits(actor)) : await respondentUnitsOf(deps, actor, round, programme);
    const unitId = Number(one(raw.orgUnitId));
    if (!allowed.some((u) => u.id === unitId)) throw new DomainError('forbidden', 'extension');
    const formId = `request-${scope}-${unitId}`;
    const parsed = requestForm.safeParse(withDateTimes(raw, ['requestDue']));
    if (!parsed.success) return failed(c, id, formId, raw, fieldErrors(parsed.error));
    try {
      await requestExtension(deps, actor, { roundId: id, scope, orgUnitId: unitId, newDueAt: parsed.data.requestDue, reason: parsed.data.reason }, requestMeta(c));
    } catch (err) {
      return failed(c, id, formId, raw, domainFieldErrors(err, 'requestDue', { newDueAt: 'requestDue' }));
    }
    return c.redirect(`/rounds/${id}?done=requested#own-deadline`, 303);
  });

  app.post('/rounds/:id/extensions/grant', async (c) => {
    const id = roundIdParam(c.req.param('id'));
    ownersOnly(c);
    const raw = await readForm(c);
    const parsed = grantForm.safeParse(withDateTimes(raw, ['grantDue']));
    if (!parsed.success) return failed(c, id, 'grant', raw, fieldErrors(parsed.error));
    const g = parsed.data;
    let orgUnitId: number | null = null;
    if (g.scope === 'province') {
      const unit = await findOrgUnitById(deps.db, Number(g.provinceId));
      if (unit?.kind !== 'province') return failed(c, id, 'grant', raw, { provinceId: 'เลือกจังหวัดจากรายการ' });
      orgUnitId = unit.id;
    } else if (g.scope === 'respondent') {
      const unit = await findOrgUnitByAnyCode(deps.db, g.laoCode);
      if (!unit) return failed(c, id, 'grant', raw, { laoCode: `ไม่พบหน่วยงานรหัส ${g.laoCode} ตรวจรหัสอีกครั้ง` });
      orgUnitId = unit.id;
    }
    try {
      await grantExtension(deps, actorOf(c), { roundId: id, scope: g.scope, orgUnitId, newDueAt: g.grantDue, reason: g.reason }, requestMeta(c));
    } catch (err) {
      return failed(c, id, 'grant', raw, domainFieldErrors(err, 'grantDue', { newDueAt: 'grantDue', orgUnitId: g.scope === 'province' ? 'provinceId' : 'laoCode' }));
    }
    return c.redirect(`/rounds/${id}?done=extended#extensions`, 303);
  });

  app.post('/rounds/:id/extensions/:extensionId/decision', async (c) => {
    const id = roundIdParam(c.req.param('id'));
    const extensionId = roundIdParam(c.req.param('extensionId'));
    const actor = actorOf(c);
    const [request] = await listExtensions(deps.db, id, { id: extensionId });
    if (!request) throw new DomainError('not_found', 'extension_not_found');
    const unit = request.orgUnitId ? await findOrgUnitById(deps.db, request.orgUnitId) : undefined;
    if (!canDecideExtension(actor, { scope: request.scope, unit: unit ? { id: unit.id, path: unit.path, kind: unit.kind } : null })) throw new DomainError('forbidden', 'extension');
    const formId = `decision-${extensionId}`;
    const raw = await readForm(c);
    const parsed = decisionForm.safeParse(withDateTimes(raw, []));
    if (!parsed.success) return failed(c, id, formId, raw, fieldErrors(parsed.error));
    try {
      await decideExtension(deps, actor, { roundId: id, extensionId, ...parsed.data }, requestMeta(c));
    } catch (err) {
      // a request decided meanwhile, or a round no longer open, has no form left: the message sits at the table
      if (err instanceof DomainError && err.code === 'conflict') return roundPage(c, id, { form: formId, values: raw, errors: domainFieldErrors(err, 'extensions') });
      return failed(c, id, formId, raw, domainFieldErrors(err, 'decision', { newDueAt: 'decisionDue' }));
    }
    return c.redirect(`/rounds/${id}?done=${parsed.data.decision}#extensions`, 303);
  });
  return app;
}
