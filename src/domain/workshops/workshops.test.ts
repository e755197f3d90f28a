import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bangkokInstant } from '../dates/bangkok-time.ts';
import { attendeeNameKey, parseAttendee, parsePhone } from './attendee-input.ts';
import { audienceInWords, laoInAudience, registeringLaos, viewerInAudience, type WorkshopViewer } from './workshop-audience.ts';
import { checkWorkshopTimes, parseOnlineUrl } from './workshop-input.ts';
import { orderWorkshops, placesLeft, registrationState } from './workshop-policy.ts';
import { startsIn, workshopWhen } from './workshop-time.ts';

const viewer = (over: Partial<WorkshopViewer> = {}): WorkshopViewer => ({ userId: 'u', owner: false, nation: false, laos: [], officeProvinces: [], ...over });
const lao = { id: 1, code: '6220601', nameTh: 'เทศบาลตำบลเอ', laoType: 'subdistrict' as const, provinceCode: '22' };

test('the audience: LAO types and provinces (null = all); offices of an audience province whatever the types', () => {
  const chanthaburiSao = { laoTypes: ['sao' as const], provinceCodes: ['22'] };
  assert.equal(laoInAudience(chanthaburiSao, lao), false, 'a เทศบาลตำบล is not an อบต.');
  assert.equal(laoInAudience({ laoTypes: null, provinceCodes: ['22'] }, lao), true);
  assert.equal(laoInAudience({ laoTypes: null, provinceCodes: ['20'] }, lao), false);
  assert.equal(viewerInAudience(viewer({ laos: [lao] }), chanthaburiSao), false);
  assert.equal(viewerInAudience(viewer({ officeProvinces: ['22'] }), chanthaburiSao), true, 'the provincial office passes it on');
  assert.equal(viewerInAudience(viewer({ officeProvinces: ['20'] }), chanthaburiSao), false);
  assert.equal(viewerInAudience(viewer({ owner: true }), chanthaburiSao), true);
  assert.equal(viewerInAudience(viewer(), { laoTypes: null, provinceCodes: null }), true, 'everyone');
  assert.deepEqual(registeringLaos(viewer({ laos: [lao], officeProvinces: ['22'] }), { laoTypes: null, provinceCodes: null }).map((l) => l.id), [1]);
  assert.equal(audienceInWords({ laoTypes: ['subdistrict', 'sao'], provinceCodes: ['22'] }, () => 'จันทบุรี'), 'เทศบาลตำบล, องค์การบริหารส่วนตำบล ในจังหวัดจันทบุรี');
  assert.equal(audienceInWords({ laoTypes: null, provinceCodes: null }, (c) => c), 'อปท. ทุกประเภท ทั่วประเทศ');
});

test('an attendee: Thai messages at each field; Thai digits, +66 and extensions read; titles and spaces ignored for duplicates', () => {
  const bad = parseAttendee({ name: '', position: '', phone: '12345', email: 'somjai@' });
  assert.equal(bad.ok, false);
  if (!bad.ok) {
    assert.match(bad.errors.name!, /กรอกชื่อ-นามสกุล/);
    assert.match(bad.errors.position!, /กรอกตำแหน่ง/);
    assert.match(bad.errors.phone!, /9 หรือ 10 หลัก/);
    assert.match(bad.errors.email!, /อีเมลไม่ถูกต้อง/);
  }
  const ok = parseAttendee({ name: '  นางสาวสมใจ   ใจดี ', position: 'นักวิเคราะห์นโยบายและแผน', phone: '๐๘๑ ๒๓๔ ๕๖๗๘', email: ' SomJai@Example.go.th ' });
  assert.ok(ok.ok);
  if (ok.ok) {
    assert.deepEqual(ok.value, { name: 'นางสาวสมใจ ใจดี', position: 'นักวิเคราะห์นโยบายและแผน', phone: '081-234-5678', email: 'somjai@example.go.th' });
    assert.equal(ok.nameKey, attendeeNameKey('สมใจ ใจดี'));
  }
  assert.deepEqual(parsePhone('0 5672 9781 ต่อ 103'), { ok: true, value: '05-672-9781 ต่อ 103' });
  assert.deepEqual(parsePhone('+66 81 234 5678'), { ok: true, value: '081-234-5678' });
  assert.deepEqual(parsePhone('081-234-567'), { ok: false });
  assert.equal(attendeeNameKey('นาย สมชาย  ใจดี'), attendeeNameKey('สมชาย ใจดี'));
  assert.equal(attendeeNameKey('ว่าที่ร.ต. สมชาย ใจดี'), attendeeNameKey('สมชาย ใจดี'));
  const digits = parseAttendee({ name: 'สมชาย 123', position: 'ปลัด', phone: '0812345678' });
  assert.equal(digits.ok, false);
  const titleOnly = parseAttendee({ name: 'นาย', position: 'ปลัด', phone: '0812345678' });
  assert.ok(!titleOnly.ok && /ไม่ใช่เฉพาะคำนำหน้า/.test(titleOnly.errors.name!));
});

test('the online link: https only, a real host, no password in it', () => {
  assert.deepEqual(parseOnlineUrl(' https://odloc.webex.com/meet/abc '), { ok: true, value: 'https://odloc.webex.com/meet/abc' });
  for (const [raw, words] of [['http://odloc.webex.com/x', /https:\/\//], ['javascript:alert(1)', /https:\/\//], ['https://user:pw@example.com/', /รหัสผ่าน/], ['https://localhost/x', /ชื่อเว็บไซต์/], ['webex odloc', /ลิงก์ไม่ถูกต้อง/]] as const) {
    const r = parseOnlineUrl(raw);
    assert.ok(!r.ok && words.test(r.message), raw);
  }
  assert.equal(parseOnlineUrl(`https://example.com/${'a'.repeat(600)}`).ok, false);
});

test('times and registration: the end after the start, closing by the end, to the second; places left; upcoming first', () => {
  const startsAt = bangkokInstant('2025-08-15', '09:00');
  const endsAt = bangkokInstant('2025-08-15', '12:00');
  const closes = bangkokInstant('2025-08-10', '16:30:59');
  assert.deepEqual(checkWorkshopTimes({ startsAt, endsAt, registrationClosesAt: closes }), {});
  assert.deepEqual(Object.keys(checkWorkshopTimes({ startsAt: endsAt, endsAt: startsAt, registrationClosesAt: bangkokInstant('2025-09-01') })).sort(), ['endTime', 'registrationCloses']);
  const w = { registrationClosesAt: closes, endsAt };
  assert.equal(registrationState(w, closes).open, true, 'open through its last second');
  const after = registrationState(w, new Date(closes.getTime() + 1000));
  assert.ok(!after.open && after.reason === 'closed');
  assert.equal(placesLeft({ maxAttendeesPerLao: 2 }, 2), 0);
  assert.equal(placesLeft({ maxAttendeesPerLao: null }, 9), null);
  const now = bangkokInstant('2025-08-01', '10:00');
  const rows = [{ id: 1, startsAt: bangkokInstant('2025-07-01'), endsAt: bangkokInstant('2025-07-02') }, { id: 2, startsAt, endsAt }, { id: 3, startsAt: bangkokInstant('2025-08-05'), endsAt: bangkokInstant('2025-08-06') }];
  assert.deepEqual(orderWorkshops(rows, now).map((r) => r.id), [3, 2, 1]);
  assert.equal(workshopWhen(startsAt, endsAt), 'วันศุกร์ที่ 15 สิงหาคม 2568 เวลา 09.00–12.00 น.');
  assert.equal(startsIn(startsAt, now), 'อีก 14 วัน');
  assert.equal(startsIn(bangkokInstant('2025-08-02', '08:00'), now), 'พรุ่งนี้');
});
