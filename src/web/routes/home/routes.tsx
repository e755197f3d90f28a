import { Hono } from 'hono';
import type { Deps } from '../../../deps.ts';
import type { Actor } from '../../../domain/access/actor.ts';
import { canAdministerUsers, canImportRegister, canManageProgrammes, hasRole } from '../../../domain/access/policies.ts';
import { listRecentNotifications, type NotificationRow } from '../../../db/queries/notifications.ts';
import { roleLabels } from '../../../domain/access/roles.ts';
import { orgUnitKindLabels, type OrgUnitKind } from '../../../domain/org/org-unit.ts';
import { formatThaiDate } from '../../../domain/dates/thai-date.ts';
import type { AppEnv } from '../../context.ts';
import { t } from '../../messages/th.ts';
import { renderPage } from '../../render.tsx';
import { openRoundsToFollow, ProgressLinks, type OpenRoundLink } from '../progress/home-links.tsx';
import { openPath } from '../notifications/view.tsx';
import { upcomingWorkshops, WorkshopAnnouncements } from '../workshops/home-announcements.tsx';
import type { WorkshopListItem } from '../../../services/workshops/load-workshop-page.ts';

type Task = { href: string; title: string; body: string };

function tasksFor(actor: Actor): Task[] {
  const tasks: Task[] = [];
  const unit = actor.memberships[0];
  if (hasRole(actor, 'lao_officer', 'lao_executive', 'district_office', 'province_office')) tasks.push({ href: '/tasks', title: 'งานของฉัน', body: 'แบบที่ต้องกรอกและส่ง กำหนดส่ง วันที่เหลือ และผู้รับผิดชอบแต่ละแบบ' });
  if (unit) tasks.push({ href: `/org/${unit.unitKind}/${encodeURIComponent(unit.unitCode)}`, title: 'หน่วยงานของฉัน', body: `ดูข้อมูล ${unit.unitNameTh} และหน่วยงานในความรับผิดชอบ` });
  tasks.push({ href: '/rounds', title: 'รอบการประเมิน', body: 'รอบที่เปิดรับข้อมูล กำหนดส่ง และการขอขยายเวลา' });
  if (canManageProgrammes(actor)) tasks.push({ href: '/admin/frameworks', title: 'กรอบการประเมิน', body: 'นำเข้า ตรวจ และดูกรอบการประเมิน ตัวชี้วัด แบบ และสูตร ของแต่ละโครงการ' });
  if (canAdministerUsers(actor)) tasks.push({ href: '/users', title: 'จัดการผู้ใช้งาน', body: 'เชิญเจ้าหน้าที่ กำหนดบทบาท และระงับบัญชีภายในหน่วยงานของท่าน' });
  if (canImportRegister(actor)) tasks.push({ href: '/admin/register', title: 'ทะเบียน อปท.', body: 'นำเข้าทะเบียนองค์กรปกครองส่วนท้องถิ่นประจำปีจากไฟล์ CSV หรือ XLSX' });
  tasks.push({ href: '/account', title: 'บัญชีของฉัน', body: 'เปลี่ยนรหัสผ่าน ตั้งค่าการยืนยันตัวตนสองขั้นตอน และสร้างโทเค็น API' });
  return tasks;
}

function Notifications(props: { items: NotificationRow[] }) {
  if (!props.items.length) return null;
  return (
    <section aria-labelledby="notifications-heading">
      <h2 id="notifications-heading">การแจ้งเตือนล่าสุด</h2>
      <ul class="notifications">
        {props.items.map((n) => (
          <li>
            {n.readAt ? null : <><strong class="tag tag-unread">ยังไม่ได้อ่าน</strong>{' '}</>}
            <strong>{n.link ? <a href={openPath(n.id)}>{n.title}</a> : n.title}</strong>
            <br />
            {n.body} <span class="muted">({formatThaiDate(n.createdAt, { short: true, withTime: true })})</span>
          </li>
        ))}
      </ul>
      <p><a href="/notifications">ดูการแจ้งเตือนทั้งหมด</a></p>
    </section>
  );
}

function HomeSignedIn(props: { actor: Actor; today: Date; notifications: NotificationRow[]; following: OpenRoundLink[]; workshops: WorkshopListItem[] }) {
  const { actor } = props;
  return (
    <>
      <p class="muted">{formatThaiDate(props.today)}</p>
      <h1>สวัสดี {actor.name}</h1>
      <Notifications items={props.notifications} />
      <WorkshopAnnouncements items={props.workshops} now={props.today} />
      <ProgressLinks rounds={props.following} />
      <h2>บทบาทและหน่วยงานของท่าน</h2>
      {actor.memberships.length === 0 ? (
        <p>บัญชีนี้ยังไม่มีบทบาทในหน่วยงานใด ติดต่อผู้ดูแลของหน่วยงานท่านเพื่อกำหนดสิทธิ์</p>
      ) : (
        <dl class="summary-list">
          {actor.memberships.map((m) => (
            <>
              <dt>{roleLabels[m.role]}</dt>
              <dd>
                {m.unitNameTh} <span class="muted">({orgUnitKindLabels[m.unitKind as OrgUnitKind] ?? m.unitKind} รหัส {m.unitCode})</span>
              </dd>
            </>
          ))}
        </dl>
      )}
      <h2>สิ่งที่ท่านทำได้</h2>
      <ul class="cards">
        {tasksFor(actor).map((task) => (
          <li class="card">
            <h3>
              <a href={task.href}>{task.title}</a>
            </h3>
            <p>{task.body}</p>
          </li>
        ))}
      </ul>
    </>
  );
}

function Welcome() {
  return (
    <>
      <h1>{t('app.tagline')}</h1>
      <p class="lead">ระบบกลางสำหรับองค์กรปกครองส่วนท้องถิ่นทั่วประเทศ สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดและอำเภอ กรมส่งเสริมการปกครองท้องถิ่น และสำนักงาน ก.ก.ถ. ในการบันทึกข้อมูล ติดตาม และเผยแพร่ผลการประเมินมาตรฐานการจัดบริการสาธารณะ</p>
      <p>
        <a class="button" href="/sign-in">{t('nav.signIn')}</a>
      </p>
      <p>
        <a href="/public/rounds">รายชื่อหน่วยงานที่ส่งข้อมูลแล้วในแต่ละรอบการประเมิน</a> — เปิดดูได้โดยไม่ต้องเข้าสู่ระบบ
      </p>
      <h2>ใครใช้ระบบนี้</h2>
      <ul>
        <li>เจ้าหน้าที่และผู้บริหาร อปท. — บันทึกข้อมูล แนบหลักฐาน และส่งผลการประเมิน</li>
        <li>สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอและจังหวัด — ติดตาม ตรวจสอบ และรายงาน</li>
        <li>สำนักงาน ก.ก.ถ. และกรมส่งเสริมการปกครองท้องถิ่น — กำหนดกรอบการประเมิน เปิดรอบ และวิเคราะห์ผลทั้งประเทศ</li>
      </ul>
    </>
  );
}

export function homeRoutes(deps: Pick<Deps, 'clock' | 'db'>) {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const actor = c.get('actor');
    if (!actor) return renderPage(c, t('app.name'), <Welcome />);
    const [notifications, following, workshops] = await Promise.all([listRecentNotifications(deps.db, actor.userId), openRoundsToFollow(deps, actor), upcomingWorkshops(deps, actor)]);
    return renderPage(c, t('nav.home'), <HomeSignedIn actor={actor} today={deps.clock.now()} notifications={notifications} following={following} workshops={workshops} />);
  });
  return app;
}
