import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { docxContentType, pdfContentType } from '../../../documents/index.ts';
import { renderCommitteeOrderDocx, renderCommitteeOrderPdf } from '../../../documents/committee-order.ts';
import { addCommitteeMember } from '../../../services/committees/add-committee-member.ts';
import { buildCommitteeOrder } from '../../../services/committees/build-committee-order.ts';
import { moveCommitteeMember, removeCommitteeMember } from '../../../services/committees/change-committee-member.ts';
import { loadCommittee, loadManagedProvince } from '../../../services/committees/load-committee.ts';
import { saveCommittee, type CommitteeEdit } from '../../../services/committees/save-committee.ts';
import type { AppEnv } from '../../context.ts';
import { formBody } from '../../forms.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';
import { requestMeta } from '../../request-meta.ts';
import { noSuchDate, parseThaiDate } from '../documents/form-dates.ts';
import { bangkokDate } from '../../../domain/dates/bangkok-time.ts';
import type { FormState } from '../rounds/fields.tsx';
import { detailsSchema, memberFields, memberSchema, moveSchema, orderSchema } from './schema.ts';
import { CommitteePage, committeePath } from './view.tsx';

// /provinces/:provinceCode/committee — the province's monitoring committee: the page, its forms (details, order
// particulars, members added, moved and removed), and its appointment order as PDF or DOCX.

const notices: Record<string, string> = {
  saved: 'บันทึกแล้ว',
  added: 'เพิ่มกรรมการแล้ว',
  removed: 'นำกรรมการออกแล้ว',
  moved: 'เปลี่ยนลำดับแล้ว',
};
const conflictMessage = 'มีผู้อื่นบันทึกข้อมูลคณะกรรมการหลังจากท่านเปิดหน้านี้ หน้านี้แสดงข้อมูลล่าสุดแล้ว ตรวจแล้วบันทึกอีกครั้ง';

function errorsOf(form: string, error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) out[`${form}-${String(issue.path[0] ?? 'form')}`] ??= issue.message;
  return out;
}

export function committeeRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const path = '/provinces/:provinceCode/committee';
  const code = (c: Context<AppEnv>) => c.req.param('provinceCode') ?? '';
  const manager = (c: Context<AppEnv>) => loadManagedProvince(deps.db, c.get('actor')!, code(c));

  const page = async (c: Context<AppEnv>, state?: FormState, status: ContentfulStatusCode = 200) => {
    const view = await loadCommittee(deps, c.get('actor')!, { provinceCode: code(c) });
    const notice = status === 200 ? notices[c.req.query('done') ?? ''] : undefined;
    const title = `${state && Object.keys(state.errors).length ? 'ข้อผิดพลาด: ' : ''}คณะกรรมการติดตามฯ จังหวัด${view.province.nameTh}`;
    return renderPage(c, title, <CommitteePage view={view} csrf={c.get('csrfToken')} state={state} notice={notice} />, status);
  };
  const done = (c: Context<AppEnv>, what: string, anchor: string) => c.redirect(`${committeePath(code(c))}?done=${what}#${anchor}`, 303);

  app.get(path, requireActor, (c) => page(c));

  const save = async (c: Context<AppEnv>, form: 'details' | 'order', edit: CommitteeEdit, version: number) => {
    const r = await saveCommittee(deps, c.get('actor')!, { provinceCode: code(c), version, edit }, requestMeta(c));
    if (r.ok) return done(c, 'saved', form === 'details' ? 'duties-title' : 'order-title');
    return page(c, { form, values: {}, errors: { [`${form}-version`]: conflictMessage } }, 409);
  };

  app.post(path, requireActor, async (c) => {
    await manager(c);
    const raw = await formBody(c);
    const parsed = detailsSchema.safeParse(raw);
    if (!parsed.success) return page(c, { form: 'details', values: raw, errors: errorsOf('details', parsed.error) }, 422);
    return save(c, 'details', { part: 'details', title: parsed.data.title, duties: parsed.data.duties }, parsed.data.version);
  });

  app.post(`${path}/order`, requireActor, async (c) => {
    await manager(c);
    const raw = await formBody(c);
    const parsed = orderSchema.safeParse(raw);
    if (!parsed.success) return page(c, { form: 'order', values: raw, errors: errorsOf('order', parsed.error) }, 422);
    const d = parsed.data;
    const date = d.orderDate ? parseThaiDate(d.orderDate) : null;
    if (d.orderDate && !date) return page(c, { form: 'order', values: raw, errors: { 'order-orderDate': noSuchDate } }, 422);
    // The order's date is a calendar day: kept as its Bangkok date.
    const orderDate = date ? bangkokDate(date) : null;
    return save(c, 'order', { part: 'order', orderNo: d.orderNo, orderDate, signatoryName: d.signatoryName, signatoryPosition: d.signatoryPosition }, d.version);
  });

  app.post(`${path}/members`, requireActor, async (c) => {
    await manager(c);
    const raw = await formBody(c);
    const values = Object.fromEntries(memberFields.map((k) => [k, raw[k] ?? '']));
    const parsed = memberSchema.safeParse(raw);
    if (!parsed.success) return page(c, { form: 'member', values, errors: errorsOf('member', parsed.error) }, 422);
    const r = await addCommitteeMember(deps, c.get('actor')!, { provinceCode: code(c), member: parsed.data }, requestMeta(c));
    if (!r.ok) return page(c, { form: 'member', values, errors: Object.fromEntries(Object.entries(r.errors).map(([k, v]) => [`member-${k}`, v])) }, 422);
    return done(c, 'added', 'members-title');
  });

  const memberId = (c: Context<AppEnv>) => {
    const id = Number(c.req.param('memberId'));
    return Number.isSafeInteger(id) && id > 0 ? id : -1;
  };

  app.post(`${path}/members/:memberId/remove`, requireActor, async (c) => {
    await manager(c);
    await removeCommitteeMember(deps, c.get('actor')!, { provinceCode: code(c), memberId: memberId(c) }, requestMeta(c));
    return done(c, 'removed', 'members-title');
  });

  app.post(`${path}/members/:memberId/move`, requireActor, async (c) => {
    await manager(c);
    const parsed = moveSchema.safeParse(await formBody(c));
    if (!parsed.success) return page(c, { form: 'move', values: {}, errors: { 'members-title': parsed.error.issues[0]!.message } }, 422);
    await moveCommitteeMember(deps, c.get('actor')!, { provinceCode: code(c), memberId: memberId(c), direction: parsed.data.direction }, requestMeta(c));
    return done(c, 'moved', 'members-title');
  });

  for (const format of ['pdf', 'docx'] as const) {
    app.get(`${path}/order.${format}`, requireActor, async (c) => {
      const { view, doc } = await buildCommitteeOrder(deps, c.get('actor')!, { provinceCode: code(c), thaiDigits: c.req.query('digits') === 'thai' });
      const bytes = format === 'pdf' ? await renderCommitteeOrderPdf(doc) : await renderCommitteeOrderDocx(doc);
      return c.body(new Uint8Array(bytes), 200, {
        'Content-Type': format === 'pdf' ? pdfContentType : docxContentType,
        'Content-Disposition': `attachment; filename="committee-order-${view.province.code}.${format}"`,
        'Cache-Control': 'private, no-store',
      });
    });
  }
  return app;
}
