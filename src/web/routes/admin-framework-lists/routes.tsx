import { Hono } from 'hono';
import type { Deps } from '../../../deps.ts';
import { canManageProgrammes } from '../../../domain/access/policies.ts';
import { DomainError } from '../../../domain/errors.ts';
import { masterListToText } from '../../../domain/framework/master-list-text.ts';
import { editMasterList } from '../../../services/framework/edit-master-list.ts';
import { loadFrameworkVersion } from '../../../services/framework/load-framework-version.ts';
import type { AppEnv } from '../../context.ts';
import { formBody } from '../../forms.ts';
import { requestMeta } from '../../request-meta.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';
import { MasterListView } from './view.tsx';

// A framework version's master list (such as DLA's standards), edited by the programme owner in a draft version.
export function adminFrameworkListRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.use('/admin/frameworks/:id/lists/*', requireActor);

  const load = async (idParam: string, code: string) => {
    const id = /^\d{1,9}$/.test(idParam) ? Number(idParam) : NaN;
    if (!Number.isSafeInteger(id)) throw new DomainError('not_found', 'framework_not_found');
    const version = await loadFrameworkVersion(deps.db, { id });
    const list = version.doc.lists?.find((l) => l.code === code);
    if (!list) throw new DomainError('not_found', 'framework_not_found');
    return { version, list };
  };

  app.get('/admin/frameworks/:id/lists/:code', async (c) => {
    if (!canManageProgrammes(c.get('actor')!)) throw new DomainError('forbidden', 'forbidden');
    const { version, list } = await load(c.req.param('id'), c.req.param('code'));
    return renderPage(c, `บัญชีรายการ ${list.title}`, (
      <MasterListView csrf={c.get('csrfToken')} versionId={version.id} versionCode={version.code} frozen={version.status === 'frozen'} list={list} text={masterListToText(list)} problems={[]} saved={c.req.query('saved') === '1'} />
    ));
  });

  app.post('/admin/frameworks/:id/lists/:code', async (c) => {
    const actor = c.get('actor')!;
    if (!canManageProgrammes(actor)) throw new DomainError('forbidden', 'forbidden');
    const { version, list } = await load(c.req.param('id'), c.req.param('code'));
    const text = ((await formBody(c)).items ?? '').slice(0, 200_000);
    const rerender = (problems: string[]) => renderPage(c, `บัญชีรายการ ${list.title}`, (
      <MasterListView csrf={c.get('csrfToken')} versionId={version.id} versionCode={version.code} frozen={false} list={list} text={text} problems={problems} saved={false} />
    ), 422);
    if (version.status === 'frozen') return rerender(['กรอบรุ่นนี้ถูกใช้ในรอบการประเมินแล้ว แก้ไขไม่ได้ — สร้างรุ่นใหม่แล้วแก้ไขในรุ่นใหม่']);
    try {
      const result = await editMasterList(deps, actor, { versionId: version.id, listCode: list.code, text }, requestMeta(c));
      if (!result.ok) return rerender(result.problems);
    } catch (e) {
      if (e instanceof DomainError && e.code === 'conflict') return rerender(['กรอบรุ่นนี้ถูกใช้ในรอบการประเมินแล้ว แก้ไขไม่ได้ — สร้างรุ่นใหม่แล้วแก้ไขในรุ่นใหม่']);
      throw e;
    }
    return c.redirect(`/admin/frameworks/${version.id}/lists/${encodeURIComponent(list.code)}?saved=1`, 303);
  });
  return app;
}
