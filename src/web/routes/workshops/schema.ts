import type { WorkshopValues } from '../../../db/queries/workshops.ts';
import { laoTypes, type LaoType } from '../../../domain/org/lao-type.ts';
import { parseOnlineUrl, workshopLimits } from '../../../domain/workshops/workshop-input.ts';
import type { Context } from 'hono';
import { dateTimeValues, many, one, parseDateTime, type RawForm } from '../rounds/schema.ts';

// The workshop form at the edge. People type the day in Buddhist Era (วว/ดด/ปปปป) with a start and an end time, in
// Asia/Bangkok; registration closes at a date and time (its minute counts to its last second). Every problem comes
// back with a Thai message under its field, the typed values kept.

/** The posted form with repeated keys as lists. Values are cut at 10,000 characters, not at the 2,000 of the round
 * forms: a description longer than its limit must be refused with a message, never silently shortened. */
export async function readWorkshopForm(c: Context): Promise<RawForm> {
  const type = c.req.header('content-type') ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded') && !type.startsWith('multipart/form-data')) return {};
  const body = await c.req.parseBody({ all: true }).catch(() => ({}) as Record<string, unknown>);
  const out: RawForm = {};
  for (const [k, v] of Object.entries(body)) {
    const strings = (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string').map((x) => x.slice(0, 10_000));
    if (strings.length) out[k] = strings.length === 1 && !Array.isArray(v) ? strings[0]! : strings;
  }
  return out;
}

export type WorkshopForm = { ok: true; value: Omit<WorkshopValues, 'programmeId'> & { programmeId: number } } | { ok: false; errors: Record<string, string> };

const arabicDigits = (s: string) => s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
const text = (raw: RawForm, name: string) => one(raw[name]).normalize('NFC').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
const chars = (s: string) => [...s].length;

export function parseWorkshopForm(raw: RawForm): WorkshopForm {
  const errors: Record<string, string> = {};
  const programmeId = one(raw.programmeId);
  if (!/^\d{1,9}$/.test(programmeId)) errors.programmeId = 'เลือกโครงการที่จัดการอบรม';

  const title = text(raw, 'title').replace(/\s+/g, ' ');
  if (!title) errors.title = 'กรอกชื่อการอบรม เช่น ประชุมเชิงปฏิบัติการชี้แจงแนวทางการประเมินมาตรฐานขั้นต่ำ ประจำปี พ.ศ. 2569';
  else if (chars(title) > workshopLimits.titleChars) errors.title = `ชื่อการอบรมยาวได้ไม่เกิน ${workshopLimits.titleChars} ตัวอักษร`;

  const start = parseDateTime(one(raw.date), one(raw.startTime) || ' ', 'start', 'วันที่อบรม');
  const end = parseDateTime(one(raw.date), one(raw.endTime) || ' ', 'start', 'วันที่อบรม');
  if (!one(raw.date).trim() || (!start.ok && !/เวลา/.test(start.message))) errors.date = start.ok ? 'กรอกวันที่อบรม เช่น 18/04/2569' : start.message;
  else {
    if (!one(raw.startTime).trim()) errors.startTime = 'กรอกเวลาเริ่ม เช่น 09:00';
    else if (!start.ok) errors.startTime = 'กรอกเวลาเริ่มเป็น ชช:นน แบบ 24 ชั่วโมง เช่น 09:00';
    if (!one(raw.endTime).trim()) errors.endTime = 'กรอกเวลาสิ้นสุด เช่น 16:30';
    else if (!end.ok) errors.endTime = 'กรอกเวลาสิ้นสุดเป็น ชช:นน แบบ 24 ชั่วโมง เช่น 16:30';
  }

  const urlText = text(raw, 'onlineUrl');
  let onlineUrl: string | null = null;
  if (urlText) {
    const u = parseOnlineUrl(urlText);
    if (u.ok) onlineUrl = u.value;
    else errors.onlineUrl = u.message;
  }
  const place = text(raw, 'place').replace(/\s+/g, ' ');
  if (chars(place) > workshopLimits.placeChars) errors.place = `สถานที่ยาวได้ไม่เกิน ${workshopLimits.placeChars} ตัวอักษร`;
  if (!urlText && !place) errors.onlineUrl = 'กรอกลิงก์เข้าร่วมออนไลน์ หรือสถานที่จัด อย่างน้อยหนึ่งอย่าง';

  const types = many(raw.laoTypes);
  if (types.some((t) => !(laoTypes as readonly string[]).includes(t))) errors.laoTypes = 'เลือกประเภท อปท. จากรายการ';
  const provinces = [...new Set(many(raw.provinceCodes))];
  if (provinces.some((p) => !/^\d{2}$/.test(p)) || provinces.length > 77) errors.provinceCodes = 'เลือกจังหวัดจากรายการ';

  const closes = parseDateTime(one(raw.registrationClosesDate), one(raw.registrationClosesTime), 'deadline', 'วันปิดรับลงทะเบียน');
  if (!closes.ok) errors.registrationCloses = closes.message;

  const maxText = arabicDigits(text(raw, 'maxAttendeesPerLao')).replace(/,/g, '');
  let maxAttendeesPerLao: number | null = null;
  if (maxText) {
    const n = Number(maxText);
    if (!/^\d{1,3}$/.test(maxText) || n < 1 || n > workshopLimits.maxAttendeesPerLao) errors.maxAttendeesPerLao = `กรอกจำนวนเต็ม 1–${workshopLimits.maxAttendeesPerLao} หรือเว้นว่างถ้าไม่จำกัด`;
    else maxAttendeesPerLao = n;
  }
  const description = text(raw, 'description').replace(/\r\n/g, '\n');
  if (chars(description) > workshopLimits.descriptionChars) errors.description = `รายละเอียดยาวได้ไม่เกิน ${workshopLimits.descriptionChars.toLocaleString('th-TH')} ตัวอักษร`;

  if (Object.keys(errors).length || !start.ok || !end.ok || !closes.ok) return { ok: false, errors };
  return {
    ok: true,
    value: {
      programmeId: Number(programmeId), title, startsAt: start.at, endsAt: end.at, onlineUrl, place: place || null,
      laoTypes: types.length ? [...new Set(types)].sort() as LaoType[] : null, provinceCodes: provinces.length ? provinces.sort() : null,
      registrationClosesAt: closes.at, maxAttendeesPerLao, description,
    },
  };
}

/** A stored workshop as the form's values (for the edit page). */
export function workshopFormValues(w: WorkshopValues): RawForm {
  const start = dateTimeValues(w.startsAt);
  const closes = dateTimeValues(w.registrationClosesAt);
  return {
    programmeId: String(w.programmeId), title: w.title, date: start.date, startTime: start.time, endTime: dateTimeValues(w.endsAt).time,
    onlineUrl: w.onlineUrl ?? '', place: w.place ?? '', laoTypes: w.laoTypes ?? [], provinceCodes: w.provinceCodes ?? [],
    registrationClosesDate: closes.date, registrationClosesTime: closes.time, maxAttendeesPerLao: w.maxAttendeesPerLao ? String(w.maxAttendeesPerLao) : '',
    description: w.description,
  };
}

/** The attendee form's four values as typed (nothing else from the body reaches the service). */
export const attendeeRaw = (raw: RawForm) => ({ name: one(raw.name), position: one(raw.position), phone: one(raw.phone), email: one(raw.email) });
