import { sql } from 'kysely';
import type { Db } from '../../src/db/pool.ts';
import type { Report } from './report.ts';
import type { AckedSave } from './save-load.ts';

// What the database must hold after any fault, read directly with SQL: every acknowledged save and send is there,
// and nothing is half done (a save without its audit rows or results, a sent state without its snapshot).

type Row = { code: string; id: number; state: string; version: number; submittedAt: Date | null };

export async function verifyAfterFault(db: Db, report: Report, input: { roundId: number; acked: AckedSave[]; sentCodes: string[] }): Promise<void> {
  const subs = (await sql<Row>`select u.code, s.id, s.state, s.version, s.submitted_at as "submittedAt" from submissions s join org_units u on u.id = s.org_unit_id
    where s.round_id = ${input.roundId}`.execute(db)).rows;
  const byCode = new Map(subs.map((s) => [s.code, s]));
  const ids = subs.map((s) => s.id);
  if (ids.length === 0) {
    report.check('the drill wrote something', false, 'no submissions at all');
    return;
  }
  const audits = (await sql<{ sid: number; field: string; value: unknown; requestId: string | null; id: number }>`select entity_id::int as sid,
    new_value->>'field' as field, new_value->'value' as value, request_id as "requestId", id from audit_events
    where action = 'submission.value' and entity_type = 'submission' and entity_id = any(${sql.val(ids.map(String))}) order by id`.execute(db)).rows;

  // 1. Every acknowledged save is there (its value, under its submission, in the audit trail).
  const written = new Set(audits.filter((a) => a.field === 'budget_total').map((a) => `${a.sid}:${Number(a.value)}`));
  const missing = input.acked.filter((a) => !written.has(`${byCode.get(a.code)?.id}:${a.value}`));
  report.check('every acknowledged save is in the database', missing.length === 0, `${input.acked.length} acknowledged, ${missing.length} missing${missing.length ? `: ${JSON.stringify(missing.slice(0, 3))}` : ''}`);

  // 2. No lost update: each acknowledged save got a version of its own.
  const versions = new Map<string, number[]>();
  for (const a of input.acked) versions.set(a.code, [...(versions.get(a.code) ?? []), a.version]);
  const shared = [...versions].filter(([, v]) => new Set(v).size !== v.length).map(([code]) => code);
  report.check('no two acknowledged saves of one submission share a version', shared.length === 0, shared.length ? `shared in ${shared.join(', ')}` : `${versions.size} submissions`);

  // 3. A save is all or nothing: each answer's version equals its audit rows, its value the last of them; the
  //    submission's version counts every committed save (one request id each) and every send.
  const values = (await sql<{ sid: number; field: string; value: unknown; version: number }>`select submission_id as sid, field_key as field, value, version
    from submission_values where submission_id = any(${sql.val(ids)})`.execute(db)).rows;
  const disagree: string[] = [];
  for (const v of values) {
    const trail = audits.filter((a) => a.sid === v.sid && a.field === v.field);
    if (trail.length !== v.version || JSON.stringify(trail.at(-1)?.value) !== JSON.stringify(v.value)) disagree.push(`${v.sid}/${v.field}: version ${v.version}, ${trail.length} audit rows`);
  }
  report.check('every answer agrees with its audit trail (value and version)', disagree.length === 0, disagree.length ? disagree.slice(0, 3).join('; ') : `${values.length} answers`);
  const snapshots = (await sql<{ sid: number; n: number; values: Record<string, unknown> }>`select submission_id as sid, count(*) over (partition by submission_id)::int as n, values
    from submission_snapshots where submission_id = any(${sql.val(ids)}) order by seq desc`.execute(db)).rows;
  const sends = (await sql<{ sid: number; n: number }>`select entity_id::int as sid, count(*)::int as n from audit_events where action = 'submission.submit'
    and entity_id = any(${sql.val(ids.map(String))}) group by entity_id`.execute(db)).rows;
  const sendCount = new Map(sends.map((s) => [s.sid, s.n]));
  const badVersion = subs.filter((s) => {
    const saves = new Set(audits.filter((a) => a.sid === s.id).map((a) => a.requestId)).size;
    return s.version !== saves + (sendCount.get(s.id) ?? 0);
  });
  report.check("each submission's version counts its committed saves and sends", badVersion.length === 0, badVersion.length ? badVersion.map((s) => `${s.code} v${s.version}`).join(', ') : `${subs.length} submissions`);
  const maxAcked = [...versions].filter(([code, v]) => (byCode.get(code)?.version ?? 0) < Math.max(...v)).map(([c]) => c);
  report.check('no submission is behind an acknowledged version', maxAcked.length === 0, maxAcked.join(', '));

  // 4. Results are rewritten in the save's transaction: the indicator's denominator is the stored budget_total.
  const results = (await sql<{ sid: number; denominator: number | null }>`select submission_id as sid, denominator from results
    where indicator_code = 'A3-01' and submission_id = any(${sql.val(ids)})`.execute(db)).rows;
  const total = new Map(values.filter((v) => v.field === 'budget_total').map((v) => [v.sid, Number(v.value)]));
  const stale = [...total].filter(([sid, t]) => results.find((r) => r.sid === sid)?.denominator !== t);
  report.check('results match the stored answers', stale.length === 0, stale.length ? `stale for submissions ${stale.map(([s]) => s).join(', ')}` : `${total.size} submissions`);

  // 5. Sends: acknowledged ones are sent with their snapshot; none is half done.
  const latestSnapshot = new Map<number, { n: number; values: Record<string, unknown> }>();
  for (const s of snapshots) if (!latestSnapshot.has(s.sid)) latestSnapshot.set(s.sid, s);
  const notSent = input.sentCodes.filter((code) => {
    const s = byCode.get(code);
    const snap = s && latestSnapshot.get(s.id);
    return !s || s.state !== 'submitted' || !snap || Number(snap.values.budget_total) !== total.get(s.id);
  });
  report.check('every acknowledged send is sent, its snapshot holding the stored answers', notSent.length === 0, `${input.sentCodes.length} acknowledged${notSent.length ? `, not so: ${notSent.join(', ')}` : ''}`);
  const half = subs.filter((s) => {
    const sent = s.state === 'submitted' || s.state === 'accepted';
    const snaps = latestSnapshot.get(s.id)?.n ?? 0;
    return sent ? !s.submittedAt || snaps === 0 || (sendCount.get(s.id) ?? 0) !== snaps : snaps > 0 || (sendCount.get(s.id) ?? 0) > 0;
  });
  const claimed = (await sql<{ n: number }>`select count(*)::int as n from idempotency_keys where status = 0`.execute(db)).rows[0]!.n;
  report.check('nothing half done: sent ⇔ snapshot + sent time + one audit row per send; no key left claimed', half.length === 0 && claimed === 0,
    `${subs.filter((s) => s.state === 'submitted').length} sent, ${half.length} half done, ${claimed} keys claimed without an answer`);
}
