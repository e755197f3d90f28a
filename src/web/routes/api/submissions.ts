import { Hono } from 'hono';
import type { Deps } from '../../../deps.ts';
import { resolveText } from '../../../domain/framework/framework-view.ts';
import { scoreSubmission } from '../../../domain/results/score-indicator.ts';
import { listAnswerSlots } from '../../../services/submissions/answer-slots.ts';
import { loadSubmissionContext } from '../../../services/submissions/load-submission.ts';
import { saveValues } from '../../../services/submissions/save-values.ts';
import { submitSubmission } from '../../../services/submissions/submit-submission.ts';
import type { AppEnv } from '../../context.ts';
import { t } from '../../messages/th.ts';
import { requestMeta } from '../../request-meta.ts';
import { badJson, BadJson, orgUnitCodeParam, readJson, roundIdParam } from './support.ts';

// One respondent's submission through the API: read it, change answers by key (all or nothing, with the
// submission's version), send it (idempotent by key). The same services as the web pages.

const base = '/rounds/:roundId/submissions/:orgUnitCode';
const maxKeys = 5000;

type Patch = { version: number; values: Record<string, string | null>; notes: Record<string, string> };

/** The PATCH body's shape, with a Thai message per problem; JSON scalars become the text a person would type. */
export function parsePatch(body: unknown): { ok: true; patch: Patch } | { ok: false; fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, fields: { body: 'ส่งเป็นออบเจกต์ JSON เช่น {"version": 3, "values": {"population": 5230}}' } };
  const b = body as Record<string, unknown>;
  for (const k of Object.keys(b)) if (!['version', 'values', 'notes'].includes(k)) fields[k] = 'ไม่รู้จักช่องนี้ ใช้ได้เฉพาะ version, values และ notes';
  if (typeof b.version !== 'number' || !Number.isSafeInteger(b.version) || b.version < 0) fields.version = 'ระบุ version เป็นจำนวนเต็มตามที่อ่านได้จาก GET ของการส่งข้อมูลนี้';
  const values: Record<string, string | null> = {};
  const notes: Record<string, string> = {};
  if (typeof b.values !== 'object' || b.values === null || Array.isArray(b.values)) fields.values = 'ระบุ values เป็นออบเจกต์ { "ชื่อช่อง": ค่า }';
  else {
    const entries = Object.entries(b.values as Record<string, unknown>);
    if (entries.length === 0) fields.values = 'ระบุค่าอย่างน้อยหนึ่งช่อง';
    if (entries.length > maxKeys) fields.values = `ส่งได้ครั้งละไม่เกิน ${maxKeys.toLocaleString('th-TH')} ช่อง`;
    for (const [key, v] of entries.slice(0, maxKeys)) {
      if (v === null) values[key] = null;
      else if (typeof v === 'number') values[key] = String(v);
      else if (typeof v === 'boolean') values[key] = v ? 'yes' : 'no';
      else if (typeof v === 'string') values[key] = v;
      else fields[key] = 'ค่าต้องเป็นตัวเลข ข้อความ true/false หรือ null (ไม่รับอาร์เรย์หรือออบเจกต์)';
    }
  }
  if (b.notes !== undefined) {
    if (typeof b.notes !== 'object' || b.notes === null || Array.isArray(b.notes)) fields.notes = 'ระบุ notes เป็นออบเจกต์ { "ชื่อช่อง": "คำอธิบาย" }';
    else for (const [key, v] of Object.entries(b.notes as Record<string, unknown>).slice(0, maxKeys)) {
      if (typeof v === 'string' && v.length <= 1000) notes[key] = v;
      else fields[`notes.${key}`] = 'คำอธิบายต้องเป็นข้อความไม่เกิน 1,000 ตัวอักษร';
    }
  }
  if (Object.keys(fields).length) return { ok: false, fields };
  return { ok: true, patch: { version: b.version as number, values, notes } };
}

export function submissionApiRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.get(base, async (c) => {
    const ctx = await loadSubmissionContext(deps, c.get('actor')!, { roundId: roundIdParam(c), orgUnitCode: orgUnitCodeParam(c) });
    const { doc } = ctx.version;
    const sections: { code: string; formCode: string; title: string; fields: Record<string, unknown>[] }[] = [];
    for (const slot of listAnswerSlots(doc, ctx.audience)) {
      let section = sections.at(-1);
      if (section?.code !== slot.section.code) sections.push((section = { code: slot.section.code, formCode: slot.form.code, title: resolveText(slot.section.title, ctx.audience, doc), fields: [] }));
      section.fields.push({
        key: slot.key, label: slot.label, type: slot.field.type, required: slot.required, unit: slot.field.unit ?? null,
        ...(slot.field.choices ? { choices: slot.field.choices.map((ch) => ({ value: ch.value, label: ch.label })) } : {}),
      });
    }
    return c.json({
      status: ctx.state,
      version: ctx.submission?.version ?? 0,
      values: Object.fromEntries(ctx.answers),
      entry: ctx.entry.allowed
        ? { allowed: true, deadline: ctx.entry.deadline.toISOString(), late: ctx.entry.late }
        : { allowed: false, deadline: ctx.entry.deadline.toISOString(), message: ctx.entry.message },
      sections,
      results: scoreSubmission(doc, ctx.audience, ctx.answers).results.map((r) => ({ indicator: r.code, value: r.value, target: r.target?.value ?? null, state: r.state })),
    });
  });

  app.patch(`${base}/values`, async (c) => {
    const roundId = roundIdParam(c);
    const orgUnitCode = orgUnitCodeParam(c);
    let body: unknown;
    try {
      body = await readJson(c);
    } catch (e) {
      if (e instanceof BadJson) return badJson(c);
      throw e;
    }
    const parsed = parsePatch(body);
    if (!parsed.ok) return c.json({ error: 'invalid', message: t('api.invalid'), fields: parsed.fields }, 422);
    const { patch } = parsed;
    const r = await saveValues(deps, c.get('actor')!, { roundId, orgUnitCode, values: patch.values, notes: patch.notes, baseVersion: patch.version }, requestMeta(c));
    if (r.ok) return c.json({ version: r.version, ...(r.warnings.length ? { warnings: r.warnings } : {}) }, 200);
    if (r.reason === 'invalid') return c.json({ error: 'invalid', message: t('api.invalid'), fields: r.errors }, 422);
    if (r.reason === 'conflict') return c.json({ error: 'conflict', message: t('api.conflict'), current: { version: r.currentVersion, values: r.current } }, 409);
    return c.json({ error: 'locked', message: r.message }, 423);
  });

  app.post(`${base}/submit`, async (c) => {
    const roundId = roundIdParam(c);
    const orgUnitCode = orgUnitCodeParam(c);
    const key = c.req.header('idempotency-key') ?? '';
    if (!/^[\x21-\x7e]{1,200}$/.test(key)) return c.json({ error: 'idempotency_key_required', message: t('api.idempotencyKeyRequired') }, 400);
    const r = await submitSubmission(deps, c.get('actor')!, { roundId, orgUnitCode, idempotencyKey: key }, requestMeta(c));
    if (r.ok) return c.json({ status: r.status, submittedAt: r.submittedAt, version: r.version }, 200);
    if (r.reason === 'incomplete') {
      return c.json({
        error: 'incomplete', message: t('api.incomplete'),
        gaps: r.gaps.map((g) => ({
          kind: g.kind, formCode: g.formCode, sectionCode: g.sectionCode, message: g.message,
          ...(g.kind === 'missing_value' ? { key: g.name.replace('__', '|') } : { indicatorCode: g.name.replace(/^evidence-/, '') }),
        })),
      }, 422);
    }
    return c.json({ error: 'locked', message: r.message }, 423);
  });

  return app;
}
