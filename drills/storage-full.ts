import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadActor } from '../src/services/access/load-actor.ts';
import { uploadEvidence } from '../src/services/evidence/upload-evidence.ts';
import { saveValues } from '../src/services/submissions/save-values.ts';
import { freePort } from '../test/support/cluster.ts';
import { startAppWhile, type AppProcess } from './support/app-process.ts';
import { HttpBrowser } from './support/browser.ts';
import { startDrillCluster } from './support/cluster.ts';
import type { Report } from './support/report.ts';
import { openDeps, seedDrillWorld } from './support/world.ts';

// Evidence storage full: the evidence folder is a real 1 MB filesystem (tmpfs) already holding an earlier file, and
// an officer uploads a larger one through the section page. The write fails part-way with ENOSPC, as on a full disk.
// The officer must get a Thai message at the file field (not an error page), and nothing may be half stored: no
// evidence row without its file, no file without its row, no temp file left; earlier evidence and answers intact;
// and once the failed upload is gone, a file that fits is taken. Where mounting is not permitted (not root), the
// same failure is made at the storage boundary instead (FAILPOINTS=storage.enospc writes half, then fails);
// DRILL_STORAGE=failpoint chooses that way on purpose.

export const description = 'evidence storage full during an upload: a Thai message at the file field, nothing half stored, earlier data intact';

const sizeLimit = 1024 * 1024;
const pdf = (bytes: number) => Buffer.concat([Buffer.from('%PDF-1.4\n'), crypto.randomBytes(bytes), Buffer.from('\n%%EOF\n')]);
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

export async function run(report: Report): Promise<void> {
  report.step('starting a throw-away PostgreSQL');
  const cluster = await startDrillCluster('storage-full');
  const dataDir = path.join(cluster.tmp, 'data');
  const evidenceDir = path.join(dataDir, 'evidence');
  fs.mkdirSync(evidenceDir, { recursive: true });
  // DRILL_STORAGE=failpoint takes the fallback on purpose (to try it where mounting would work).
  const mount = process.env.DRILL_STORAGE === 'failpoint'
    ? { status: 1, stderr: 'DRILL_STORAGE=failpoint', error: undefined }
    : spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeLimit},mode=0755`, 'tmpfs', evidenceDir], { encoding: 'utf8' });
  const realFs = mount.status === 0;
  report.step(realFs
    ? `evidence folder is a real ${sizeLimit / 1024} KB tmpfs: ${evidenceDir}`
    : `mounting a small filesystem is not permitted here (${(mount.stderr || mount.error?.message || '').trim()}): using FAILPOINTS=storage.enospc at the storage boundary`);
  const { deps, close } = openDeps(cluster.url, dataDir);
  let app: AppProcess | undefined;
  try {
    report.step('starting the app while seeding the earlier answers and a 300 KB evidence file');
    const earlierBytes = pdf(300 * 1024);
    const seed = async () => {
      const world = await seedDrillWorld(deps, { laos: 1, officers: 1 });
      const lao = world.laos[0]!;
      const officer = (await loadActor(deps.db, lao.officer!.userId))!;
      const meta = { actorUserId: officer.userId, ip: null, requestId: 'drill-earlier' };
      const saved = await saveValues(deps, officer, { roundId: world.roundId, orgUnitCode: lao.code, values: { budget_total: '5000000', budget_env: '400000', has_plan: 'yes' }, baseVersion: 0 }, meta);
      const earlier = await uploadEvidence(deps, officer, { roundId: world.roundId, orgUnitCode: lao.code, indicatorCode: 'A3-01', fileName: 'ข้อบัญญัติงบประมาณ.pdf', bytes: earlierBytes }, meta);
      if (!saved.ok || !earlier.ok) throw new Error(`could not seed the earlier answers and evidence: ${JSON.stringify({ saved, earlier })}`);
      return { world, lao, earlier };
    };
    let seeded;
    [app, seeded] = await startAppWhile({ port: await freePort(), databaseUrl: cluster.url, dataDir, env: realFs ? {} : { FAILPOINTS: 'storage.enospc' } }, seed());
    const { world, lao, earlier } = seeded;
    const snapshot = async () => ({
      values: await deps.db.selectFrom('submission_values').select(['field_key', 'value', 'version']).orderBy('field_key').execute(),
      version: (await deps.db.selectFrom('submissions').select('version').executeTakeFirstOrThrow()).version,
    });
    const before = await snapshot();

    const browser = new HttpBrowser(app.url);
    report.check('the officer signs in', await browser.signIn(app.url, lao.officer!.username, lao.officer!.password));
    const sectionPath = `/rounds/${world.roundId}/submissions/${lao.code}/sections/F1-S1`;
    const upload = async (bytes: Buffer, fileName: string) => {
      const form = new FormData();
      form.set('indicatorCode', 'A3-01');
      form.set('back', sectionPath);
      form.set('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), fileName);
      return browser.post(`${app!.url}/rounds/${world.roundId}/submissions/${lao.code}/evidence`, form);
    };

    const big = pdf(realFs ? 1200 * 1024 : 400 * 1024);
    report.step(`uploading a ${Math.round(big.length / 1024)} KB PDF into the full storage`);
    const res = await upload(big, 'รายงานผลโครงการ.pdf');
    await res.arrayBuffer();
    const location = res.headers.get('location') ?? '';
    report.check('the upload is answered with a way back to the page (303), not an error page', res.status === 303 && location.startsWith(sectionPath), `${res.status} → ${location}`);
    report.check('the refusal says why: storage full', location.includes('evidence_error=storage_full'));
    const back = await browser.get(`${app.url}${location}`);
    const html = await back.text();
    const fieldError = /<p class="error-message" id="evidence-indicator-A3-01-error">([^<]+)<\/p>\s*<input type="file"[^>]*aria-invalid="true"/.exec(html);
    report.check('the page shows a Thai message at the file field', back.status === 200 && !!fieldError && /ที่จัดเก็บไฟล์ของระบบเต็ม/.test(fieldError[1]!), fieldError?.[1] ?? `${back.status}, no message at the field`);
    report.check('the earlier file is still listed on the page', html.includes('ข้อบัญญัติงบประมาณ.pdf'));

    const rows = await deps.db.selectFrom('evidence').select(['id', 'storage_key', 'sha256', 'size_bytes']).where('removed_at', 'is', null).execute();
    const files = filesUnder(evidenceDir);
    report.check('no evidence row was written for the failed upload', rows.length === 1 && rows[0]!.id === earlier.evidenceId, `${rows.length} evidence rows`);
    report.check('no temp file or orphan object is left in the storage', files.length === 1 && files[0] === path.join(...rows[0]!.storage_key.split('/').slice(1)), files.join(', '));
    const stored = fs.readFileSync(path.join(dataDir, ...rows[0]!.storage_key.split('/')));
    report.check('the earlier evidence file is intact (SHA-256)', sha(stored) === rows[0]!.sha256 && sha(stored) === sha(earlierBytes));
    const uploads = await deps.db.selectFrom('audit_events').select('id').where('action', '=', 'evidence.upload').execute();
    report.check('the audit trail has only the earlier upload', uploads.length === 1, `${uploads.length} evidence.upload rows`);
    report.check('the answers are as before (values and versions)', JSON.stringify(await snapshot()) === JSON.stringify(before));
    report.check('the operator is told in the log', app.output().includes('evidence storage is full'));

    if (realFs) {
      const small = pdf(100 * 1024);
      report.step('uploading a 100 KB PDF that fits in what is left');
      const ok = await upload(small, 'ภาพถ่ายกิจกรรม.pdf');
      await ok.arrayBuffer();
      const now = await deps.db.selectFrom('evidence').select(['storage_key', 'sha256']).where('removed_at', 'is', null).orderBy('id').execute();
      const file = now[1] && fs.existsSync(path.join(dataDir, ...now[1].storage_key.split('/'))) ? fs.readFileSync(path.join(dataDir, ...now[1].storage_key.split('/'))) : null;
      report.check('a file that fits is taken afterwards (the failed one took no room)', (ok.headers.get('location') ?? '').includes('evidence_done=uploaded') && now.length === 2 && !!file && sha(file) === sha(small),
        `${ok.status} → ${ok.headers.get('location')}`);
    } else {
      report.step('(with the failpoint every upload fails: the "a file that fits is taken afterwards" step needs the real filesystem)');
    }
    report.check('the app process stayed up', app.alive(), `pid ${app.pid}`);
    await app.stop();
    app = undefined;
  } finally {
    await app?.kill9();
    await close();
    if (realFs) spawnSync('umount', [evidenceDir]);
    await cluster.close();
  }
}
