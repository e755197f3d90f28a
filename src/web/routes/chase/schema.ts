import type { Context } from 'hono';
import type { ReminderChannel } from '../../../db/schema.ts';
import { laoTypes } from '../../../domain/org/lao-type.ts';
import { chaseFilterStates, type ChaseFilterState } from '../../../domain/reminders/chase-state.ts';
import { parseDaysBefore, type ReminderSettings } from '../../../domain/reminders/schedule.ts';
import type { ChaseFilter } from '../../../services/reminders/chase-query.ts';
import { callNoteMaxLength } from '../../../services/reminders/record-call-note.ts';
import type { FieldErrors } from '../../components/forms.tsx';

// The chase pages' input: the filter (query string or hidden fields), the send form, a call note, the schedule and
// a template. What cannot be read is either ignored (a stray filter value) or answered at its field in Thai.

export type Raw = Record<string, string[]>;

/** Every value of every field (a send posts many ticked units under one name). */
export async function readForm(c: Context): Promise<Raw> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return {};
  const body = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
  const out: Raw = {};
  for (const [k, v] of Object.entries(body)) out[k] = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string').slice(0, 10_000);
  return out;
}

export const one = (raw: Raw, key: string) => (raw[key]?.[0] ?? '').slice(0, 5000);

export function idParam(raw: string | undefined): number | null {
  return raw && /^\d{1,9}$/.test(raw) && Number(raw) > 0 ? Number(raw) : null;
}

export function parseFilter(get: (key: string) => string | undefined): ChaseFilter {
  const province = get('province') ?? '';
  const district = get('district') ?? '';
  const type = get('type') ?? '';
  const state = get('state') ?? '';
  return {
    provinceCode: /^\d{2}$/.test(province) ? province : undefined,
    // a district belongs to one province: its code starts with the province's
    districtCode: /^\d{4}$/.test(district) && (!/^\d{2}$/.test(province) || district.startsWith(province)) ? district : undefined,
    laoType: (laoTypes as readonly string[]).includes(type) ? type : undefined,
    state: (chaseFilterStates as readonly string[]).includes(state) ? (state as ChaseFilterState) : undefined,
  };
}

export function pageParam(raw: string | undefined): number {
  const n = Number.parseInt(raw ?? '1', 10);
  return Number.isFinite(n) ? Math.max(1, Math.min(1000, n)) : 1;
}

export function filterQuery(f: ChaseFilter, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  if (f.provinceCode) q.set('province', f.provinceCode);
  if (f.districtCode) q.set('district', f.districtCode);
  if (f.laoType) q.set('type', f.laoType);
  if (f.state) q.set('state', f.state);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

export type SendForm = { scope: 'selected' | 'filter'; unitIds: number[]; templateCode: string; channels: ReminderChannel[] };
export type SendFormState = { values: { scope: string; units: string[]; templateCode: string; channels: string[] }; errors: FieldErrors };

export function parseSendForm(raw: Raw, templateCodes: string[]): { ok: true; form: SendForm } | { ok: false; state: SendFormState } {
  const scope = one(raw, 'scope');
  const units = [...new Set(raw.units ?? [])];
  const templateCode = one(raw, 'templateCode');
  const channels = (raw.channels ?? []).filter((c): c is ReminderChannel => c === 'email' || c === 'line');
  const values = { scope, units, templateCode, channels };
  const errors: FieldErrors = {};
  if (scope !== 'selected' && scope !== 'filter') errors.scope = 'เลือกว่าจะส่งถึงหน่วยงานที่เลือก หรือทุกหน่วยงานตามตัวกรอง';
  const unitIds = units.map(idParam);
  if (scope === 'selected' && units.length === 0) errors.units = 'เลือกหน่วยงานอย่างน้อย 1 แห่ง หรือเลือก "ทุกหน่วยงานตามตัวกรอง"';
  else if (scope === 'selected' && unitIds.some((u) => u === null)) errors.units = 'รายการหน่วยงานที่เลือกไม่ถูกต้อง โหลดหน้าใหม่แล้วเลือกอีกครั้ง';
  if (!templateCodes.includes(templateCode)) errors.templateCode = 'เลือกแบบข้อความที่จะส่ง';
  if (Object.keys(errors).length) return { ok: false, state: { values, errors } };
  return { ok: true, form: { scope: scope as 'selected' | 'filter', unitIds: scope === 'selected' ? (unitIds as number[]) : [], templateCode, channels } };
}

export function parseCallNote(raw: Raw): { ok: true; orgUnitId: number; note: string } | { ok: false; orgUnitId: number | null; note: string; error: string } {
  const orgUnitId = idParam(one(raw, 'orgUnitId'));
  const note = one(raw, 'note').trim();
  if (orgUnitId === null) return { ok: false, orgUnitId, note, error: 'ไม่พบหน่วยงานที่จะบันทึก โหลดหน้าใหม่แล้วลองอีกครั้ง' };
  if (!note) return { ok: false, orgUnitId, note, error: 'เขียนสั้น ๆ ว่าคุยกับใคร ได้ความว่าอย่างไร' };
  if (note.length > callNoteMaxLength) return { ok: false, orgUnitId, note, error: `บันทึกยาวได้ไม่เกิน ${callNoteMaxLength} ตัวอักษร (ตอนนี้ ${note.length.toLocaleString('th-TH')})` };
  return { ok: true, orgUnitId, note };
}

export function parseSettings(raw: Raw): { ok: true; settings: ReminderSettings } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const days = parseDaysBefore(one(raw, 'daysBefore'));
  if (!days.ok) errors.daysBefore = days.message;
  const escalateRaw = one(raw, 'escalateAfterDays').trim();
  const escalate = /^\d{1,2}$/.test(escalateRaw) ? Number(escalateRaw) : NaN;
  if (!(escalate >= 1 && escalate <= 60)) errors.escalateAfterDays = 'กรอกจำนวนวันหลังกำหนดส่ง เป็นจำนวนเต็ม 1–60';
  if (!days.ok || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, settings: { enabled: one(raw, 'enabled') === 'yes', daysBefore: days.days, escalateAfterDays: escalate } };
}
