import { Hono, type Context } from 'hono';
import type { Deps } from '../../../deps.ts';
import { canAdministerUsers, reachPaths } from '../../../domain/access/policies.ts';
import { DomainError } from '../../../domain/errors.ts';
import { listUsersWithin } from '../../../db/queries/access.ts';
import { inviteUser } from '../../../services/users/invite-user.ts';
import { getManagedUser, grantRole, revokeRole, setActive } from '../../../services/users/manage-user.ts';
import type { AppEnv } from '../../context.ts';
import { fieldErrors, formBody } from '../../forms.ts';
import { requireActor } from '../../middleware/session.ts';
import { requestMeta } from '../../request-meta.ts';
import { renderPage } from '../../render.tsx';
import { grantForm, inviteForm } from './schema.ts';
import { grantableBy, InviteView, UserListView, UserView } from './view.tsx';

const pageSize = 50;
const notices: Record<string, string> = { invited: 'ส่งคำเชิญแล้ว', granted: 'เพิ่มบทบาทแล้ว', revoked: 'นำบทบาทออกแล้ว', deactivated: 'ระงับการใช้งานแล้ว', activated: 'เปิดใช้งานแล้ว' };

export function userRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.use('/users', requireActor);
  app.use('/users/*', requireActor);
  app.use('/users', adminsOnly);
  app.use('/users/*', adminsOnly);

  app.get('/users', async (c) => {
    const actor = c.get('actor')!;
    const page = Math.max(1, Math.min(10_000, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
    const search = (c.req.query('q') ?? '').trim().slice(0, 100);
    const { rows, total } = await listUsersWithin(deps.db, reachPaths(actor), { search, limit: pageSize, offset: (page - 1) * pageSize });
    return renderPage(c, 'ผู้ใช้งาน', <UserListView rows={rows} total={total} page={page} pageSize={pageSize} search={search} notice={notices[c.req.query('done') ?? '']} />);
  });

  app.get('/users/new', (c) => renderPage(c, 'เชิญผู้ใช้ใหม่', <InviteView csrf={c.get('csrfToken')} roles={grantableBy(c.get('actor')!)} />));

  app.post('/users/new', async (c) => {
    const actor = c.get('actor')!;
    const raw = await formBody(c);
    const values = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.slice(0, 300)]));
    const parsed = inviteForm.safeParse(raw);
    if (!parsed.success) return renderPage(c, 'เชิญผู้ใช้ใหม่', <InviteView csrf={c.get('csrfToken')} roles={grantableBy(actor)} values={values} errors={fieldErrors(parsed.error)} />, 422);
    const result = await inviteUser(deps, actor, { ...parsed.data, username: parsed.data.username || null }, requestMeta(c));
    if ('problems' in result) {
      const errors = Object.fromEntries(result.problems.map((p) => [p.field, p.message]));
      return renderPage(c, 'เชิญผู้ใช้ใหม่', <InviteView csrf={c.get('csrfToken')} roles={grantableBy(actor)} values={values} errors={errors} />, 422);
    }
    return c.redirect('/users?done=invited', 303);
  });

  app.get('/users/:id', async (c) => {
    const actor = c.get('actor')!;
    const target = await getManagedUser(deps, actor, userIdParam(c));
    return renderPage(c, target.user.name, <UserView csrf={c.get('csrfToken')} target={target} roles={grantableBy(actor)} notice={notices[c.req.query('done') ?? '']} />);
  });

  app.post('/users/:id/memberships', async (c) => {
    const actor = c.get('actor')!;
    const id = userIdParam(c);
    const raw = await formBody(c);
    const parsed = grantForm.safeParse(raw);
    const result = parsed.success ? await grantRole(deps, actor, id, parsed.data, requestMeta(c)) : undefined;
    if (!result?.ok) {
      const target = await getManagedUser(deps, actor, id);
      const errors = parsed.success ? { orgUnitCode: (result as { message: string }).message } : fieldErrors(parsed.error);
      return renderPage(c, target.user.name, <UserView csrf={c.get('csrfToken')} target={target} roles={grantableBy(actor)} values={{ role: raw.role ?? '', orgUnitCode: (raw.orgUnitCode ?? '').slice(0, 32) }} errors={errors} />, 422);
    }
    return c.redirect(`/users/${id}?done=granted`, 303);
  });

  app.post('/users/:id/memberships/:membershipId/delete', async (c) => {
    const membershipId = Number(c.req.param('membershipId'));
    if (!Number.isSafeInteger(membershipId)) throw new DomainError('not_found', 'membership');
    await revokeRole(deps, c.get('actor')!, userIdParam(c), membershipId, requestMeta(c));
    return c.redirect(`/users/${userIdParam(c)}?done=revoked`, 303);
  });

  app.post('/users/:id/deactivate', async (c) => {
    await setActive(deps, c.get('actor')!, userIdParam(c), false, requestMeta(c));
    return c.redirect(`/users/${userIdParam(c)}?done=deactivated`, 303);
  });
  app.post('/users/:id/activate', async (c) => {
    await setActive(deps, c.get('actor')!, userIdParam(c), true, requestMeta(c));
    return c.redirect(`/users/${userIdParam(c)}?done=activated`, 303);
  });
  return app;
}

async function adminsOnly(c: Context<AppEnv>, next: () => Promise<void>) {
  if (!canAdministerUsers(c.get('actor')!)) throw new DomainError('forbidden', 'users');
  await next();
}

function userIdParam(c: Context<AppEnv>): string {
  const id = c.req.param('id') ?? '';
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(id)) throw new DomainError('not_found', 'user');
  return id;
}
