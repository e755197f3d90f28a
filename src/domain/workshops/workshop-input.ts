// Rules of a workshop announcement that need no database: the online link is an https address people can open
// safely (no password in it, no other scheme), the times follow each other, the per-LAO limit is sensible.

export const workshopLimits = { titleChars: 300, placeChars: 500, descriptionChars: 4000, urlChars: 500, maxAttendeesPerLao: 100, documentTitleChars: 200 } as const;

/** The online link (Webex, Zoom, Teams, Facebook Live…): https only, a real host, no user name or password. */
export function parseOnlineUrl(raw: string): { ok: true; value: string } | { ok: false; message: string } {
  const text = raw.trim();
  if (text.length > workshopLimits.urlChars) return { ok: false, message: `ลิงก์ยาวได้ไม่เกิน ${workshopLimits.urlChars.toLocaleString('th-TH')} ตัวอักษร ใช้ลิงก์ย่อของระบบประชุมแทน` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: 'ลิงก์ไม่ถูกต้อง คัดลอกลิงก์ทั้งหมดจากระบบประชุม ขึ้นต้นด้วย https:// เช่น https://odloc.webex.com/meet/…' };
  }
  if (url.protocol !== 'https:') return { ok: false, message: 'ลิงก์ต้องขึ้นต้นด้วย https:// (ลิงก์แบบอื่นไม่ปลอดภัยสำหรับผู้เข้าร่วม)' };
  if (url.username || url.password) return { ok: false, message: 'ลิงก์ต้องไม่มีชื่อผู้ใช้หรือรหัสผ่านอยู่ในลิงก์ แจ้งรหัสเข้าห้องประชุมในรายละเอียดแทน' };
  if (!url.hostname.includes('.') || url.hostname.endsWith('.')) return { ok: false, message: 'ลิงก์ไม่มีชื่อเว็บไซต์ที่ถูกต้อง คัดลอกลิงก์ทั้งหมดจากระบบประชุมอีกครั้ง' };
  return { ok: true, value: url.href };
}

export type WorkshopTimes = { startsAt: Date; endsAt: Date; registrationClosesAt: Date };

/** Problems with the times, by the form's field names: the end after the start, registration closing by the end. */
export function checkWorkshopTimes(t: WorkshopTimes): Partial<Record<'endTime' | 'registrationCloses', string>> {
  const out: Partial<Record<'endTime' | 'registrationCloses', string>> = {};
  if (t.endsAt.getTime() <= t.startsAt.getTime()) out.endTime = 'เวลาสิ้นสุดต้องหลังเวลาเริ่ม';
  if (t.registrationClosesAt.getTime() > t.endsAt.getTime()) out.registrationCloses = 'วันปิดรับลงทะเบียนต้องไม่หลังเวลาสิ้นสุดการอบรม';
  return out;
}
