import { Hono } from 'hono';
import type { Deps } from '../../../deps.ts';
import { canViewOrgUnit, reachPaths } from '../../../domain/access/policies.ts';
import { DomainError } from '../../../domain/errors.ts';
import { laoTypeLabels, type LaoType } from '../../../domain/org/lao-type.ts';
import { orgUnitKinds, orgUnitKindLabels, type OrgUnit, type OrgUnitKind } from '../../../domain/org/org-unit.ts';
import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import { countLaosByType, findOrgUnitByCode, listAncestors, listChildren } from '../../../db/queries/org-units.ts';
import type { AppEnv } from '../../context.ts';
import { requireActor } from '../../middleware/session.ts';
import { renderPage } from '../../render.tsx';

const unitHref = (u: Pick<OrgUnit, 'kind' | 'code'>) => `/org/${u.kind}/${encodeURIComponent(u.code)}`;

function OrgUnitView(props: { unit: OrgUnit; ancestors: OrgUnit[]; children: OrgUnit[]; laoCounts: { laoType: string; count: number }[] }) {
  const { unit } = props;
  const total = props.laoCounts.reduce((s, r) => s + r.count, 0);
  return (
    <>
      <nav class="breadcrumbs" aria-label="เส้นทาง">
        <ol>
          {props.ancestors.filter((a) => a.id !== unit.id).map((a) => <li><a href={unitHref(a)}>{a.nameTh}</a></li>)}
          <li aria-current="page">{unit.nameTh}</li>
        </ol>
      </nav>
      <h1>{unit.nameTh}</h1>
      {unit.generated ? <p class="notice notice-warning">ข้อมูลนี้มาจากทะเบียนที่ระบบสร้างขึ้นเพื่อการสาธิตและทดสอบ ไม่ใช่ทะเบียนจริงของกรมส่งเสริมการปกครองท้องถิ่น</p> : null}
      <dl class="summary-list">
        <dt>ประเภท</dt><dd>{unit.laoType ? laoTypeLabels[unit.laoType].full : orgUnitKindLabels[unit.kind]}</dd>
        <dt>รหัส</dt><dd>{unit.code}</dd>
        {unit.nameEn ? <><dt>ชื่อภาษาอังกฤษ</dt><dd lang="en">{unit.nameEn}</dd></> : null}
        {unit.validTo ? <><dt>สิ้นสภาพ</dt><dd>{formatThaiDate(unit.validTo)}</dd></> : null}
      </dl>
      {total > 0 ? (
        <>
          <h2>องค์กรปกครองส่วนท้องถิ่นในพื้นที่</h2>
          <table>
            <caption class="visually-hidden">จำนวน อปท. แยกตามประเภท</caption>
            <thead><tr><th scope="col">ประเภท</th><th scope="col" class="num">จำนวน</th></tr></thead>
            <tbody>
              {props.laoCounts.map((r) => <tr><td>{laoTypeLabels[r.laoType as LaoType]?.full ?? r.laoType}</td><td class="num">{r.count.toLocaleString('th-TH')}</td></tr>)}
              <tr><th scope="row">รวม</th><td class="num"><strong>{total.toLocaleString('th-TH')}</strong></td></tr>
            </tbody>
          </table>
        </>
      ) : null}
      {props.children.length > 0 ? (
        <>
          <h2>หน่วยงานในสังกัด</h2>
          <div class="table-scroll">
            <table>
              <caption class="visually-hidden">หน่วยงานในสังกัด</caption>
              <thead><tr><th scope="col">ชื่อ</th><th scope="col">ประเภท</th><th scope="col">รหัส</th></tr></thead>
              <tbody>
                {props.children.map((ch) => (
                  <tr>
                    <td><a href={unitHref(ch)}>{ch.nameTh}</a></td>
                    <td>{ch.laoType ? laoTypeLabels[ch.laoType].short : orgUnitKindLabels[ch.kind]}</td>
                    <td>{ch.code}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}

export function orgRoutes(deps: Pick<Deps, 'db'>) {
  const app = new Hono<AppEnv>();
  app.use('/org', requireActor);
  app.use('/org/*', requireActor);

  // Start at the widest unit the actor reaches.
  app.get('/org', async (c) => {
    const actor = c.get('actor')!;
    const top = reachPaths(actor)[0];
    const m = actor.memberships.find((x) => x.unitPath === top);
    if (!m) throw new DomainError('forbidden', 'org');
    return c.redirect(`/org/${m.unitKind}/${encodeURIComponent(m.unitCode)}`, 303);
  });

  app.get('/org/:kind/:code', async (c) => {
    const kind = c.req.param('kind');
    const code = c.req.param('code');
    if (!(orgUnitKinds as readonly string[]).includes(kind) || code.length > 32) throw new DomainError('not_found', 'org_unit');
    const unit = await findOrgUnitByCode(deps.db, kind as OrgUnitKind, code);
    if (!unit) throw new DomainError('not_found', 'org_unit');
    if (!canViewOrgUnit(c.get('actor')!, unit)) throw new DomainError('forbidden', 'org_unit');
    const [ancestors, children, laoCounts] = await Promise.all([
      listAncestors(deps.db, unit),
      listChildren(deps.db, unit.id, { limit: 2000 }),
      unit.kind === 'lao' ? Promise.resolve([]) : countLaosByType(deps.db, unit.path),
    ]);
    return renderPage(c, unit.nameTh, <OrgUnitView unit={unit} ancestors={ancestors} children={children} laoCounts={laoCounts} />);
  });
  return app;
}
