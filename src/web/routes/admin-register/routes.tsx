import { Hono, type Context } from 'hono';
import type { Deps } from '../../../deps.ts';
import { canImportRegister } from '../../../domain/access/policies.ts';
import { DomainError } from '../../../domain/errors.ts';
import { findRegisterImport } from '../../../db/queries/register.ts';
import { importRegister } from '../../../services/register/import-register.ts';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';
import { ImportView, RegisterHomeView, type ImportRow } from './view.tsx';

const maxFileBytes = 20 * 1024 * 1024;

// The register import in the browser: the file is checked (or imported) in the background and the page follows
// its progress; a refresh every 2 s keeps it working without JavaScript.
export function adminRegisterRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.use('/admin/register', requireActor);
  app.use('/admin/register/*', requireActor);
  const guard = (c: Context<AppEnv>) => {
    if (!canImportRegister(c.get('actor')!)) throw new DomainError('forbidden', 'register');
  };

  const home = async (c: Context<AppEnv>, error?: string) => {
    const imports = (await deps.db.selectFrom('register_imports').selectAll().orderBy('id', 'desc').limit(20).execute()) as unknown as ImportRow[];
    return renderPage(c, 'ทะเบียน อปท.', <RegisterHomeView csrf={c.get('csrfToken')} imports={imports} error={error} />, error ? 422 : 200);
  };

  app.get('/admin/register', async (c) => {
    guard(c);
    return home(c);
  });

  app.post('/admin/register', async (c) => {
    guard(c);
    const body = await c.req.parseBody();
    const file = body.file;
    if (!(file instanceof File) || file.size === 0) return home(c, 'เลือกไฟล์ทะเบียน (CSV หรือ XLSX) ก่อน');
    if (file.size > maxFileBytes) return home(c, 'ไฟล์ใหญ่เกิน 20 MB แบ่งไฟล์หรือลบคอลัมน์ที่ไม่ใช้แล้วอัปโหลดใหม่');
    const dryRun = body.mode !== 'import';
    const bytes = Buffer.from(await file.arrayBuffer());
    const actorUserId = c.get('actor')!.userId;
    const logger = c.get('logger');
    const importId = await new Promise<number>((resolve, reject) => {
      importRegister(deps, { fileName: file.name.slice(0, 300) || 'register', bytes, dryRun, actorUserId, onStarted: resolve })
        .catch((e: Error) => {
          logger.error({ err: { message: e.message, stack: e.stack } }, 'register import failed');
          reject(e);
        });
    });
    return c.redirect(`/admin/register/imports/${importId}`, 303);
  });

  app.get('/admin/register/imports/:id', async (c) => {
    guard(c);
    const id = Number(c.req.param('id'));
    const row = Number.isSafeInteger(id) && id > 0 ? await findRegisterImport(deps.db, id) : undefined;
    if (!row) throw new DomainError('not_found', 'register_import');
    if (row.status === 'running') c.header('Refresh', '2');
    return renderPage(c, `ทะเบียน อปท.: ${row.file_name}`, <ImportView row={row as unknown as ImportRow} />);
  });
  return app;
}
