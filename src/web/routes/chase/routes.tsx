import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Deps } from '../../../deps.ts';
import { listTemplates } from '../../../db/queries/reminders.ts';
import { canManageProgrammes } from '../../../domain/access/policies.ts';
import { DomainError } from '../../../domain/errors.ts';
import { loadChaseLog } from '../../../services/reminders/load-chase-log.ts';
import { loadChasePage } from '../../../services/reminders/load-chase-page.ts';
import { loadSendProgress } from '../../../services/reminders/load-send-progress.ts';
import { recordCallNote } from '../../../services/reminders/record-call-note.ts';
import { saveRoundReminderSettings } from '../../../services/reminders/save-reminder-settings.ts';
import { saveReminderTemplate } from '../../../services/reminders/save-template.ts';
import { startReminderSend } from '../../../services/reminders/start-reminder-send.ts';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';
import { requestMeta } from '../../request-meta.ts';
import { ChaseView, chasePath, type ChaseViewState } from './chase-view.tsx';
import { ChaseLogView } from './log-view.tsx';
import { filterQuery, idParam, one, pageParam, parseCallNote, parseFilter, parseSendForm, parseSettings, readForm } from './schema.ts';
import { refreshSeconds, SendProgressView } from './send-view.tsx';
import { TemplatesView, type TemplateFormState } from './templates-view.tsx';

// Chasing (ติดตามหน่วยงาน): the chase page and its one "ส่ง" action, a send's progress, the chase log, notes about
// calls, a round's scheduled reminders, and the reminder templates. The offices above the respondents and the
// programme owners only; each service checks the reach again.

const notices: Record<string, string> = {
  call: 'บันทึกการโทรแล้ว', settings: 'บันทึกการเตือนอัตโนมัติแล้ว', template: 'บันทึกแบบข้อความแล้ว',
};

export function chaseRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const base = '/rounds/:roundId/chase';
  const roundIdOf = (c: Context<AppEnv>) => {
    const id = idParam(c.req.param('roundId'));
    if (id === null) throw new DomainError('not_found', 'round_not_found');
    return id;
  };

  const chasePage = async (c: Context<AppEnv>, state?: ChaseViewState, status: ContentfulStatusCode = 200) => {
    const filter = parseFilter((k) => c.req.query(k));
    const page = await loadChasePage(deps, c.get('actor')!, roundIdOf(c), filter, pageParam(c.req.query('page')));
    const done = c.req.query('done');
    return renderPage(c, `ติดตามหน่วยงาน — ${page.round.title}`, (
      <ChaseView page={page} csrf={c.get('csrfToken')} state={state} selectPage={c.req.query('select') === 'page'} notice={done ? notices[done] : undefined} />
    ), status, { wide: true });
  };

  app.get(base, requireActor, (c) => chasePage(c));

  app.post(base, requireActor, async (c) => {
    const roundId = roundIdOf(c);
    const raw = await readForm(c);
    const templates = (await listTemplates(deps.db)).filter((t) => t.kind === 'respondent').map((t) => t.code);
    const parsed = parseSendForm(raw, templates);
    if (!parsed.ok) return chasePage(c, { send: parsed.state }, 422);
    try {
      const filter = parseFilter((k) => c.req.query(k));
      const r = await startReminderSend(deps, c.get('actor')!, { roundId, filter, unitIds: parsed.form.scope === 'selected' ? parsed.form.unitIds : null, templateCode: parsed.form.templateCode, channels: parsed.form.channels }, requestMeta(c));
      return c.redirect(`${chasePath(roundId)}/sends/${r.sendId}?done=sent&targets=${r.targets}&skipped=${r.skipped}`, 303);
    } catch (err) {
      if (!(err instanceof DomainError) || (err.code !== 'invalid' && err.code !== 'conflict')) throw err;
      const message = err.messageKey === 'reminder_no_targets'
        ? 'หน่วยงานที่เลือกส่งข้อมูลแล้วหรืออยู่นอกความรับผิดชอบของท่าน ไม่มีหน่วยงานที่จะส่งข้อความถึง'
        : err.messageKey === 'round_not_open' ? 'รอบนี้ไม่ได้เปิดรับข้อมูลแล้ว ส่งข้อความเตือนไม่ได้' : 'เลือกหน่วยงานและแบบข้อความอีกครั้ง';
      const values = { scope: one(raw, 'scope'), units: raw.units ?? [], templateCode: one(raw, 'templateCode'), channels: raw.channels ?? [] };
      return chasePage(c, { send: { values, errors: { units: message } } }, err.code === 'conflict' ? 409 : 422);
    }
  });

  app.get(`${base}/sends/:sendId`, requireActor, async (c) => {
    const sendId = idParam(c.req.param('sendId'));
    if (sendId === null) throw new DomainError('not_found', 'reminder_send_not_found');
    const page = await loadSendProgress(deps, c.get('actor')!, roundIdOf(c), sendId);
    if (!page.finished) c.header('Refresh', String(refreshSeconds));
    const targets = Number(c.req.query('targets'));
    const skipped = Number(c.req.query('skipped'));
    const notice = c.req.query('done') === 'sent' && targets > 0
      ? `เริ่มส่งข้อความถึง ${targets.toLocaleString('th-TH')} หน่วยงานแล้ว${skipped > 0 ? ` (ข้าม ${skipped.toLocaleString('th-TH')} หน่วยงานที่ส่งข้อมูลแล้วหรืออยู่นอกความรับผิดชอบ)` : ''}`
      : undefined;
    return renderPage(c, 'การส่งข้อความเตือน', <SendProgressView page={page} notice={notice} />);
  });

  app.get(`${base}/log`, requireActor, async (c) => {
    const log = await loadChaseLog(deps, c.get('actor')!, roundIdOf(c));
    return renderPage(c, `บันทึกการติดตาม — ${log.round.title}`, <ChaseLogView log={log} />, 200, { wide: true });
  });

  app.post(`${base}/calls`, requireActor, async (c) => {
    const roundId = roundIdOf(c);
    const parsed = parseCallNote(await readForm(c));
    if (!parsed.ok) return chasePage(c, { call: parsed }, 422);
    await recordCallNote(deps, c.get('actor')!, { roundId, orgUnitId: parsed.orgUnitId, note: parsed.note }, requestMeta(c));
    const back = filterQuery(parseFilter((k) => c.req.query(k)), { page: String(pageParam(c.req.query('page'))), done: 'call' });
    return c.redirect(`${chasePath(roundId)}${back}#row-${parsed.orgUnitId}`, 303);
  });

  app.post(`${base}/settings`, requireActor, async (c) => {
    const roundId = roundIdOf(c);
    if (!canManageProgrammes(c.get('actor')!)) throw new DomainError('forbidden', 'forbidden');
    const raw = await readForm(c);
    const parsed = parseSettings(raw);
    if (!parsed.ok) {
      const values = { enabled: one(raw, 'enabled'), daysBefore: one(raw, 'daysBefore'), escalateAfterDays: one(raw, 'escalateAfterDays') };
      return chasePage(c, { settings: { values, errors: parsed.errors } }, 422);
    }
    await saveRoundReminderSettings(deps, c.get('actor')!, roundId, parsed.settings, requestMeta(c));
    return c.redirect(`${chasePath(roundId)}?done=settings#schedule-heading`, 303);
  });

  const templatesPage = async (c: Context<AppEnv>, state?: TemplateFormState, status: ContentfulStatusCode = 200) => {
    if (!canManageProgrammes(c.get('actor')!)) throw new DomainError('forbidden', 'forbidden');
    const done = c.req.query('done');
    return renderPage(c, 'แบบข้อความเตือน', <TemplatesView templates={await listTemplates(deps.db)} csrf={c.get('csrfToken')} state={state} notice={done ? notices[done] : undefined} />, status);
  };

  app.get('/reminder-templates', requireActor, (c) => templatesPage(c));

  app.post('/reminder-templates/:code', requireActor, async (c) => {
    const code = c.req.param('code');
    const raw = await readForm(c);
    const values = { subject: one(raw, 'subject'), body: one(raw, 'body') };
    const r = await saveReminderTemplate(deps, c.get('actor')!, { code, ...values }, requestMeta(c));
    if (!r.ok) return templatesPage(c, { code, values, errors: r.errors }, 422);
    return c.redirect(`/reminder-templates?done=template#${code}`, 303);
  });

  return app;
}
