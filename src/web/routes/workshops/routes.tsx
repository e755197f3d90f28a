import { Hono, type Context } from 'hono';
import type { Deps } from '../../../deps.ts';
import { listProgrammes } from '../../../db/queries/frameworks.ts';
import { findWorkshop, listProvinceNames, listWorkshopDocuments } from '../../../db/queries/workshops.ts';
import { canManageProgrammes } from '../../../domain/access/policies.ts';
import { DomainError } from '../../../domain/errors.ts';
import { extensionOf } from '../../../domain/evidence/detect-file-type.ts';
import { contentDisposition } from '../../../domain/evidence/evidence-limits.ts';
import { changeAttendee, loadAttendeeForEdit } from '../../../services/workshops/change-attendee.ts';
import { changeWorkshop } from '../../../services/workshops/change-workshop.ts';
import { createWorkshop } from '../../../services/workshops/create-workshop.ts';
import { attendeesCsv, attendeesWorkbook, loadAttendeeExport } from '../../../services/workshops/export-attendees.ts';
import { getWorkshopDocument } from '../../../services/workshops/get-workshop-document.ts';
import { listWorkshopsFor, loadWorkshopPage } from '../../../services/workshops/load-workshop-page.ts';
import { registerAttendee } from '../../../services/workshops/register-attendee.ts';
import { removeAttendee } from '../../../services/workshops/remove-attendee.ts';
import { removeWorkshopDocument } from '../../../services/workshops/remove-workshop-document.ts';
import { uploadWorkshopDocument } from '../../../services/workshops/upload-workshop-document.ts';
import { workshopIdOf } from '../../../services/workshops/workshop-viewer.ts';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';
import { requestMeta } from '../../request-meta.ts';
import type { FormState } from '../rounds/fields.tsx';
import { one, readForm, type RawForm } from '../rounds/schema.ts';
import { AttendeeEditView } from './attendee-view.tsx';
import { WorkshopFormView } from './form-view.tsx';
import { WorkshopListView } from './list-view.tsx';
import { attendeeRaw, parseWorkshopForm, readWorkshopForm, workshopFormValues } from './schema.ts';
import { WorkshopView } from './workshop-view.tsx';

// /workshops…: the list (everyone signed in sees their audience's), announcing and editing (owners), a workshop's
// page with its documents and registration (its audience), attendees (the LAO's own people), the export (owners).

const notices: Record<string, string> = {
  created: 'ประกาศการอบรมแล้ว แนบเอกสารประกอบได้ด้านล่าง', updated: 'บันทึกการแก้ไขแล้ว', document: 'อัปโหลดเอกสารแล้ว', 'document-removed': 'ลบเอกสารแล้ว',
  registered: 'ลงทะเบียนผู้เข้าร่วมแล้ว', 'attendee-updated': 'แก้ไขข้อมูลผู้เข้าร่วมแล้ว', 'attendee-removed': 'ลบรายชื่อผู้เข้าร่วมแล้ว',
};
const prefixed = (formId: string, errors: Record<string, string>) => Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${formId}-${k}`, v]));
const idParam = (c: Context<AppEnv>, name: string) => workshopIdOf(c.req.param(name) ?? '');

export function workshopRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.use('/workshops', requireActor);
  app.use('/workshops/*', requireActor);
  const actorOf = (c: Context<AppEnv>) => c.get('actor')!;
  const ownersOnly = (c: Context<AppEnv>) => {
    if (!canManageProgrammes(actorOf(c))) throw new DomainError('forbidden', 'workshops');
  };
  const notice = (c: Context<AppEnv>) => notices[c.req.query('done') ?? ''];

  app.get('/workshops', async (c) => {
    const { viewer, items } = await listWorkshopsFor(deps, actorOf(c));
    return renderPage(c, 'การอบรมและคู่มือ', <WorkshopListView items={items} now={deps.clock.now()} manage={viewer.owner} notice={notice(c)} />);
  });

  /** The announcement form: new (no id), or an existing workshop's with its documents. On the edit page the
   * announcement shows its stored values unless it is the form being corrected; a document upload has its own. */
  const formPage = async (c: Context<AppEnv>, state: FormState, id?: number) => {
    const [programmes, provinces] = await Promise.all([listProgrammes(deps.db), listProvinceNames(deps.db)]);
    const status = Object.keys(state.errors).length ? 422 : 200;
    const csrf = c.get('csrfToken');
    if (id === undefined) return renderPage(c, 'ประกาศการอบรม', <WorkshopFormView csrf={csrf} programmes={programmes} provinces={provinces} state={state} />, status);
    const workshop = await findWorkshop(deps.db, id);
    if (!workshop) throw new DomainError('not_found', 'workshop_not_found');
    const documents = await listWorkshopDocuments(deps.db, id);
    const announcement: FormState = state.form === 'workshop' && status === 422 ? state : { form: 'workshop', values: workshopFormValues(workshop), errors: {} };
    const upload: FormState = state.form === 'document' ? state : { form: 'document', values: {}, errors: {} };
    const view = <WorkshopFormView csrf={csrf} programmes={programmes} provinces={provinces} state={announcement} documentState={upload} workshopId={id} title={workshop.title} documents={documents} notice={status === 200 ? notice(c) : undefined} />;
    return renderPage(c, `แก้ไข ${workshop.title}`, view, status);
  };

  app.get('/workshops/new', (c) => {
    ownersOnly(c);
    return formPage(c, { form: 'workshop', values: {}, errors: {} });
  });

  app.post('/workshops/new', async (c) => {
    ownersOnly(c);
    const raw = await readWorkshopForm(c);
    const parsed = parseWorkshopForm(raw);
    if (!parsed.ok) return formPage(c, { form: 'workshop', values: raw, errors: prefixed('workshop', parsed.errors) });
    const result = await createWorkshop(deps, actorOf(c), parsed.value, requestMeta(c));
    if (!result.ok) return formPage(c, { form: 'workshop', values: raw, errors: prefixed('workshop', result.errors) });
    return c.redirect(`/workshops/${result.workshopId}/edit?done=created`, 303);
  });

  const workshopPage = async (c: Context<AppEnv>, id: number, state?: FormState) => {
    const page = await loadWorkshopPage(deps, actorOf(c), id);
    return renderPage(c, page.workshop.title, <WorkshopView csrf={c.get('csrfToken')} page={page} state={state} notice={state ? undefined : notice(c)} />, state ? 422 : 200);
  };

  app.get('/workshops/:id', (c) => workshopPage(c, idParam(c, 'id')));

  app.get('/workshops/:id/edit', (c) => {
    ownersOnly(c);
    return formPage(c, { form: 'workshop', values: {}, errors: {} }, idParam(c, 'id'));
  });

  app.post('/workshops/:id/edit', async (c) => {
    ownersOnly(c);
    const id = idParam(c, 'id');
    const raw = await readWorkshopForm(c);
    const parsed = parseWorkshopForm(raw);
    if (!parsed.ok) return formPage(c, { form: 'workshop', values: raw, errors: prefixed('workshop', parsed.errors) }, id);
    const result = await changeWorkshop(deps, actorOf(c), id, parsed.value, requestMeta(c));
    if (!result.ok) return formPage(c, { form: 'workshop', values: raw, errors: prefixed('workshop', result.errors) }, id);
    return c.redirect(`/workshops/${id}?done=updated`, 303);
  });

  app.post('/workshops/:id/documents', async (c) => {
    ownersOnly(c);
    const id = idParam(c, 'id');
    // A malformed multipart body is bad input like any other: a form without a file.
    const body = (await c.req.parseBody().catch(() => ({}))) as Record<string, unknown>;
    const file = body.file instanceof File && (body.file.size > 0 || body.file.name) ? body.file : null;
    const title = typeof body.title === 'string' ? body.title.slice(0, 1000) : '';
    const result = await uploadWorkshopDocument(deps, actorOf(c), { workshopId: id, title, fileName: file?.name ?? '', bytes: file ? Buffer.from(await file.arrayBuffer()) : null }, requestMeta(c));
    if (!result.ok) return formPage(c, { form: 'document', values: { title }, errors: { [`document-${result.field}`]: result.message } }, id);
    return c.redirect(`/workshops/${id}/edit?done=document`, 303);
  });

  app.get('/workshops/:id/documents/:documentId', async (c) => {
    const { document, bytes } = await getWorkshopDocument(deps, actorOf(c), { workshopId: idParam(c, 'id'), documentId: idParam(c, 'documentId') });
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': document.contentType,
      'Content-Disposition': contentDisposition('attachment', document.fileName, `workshop-document-${document.id}.${extensionOf(document.fileName) || 'bin'}`),
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "sandbox; default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      'Cache-Control': 'private, no-store',
    });
  });

  app.post('/workshops/:id/documents/:documentId/remove', async (c) => {
    ownersOnly(c);
    const id = idParam(c, 'id');
    await removeWorkshopDocument(deps, actorOf(c), { workshopId: id, documentId: idParam(c, 'documentId') }, requestMeta(c));
    return c.redirect(`/workshops/${id}/edit?done=document-removed`, 303);
  });

  app.post('/workshops/:id/attendees', async (c) => {
    const id = idParam(c, 'id');
    const raw = await readForm(c);
    const orgUnitId = /^\d{1,9}$/.test(one(raw.orgUnitId)) ? Number(one(raw.orgUnitId)) : 0;
    if (!orgUnitId) throw new DomainError('forbidden', 'workshop_registration');
    const result = await registerAttendee(deps, actorOf(c), { workshopId: id, orgUnitId, raw: attendeeRaw(raw) }, requestMeta(c));
    if (!result.ok) return workshopPage(c, id, { form: `attendee-${orgUnitId}`, values: raw, errors: prefixed(`attendee-${orgUnitId}`, result.errors) });
    return c.redirect(`/workshops/${id}?done=registered#register-${orgUnitId}`, 303);
  });

  const editPage = async (c: Context<AppEnv>, state?: { values: RawForm; errors: Record<string, string> }) => {
    const { workshop, attendee, closed } = await loadAttendeeForEdit(deps, actorOf(c), { workshopId: idParam(c, 'id'), attendeeId: idParam(c, 'attendeeId') });
    if (closed && !state) return c.redirect(`/workshops/${workshop.id}`, 303);
    const values = state?.values ?? { name: attendee.name, position: attendee.position, phone: attendee.phone, email: attendee.email ?? '' };
    const view = <AttendeeEditView csrf={c.get('csrfToken')} workshop={workshop} attendee={attendee} state={{ form: 'attendee', values, errors: state?.errors ?? {} }} />;
    return renderPage(c, 'แก้ไขผู้เข้าร่วม', view, state ? 422 : 200);
  };

  app.get('/workshops/:id/attendees/:attendeeId/edit', (c) => editPage(c));

  app.post('/workshops/:id/attendees/:attendeeId/edit', async (c) => {
    const id = idParam(c, 'id');
    const raw = await readForm(c);
    const result = await changeAttendee(deps, actorOf(c), { workshopId: id, attendeeId: idParam(c, 'attendeeId'), raw: attendeeRaw(raw) }, requestMeta(c));
    if (!result.ok) return editPage(c, { values: raw, errors: prefixed('attendee', result.errors) });
    return c.redirect(`/workshops/${id}?done=attendee-updated`, 303);
  });

  app.post('/workshops/:id/attendees/:attendeeId/remove', async (c) => {
    const id = idParam(c, 'id');
    const result = await removeAttendee(deps, actorOf(c), { workshopId: id, attendeeId: idParam(c, 'attendeeId') }, requestMeta(c));
    if (!result.ok) return workshopPage(c, id, { form: 'remove', values: {}, errors: { main: result.errors.form ?? '' } });
    return c.redirect(`/workshops/${id}?done=attendee-removed`, 303);
  });

  const exportOf = (c: Context<AppEnv>) => loadAttendeeExport(deps, actorOf(c), idParam(c, 'id'));
  app.get('/workshops/:id/attendees.xlsx', async (c) => {
    const e = await exportOf(c);
    const bytes = await attendeesWorkbook(e, deps.clock.now());
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="workshop-${e.workshop.id}-attendees.xlsx"`,
      'Cache-Control': 'private, no-store',
    });
  });
  app.get('/workshops/:id/attendees.csv', async (c) => {
    const e = await exportOf(c);
    const byProvince = c.req.query('by') === 'province';
    return c.body(attendeesCsv(e, byProvince), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="workshop-${e.workshop.id}-${byProvince ? 'provinces' : 'attendees'}.csv"`,
      'Cache-Control': 'private, no-store',
    });
  });
  return app;
}
