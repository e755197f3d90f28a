import fs from 'node:fs/promises';
import path from 'node:path';
import { Hono, type Context } from 'hono';
import type { Deps } from '../../../deps.ts';
import { findLatestVersion, findProgrammeById, listFrameworkVersions } from '../../../db/queries/frameworks.ts';
import { canManageProgrammes } from '../../../domain/access/policies.ts';
import { DomainError } from '../../../domain/errors.ts';
import { audiences, type Audience } from '../../../domain/framework/framework-view.ts';
import { exportFramework, maxFrameworkBytes } from '../../../domain/framework/read-framework-file.ts';
import { copyFrameworkVersion } from '../../../services/framework/copy-framework-version.ts';
import { shippedFrameworksDir } from '../../../services/framework/framework-files.ts';
import { importFramework } from '../../../services/framework/import-framework.ts';
import { loadFrameworkVersion } from '../../../services/framework/load-framework-version.ts';
import type { FieldErrors } from '../../components/forms.tsx';
import type { AppEnv } from '../../context.ts';
import { fieldErrors, formBody } from '../../forms.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';
import { requestMeta } from '../../request-meta.ts';
import { domainFieldErrors } from '../rounds/schema.ts';
import { copyForm, frameworkFileName } from './schema.ts';
import { FrameworkListView, suggestCopy, type UploadOutcome } from './view.tsx';
import { FrameworkVersionView } from './version-view.tsx';

const notices: Record<string, string> = { imported: 'นำเข้ากรอบการประเมินแล้ว (รุ่นร่าง)', replaced: 'แทนที่รุ่นร่างด้วยไฟล์ใหม่แล้ว', copied: 'สร้างรุ่นใหม่ (ร่าง) จากรุ่นล่าสุดแล้ว' };

// Framework versions for the programme owners: list, check or import a file, read a version as its users will
// meet it, export it, start the next one. The file format's JSON Schema is public.
export function adminFrameworkRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  let schemaText: Promise<string> | undefined;
  app.get('/frameworks/framework.schema.json', async (c) => {
    schemaText ??= fs.readFile(path.join(shippedFrameworksDir, 'framework.schema.json'), 'utf8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(await schemaText, 200, { 'Content-Type': 'application/schema+json; charset=utf-8' });
  });

  app.use('/admin/frameworks', requireActor);
  app.use('/admin/frameworks/*', requireActor);
  const guard = async (c: Context<AppEnv>, next: () => Promise<void>) => {
    if (!canManageProgrammes(c.get('actor')!)) throw new DomainError('forbidden', 'frameworks');
    await next();
  };
  app.use('/admin/frameworks', guard);
  app.use('/admin/frameworks/*', guard);

  const list = async (c: Context<AppEnv>, outcome?: UploadOutcome) => {
    const versions = await listFrameworkVersions(deps.db);
    const status = outcome && !outcome.ok ? 422 : 200;
    return renderPage(c, 'กรอบการประเมิน', <FrameworkListView csrf={c.get('csrfToken')} versions={versions} outcome={outcome} notice={notices[c.req.query('done') ?? '']} />, status);
  };

  app.get('/admin/frameworks', (c) => list(c));

  app.post('/admin/frameworks', async (c) => {
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const file = body.file;
    const dryRun = body.mode !== 'import';
    if (!(file instanceof File) || file.size === 0) return list(c, { ok: false, fileName: null, fileError: 'เลือกไฟล์กรอบการประเมิน (.yaml หรือ .json) ก่อน' });
    const fileName = file.name.slice(0, 200) || 'framework.yaml';
    if (!frameworkFileName.test(fileName)) return list(c, { ok: false, fileName, fileError: 'ไฟล์ต้องเป็น .yaml หรือ .json ตามรูปแบบไฟล์กรอบการประเมิน' });
    if (file.size > maxFrameworkBytes) return list(c, { ok: false, fileName, fileError: 'ไฟล์ใหญ่เกิน 2 MB ตรวจว่าเลือกไฟล์ถูกต้อง' });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const result = await importFramework(deps, c.get('actor')!, { bytes, fileName, dryRun }, requestMeta(c));
    if (!result.ok) return list(c, { ok: false, fileName, problems: result.problems });
    if (result.dryRun) return list(c, { ok: true, fileName, doc: result.doc, replaces: result.replaced });
    return c.redirect(`/admin/frameworks/${result.versionId}?done=${result.replaced ? 'replaced' : 'imported'}`, 303);
  });

  const versionPage = async (c: Context<AppEnv>, id: number, copy: { values?: Record<string, string>; errors?: FieldErrors } = {}) => {
    const version = await loadFrameworkVersion(deps.db, { id });
    const programme = await findProgrammeById(deps.db, version.programmeId);
    const latest = await findLatestVersion(deps.db, version.programmeId);
    const types = audiences(version.doc);
    const asked = c.req.query('type');
    const audience: Audience = types.find((a) => a !== null && a === asked) ?? types[0] ?? null;
    const status = copy.errors && Object.keys(copy.errors).length ? 422 : 200;
    return renderPage(
      c,
      version.title,
      <FrameworkVersionView
        csrf={c.get('csrfToken')}
        version={version}
        programmeTitle={programme?.title ?? version.doc.programme.title}
        latest={latest ? { id: latest.id, code: latest.code } : null}
        audience={audience}
        copyValues={copy.values ?? suggestCopy(version)}
        copyErrors={copy.errors ?? {}}
        notice={notices[c.req.query('done') ?? '']}
      />,
      status,
    );
  };

  app.get('/admin/frameworks/:id', (c) => versionPage(c, versionIdParam(c)));

  app.get('/admin/frameworks/:id/export', async (c) => {
    const version = await loadFrameworkVersion(deps.db, { id: versionIdParam(c) });
    c.header('Cache-Control', 'no-store');
    c.header('Content-Disposition', `attachment; filename="${version.code}.yaml"`);
    return c.body(exportFramework(version.doc), 200, { 'Content-Type': 'text/yaml; charset=utf-8' });
  });

  app.post('/admin/frameworks/:id/copy', async (c) => {
    const id = versionIdParam(c);
    const version = await loadFrameworkVersion(deps.db, { id });
    const raw = await formBody(c);
    const values = { code: (raw.code ?? '').slice(0, 60), title: (raw.title ?? '').slice(0, 300), fiscalYear: (raw.fiscalYear ?? '').slice(0, 8) };
    const parsed = copyForm.safeParse(raw);
    if (!parsed.success) return versionPage(c, id, { values, errors: fieldErrors(parsed.error) });
    try {
      const { versionId } = await copyFrameworkVersion(deps, c.get('actor')!, { programmeId: version.programmeId, ...parsed.data }, requestMeta(c));
      return c.redirect(`/admin/frameworks/${versionId}?done=copied`, 303);
    } catch (err) {
      return versionPage(c, id, { values, errors: domainFieldErrors(err, 'code') });
    }
  });
  return app;
}

function versionIdParam(c: Context<AppEnv>): number {
  const raw = c.req.param('id') ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw new DomainError('not_found', 'framework_not_found');
  return Number(raw);
}
