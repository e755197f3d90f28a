import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../src/db/pool.ts';
import type { BenchPerson } from './bench-people.ts';

// The requests of deadline day, as a browser sends them: an editor's section autosave (entry.js's JSON save), the
// section page, an evidence upload; a supervisor's progress dashboard; a reader's public list. Each resolves once
// the whole body is read, with the status (0 when the connection failed).

export type Versions = Record<string, string>;

/** The two sections editors work in (a second officer of an LAO works in the other one, as colleagues share a
 * form): each one's answers for a value, and the answer that changes with every save (to check none is lost). */
export const benchSections = {
  'F1-S1': { tracked: 'population', answers: (v: number) => ({ population: String(v), households: String(Math.floor(v / 3)), area_km2: '24.5', communities: '12' }) },
  'F1-S2': { tracked: 'staff_total', answers: (v: number) => ({ staff_total: String(v), staff_education: String(Math.floor(v / 2)) }) },
} as const;
export type BenchSection = keyof typeof benchSections;

/** The open ODLOC round and up to `limit` tambon-level LAOs (เทศบาลตำบล, อบต.) still entering data in it. */
export async function deadlineRound(db: Db, limit: number) {
  const round = (await sql<{ id: number }>`select r.id from rounds r join programmes p on p.id = r.programme_id where p.code = 'odloc-minimum-standards' and r.state = 'open'`.execute(db)).rows[0]!;
  const laos = (await sql<{ id: number; code: string }>`select u.id, u.code from round_respondents rr join org_units u on u.id = rr.org_unit_id
    left join submissions s on s.round_id = rr.round_id and s.org_unit_id = u.id
    where rr.round_id = ${round.id} and rr.lao_type in ('subdistrict', 'sao') and (s.id is null or s.state = 'in_progress') order by u.id limit ${limit}`.execute(db)).rows;
  return { roundId: round.id, laos };
}

export function deadlineRequests(origin: string, roundId: number) {
  const csrf = crypto.randomBytes(16).toString('hex');
  const headersFor = (p: BenchPerson) => ({ cookie: `${p.cookie}; mt_csrf=${csrf}`, origin });
  const sectionUrl = (code: string, section: BenchSection) => `${origin}/rounds/${roundId}/submissions/${code}/sections/${section}`;
  const evidenceIndicator = 'ED01'; // an indicator of every LAO type that takes evidence
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n'), Buffer.alloc(100 * 1024, 0x20), Buffer.from('\ntrailer <<>>\n%%EOF\n')]);
  const versionsIn = (html: string): Versions => Object.fromEntries([...html.matchAll(/name="_v__(\w+)" value="(\d+)"/g)].map((m) => [m[1]!, m[2]!]));
  const settle = async (request: Promise<Response>) => {
    try {
      const res = await request;
      await res.arrayBuffer().catch(() => undefined);
      return res.status;
    } catch {
      return 0;
    }
  };
  return {
    /** The section's answers saved as JSON, its tracked answer set to `value`; the answers' new versions on a 200. */
    async autosave(p: BenchPerson, code: string, section: BenchSection, versions: Versions, value: number): Promise<{ status: number; versions?: Versions }> {
      const answers = benchSections[section].answers(value);
      const body = new URLSearchParams({ _csrf: csrf, ...answers });
      for (const k of Object.keys(answers)) {
        body.set(`_v__${k}`, versions[k] ?? '0');
        body.set(`${k}__note`, 'ทดสอบประสิทธิภาพ');
      }
      try {
        const res = await fetch(`${sectionUrl(code, section)}/autosave`, { method: 'POST', body, headers: { ...headersFor(p), accept: 'application/json' } });
        const answer = (await res.json().catch(() => ({}))) as { answerVersions?: Record<string, number> };
        return { status: res.status, versions: answer.answerVersions ? { ...versions, ...Object.fromEntries(Object.entries(answer.answerVersions).map(([k, v]) => [k, String(v)])) } : undefined };
      } catch {
        return { status: 0 };
      }
    },
    /** The section page, and the answer versions its form carries. */
    async openSection(p: BenchPerson, code: string, section: BenchSection = 'F1-S1'): Promise<{ status: number; versions: Versions }> {
      try {
        const res = await fetch(sectionUrl(code, section), { headers: headersFor(p) });
        return { status: res.status, versions: versionsIn(await res.text()) };
      } catch {
        return { status: 0, versions: {} };
      }
    },
    /** A 100 KB PDF as evidence of one indicator (the form's POST; a 303 back to the page is success). */
    upload(p: BenchPerson, code: string): Promise<number> {
      const form = new FormData();
      form.set('_csrf', csrf);
      form.set('indicatorCode', evidenceIndicator);
      form.set('file', new Blob([pdf], { type: 'application/pdf' }), 'หลักฐาน.pdf');
      return settle(fetch(`${origin}/rounds/${roundId}/submissions/${code}/evidence`, { method: 'POST', body: form, headers: headersFor(p), redirect: 'manual' }));
    },
    /** The progress dashboard, as the person's office sees it. */
    progress(p: BenchPerson): Promise<number> {
      return settle(fetch(`${origin}/rounds/${roundId}/progress`, { headers: headersFor(p) }));
    },
    /** The public list of respondents of one province, with no cache in front. */
    publicList(provinceCode: string): Promise<number> {
      return settle(fetch(`${origin}/public/rounds/${roundId}/respondents?province=${provinceCode}`));
    },
  };
}
