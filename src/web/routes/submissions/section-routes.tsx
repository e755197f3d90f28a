import { Hono, type Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Deps } from '../../../deps.ts';
import { DomainError } from '../../../domain/errors.ts';
import { toBangkok } from '../../../domain/dates/bangkok-time.ts';
import { isEditableState } from '../../../domain/submission/submission-state.ts';
import { listEvidence } from '../../../services/evidence/list-evidence.ts';
import { saveSection, type Conflict } from '../../../services/submissions/save-section.ts';
import { assetUrl } from '../../assets.ts';
import type { AppEnv } from '../../context.ts';
import { formBody } from '../../forms.ts';
import { requireActor } from '../../middleware/session.ts';
import { pageContext, renderPage } from '../../render.tsx';
import { requestMeta } from '../../request-meta.ts';
import { answersWithTyped, loadSubmissionPage, previewModel, routeParams, sectionIndicators, sectionPath, submissionPath, type FormEntry } from './page-model.ts';
import { buildAnswers, postedVersions, rawForSave } from './section-model.ts';
import { SectionView, type SectionPageProps } from './section-view.tsx';
import { stashAndSignIn, takeStash } from './stash.ts';

// The data-entry page of one section: GET shows it; POST saves it (save and continue / save and come back later),
// re-rendering with every typed value kept on a problem; POST …/autosave is the same save as JSON for entry.js.

type Page = Awaited<ReturnType<typeof loadSubmissionPage>>;
type RenderOpts = { typed?: Record<string, string> | null; errors?: Record<string, string>; warnings?: { code: string; message: string }[]; conflicts?: Conflict[]; notice?: SectionPageProps['notice']; lockedMessage?: string };

function findSection(forms: FormEntry[], code: string) {
  for (const form of forms) {
    const index = form.sections.findIndex((s) => s.section.code === code);
    if (index >= 0) return { form, entry: form.sections[index]!, index, next: form.sections[index + 1] };
  }
  throw new DomainError('not_found', 'section_not_found');
}

const bangkokTime = (at: Date) => toBangkok(at).time.replace(':', '.');

function lockReason(page: Page): string | undefined {
  const { ctx, perms } = page;
  if (perms.editable || !perms.canEdit) return undefined;
  if (!ctx.entry.allowed) return ctx.entry.message;
  if (ctx.state === 'accepted') return 'ข้อมูลนี้ได้รับการรับรองแล้ว แก้ไขไม่ได้';
  if (!isEditableState(ctx.state)) return 'ส่งข้อมูลแล้ว แก้ไขไม่ได้จนกว่าจะถูกส่งกลับให้แก้ไข';
  return undefined;
}

export function sectionRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const path = '/rounds/:roundId/submissions/:orgUnitCode/sections/:sectionCode';

  const render = async (c: Context<AppEnv>, page: Page, sectionCode: string, opts: RenderOpts, status: ContentfulStatusCode = 200) => {
    const { ctx, perms, forms } = page;
    const found = findSection(forms, sectionCode);
    const typed = opts.typed ?? null;
    const indicators = sectionIndicators(ctx, found.entry, answersWithTyped(ctx, found.entry, typed));
    const evidence = indicators.some((i) => i.indicator.evidence && i.indicator.evidence.required !== 'never') || found.entry.fields.some((f) => f.type === 'file')
      ? { ...(await listEvidence(deps, page.actor, routeParams(c))), query: c.req.query(), scope: perms.scope } : null;
    const returnedHere = perms.reopened && perms.editable && !found.entry.fields.some((f) => [...perms.reopened!].some((k) => k === f.key || k.startsWith(`${f.key}|`)));
    // A division officer: a section none of whose fields are the division's is read only; a shared one says so.
    const mine = perms.scope ? found.entry.fields.filter((f) => perms.scope!.fields.has(f.key)).length : found.entry.fields.length;
    const editable = perms.editable && mine > 0;
    const scopeNotice = perms.scope && perms.editable
      ? { kind: 'info' as const, text: mine === 0 ? 'ส่วนนี้เป็นของกลุ่มงานอื่น จึงแสดงไว้ให้ดูเท่านั้น' : mine < found.entry.fields.length ? 'ช่องที่เป็นของกลุ่มงานอื่นแสดงไว้ให้ดูเท่านั้น กลุ่มงานของท่านกรอกได้เฉพาะช่องที่แก้ไขได้' : undefined }
      : undefined;
    const notice = opts.notice ?? (returnedHere ? { kind: 'info' as const, text: 'ส่วนนี้ไม่มีช่องที่ผู้ตรวจส่งกลับให้แก้ไข จึงแสดงไว้ให้ดูเท่านั้น' } : scopeNotice?.text ? { kind: scopeNotice.kind, text: scopeNotice.text } : undefined);
    const props: SectionPageProps = {
      csrf: c.get('csrfToken'), nonce: pageContext(c).nonce, ctx, entry: found.entry, position: { index: found.index, count: found.form.sections.length },
      items: buildAnswers(ctx, perms, found.entry, { typed, errors: opts.errors ?? {}, conflicts: opts.conflicts ?? [] }),
      editable, errors: opts.errors ?? {}, warnings: opts.warnings ?? [], conflicts: opts.conflicts ?? [],
      notice, lockedMessage: opts.lockedMessage ?? lockReason(page), indicators, preview: editable ? previewModel(ctx, found.entry, indicators) : null,
      evidence, scripts: { entry: assetUrl('entry.js'), preview: assetUrl('entry-preview.js') },
    };
    const title = `${Object.keys(props.errors).length ? 'ข้อผิดพลาด: ' : ''}${found.entry.title}`;
    return renderPage(c, title, <SectionView {...props} />, status);
  };

  app.get(path, requireActor, async (c) => {
    const page = await loadSubmissionPage(deps, c);
    const sectionCode = c.req.param('sectionCode');
    findSection(page.forms, sectionCode);
    if (!page.perms.editable) return render(c, page, sectionCode, {});
    const stashed = await takeStash(deps, c, sectionPath(page.ctx.round.id, page.ctx.unit.code, sectionCode));
    if (stashed) {
      return render(c, page, sectionCode, { typed: stashed, notice: { kind: 'warning', text: 'ข้อมูลที่ท่านพิมพ์ไว้ก่อนหมดเวลาเข้าระบบยังไม่ได้บันทึก — ตรวจแล้วกดบันทึก' } });
    }
    return render(c, page, sectionCode, {});
  });

  /** Save as asked; the outcome, or a response to send as is. */
  const save = async (c: Context<AppEnv>, posted: Record<string, string>, asJson: boolean) => {
    const page = await loadSubmissionPage(deps, c);
    const sectionCode = c.req.param('sectionCode')!;
    const found = findSection(page.forms, sectionCode);
    if (!page.perms.canEdit) throw new DomainError('forbidden', 'forbidden');
    const { ctx, perms } = page;
    const result = await saveSection(deps, page.actor, {
      roundId: ctx.round.id, orgUnitCode: ctx.unit.code, sectionCode, raw: rawForSave(ctx, perms, found.entry, posted),
      complete: !asJson && posted.action !== 'later', confirmedWarnings: asJson || posted.confirmWarnings === 'yes', answerVersions: postedVersions(posted), context: ctx,
    }, requestMeta(c));
    return { page, found, result, sectionCode };
  };

  app.post(path, async (c) => {
    const posted = await formBody(c);
    const { roundId, orgUnitCode } = routeParams(c);
    if (!c.get('actor')) return stashAndSignIn(deps, c, posted, sectionPath(roundId, orgUnitCode, c.req.param('sectionCode')));
    const { page, found, result, sectionCode } = await save(c, posted, false);
    const base = submissionPath(roundId, page.ctx.unit.code);
    if (result.ok) {
      if (posted.action === 'later') return c.redirect(`${base}?done=saved`, 303);
      return c.redirect(found.next ? sectionPath(roundId, page.ctx.unit.code, found.next.section.code) : `${base}?done=form-complete&form=${encodeURIComponent(found.form.form.code)}`, 303);
    }
    switch (result.reason) {
      case 'invalid':
        return render(c, page, sectionCode, { typed: posted, errors: result.errors }, 422);
      case 'warnings':
        return render(c, page, sectionCode, { typed: posted, warnings: result.warnings }, 422);
      case 'conflict':
        return render(c, await loadSubmissionPage(deps, c), sectionCode, { typed: posted, conflicts: result.conflicts }, 409);
      case 'locked':
        return render(c, await loadSubmissionPage(deps, c), sectionCode, { lockedMessage: result.message }, 409);
    }
  });

  app.post(`${path}/autosave`, async (c) => {
    const posted = await formBody(c);
    if (!c.get('actor')) return c.json({ ok: false, error: 'unauthenticated', message: 'หมดเวลาเข้าระบบ' }, 401);
    try {
      const { result } = await save(c, posted, true);
      if (result.ok) return c.json({ ok: true, answerVersions: result.answerVersions, changed: result.changed, savedAt: bangkokTime(deps.clock.now()) });
      switch (result.reason) {
        case 'invalid':
          return c.json({ ok: false, error: 'invalid', errors: result.errors }, 422);
        case 'warnings':
          return c.json({ ok: false, error: 'warnings', warnings: result.warnings }, 422);
        case 'conflict':
          return c.json({ ok: false, error: 'conflict', conflicts: result.conflicts.map((x) => ({ name: x.name, label: x.label })) }, 409);
        case 'locked':
          return c.json({ ok: false, error: 'locked', message: result.message }, 423);
      }
    } catch (err) {
      if (err instanceof DomainError && (err.code === 'forbidden' || err.code === 'not_found')) return c.json({ ok: false, error: err.code }, err.code === 'forbidden' ? 403 : 404);
      throw err;
    }
  });
  return app;
}
