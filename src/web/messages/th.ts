// Every user-facing string, keyed. Thai comes first; short, names the field, says what to do.
export const th = {
  'app.name': 'มาตรฐาน',
  'app.tagline': 'ระบบประเมินมาตรฐานการจัดบริการสาธารณะขององค์กรปกครองส่วนท้องถิ่น',
  'nav.skip': 'ข้ามไปยังเนื้อหาหลัก',
  'nav.home': 'หน้าหลัก',
  'nav.users': 'ผู้ใช้งาน',
  'nav.org': 'หน่วยงาน',
  'nav.register': 'ทะเบียน อปท.',
  'nav.account': 'บัญชีของฉัน',
  'nav.signIn': 'เข้าสู่ระบบ',
  'nav.signOut': 'ออกจากระบบ',
  'nav.devMail': 'จดหมายทดสอบ',

  'error.summary': 'มีข้อผิดพลาด',
  'error.notFound.title': 'ไม่พบหน้าที่ต้องการ',
  'error.notFound.body': 'ที่อยู่ที่พิมพ์อาจไม่ถูกต้อง หรือหน้านี้ถูกย้ายแล้ว ตรวจสอบที่อยู่อีกครั้ง หรือกลับไปหน้าหลัก',
  'error.forbidden.title': 'ไม่มีสิทธิ์เข้าถึงหน้านี้',
  'error.forbidden.body': 'บัญชีของท่านไม่มีสิทธิ์ในหน่วยงานนี้ หากคิดว่าควรมีสิทธิ์ ติดต่อผู้ดูแลของหน่วยงานท่าน',
  'error.csrf.title': 'ส่งแบบฟอร์มไม่สำเร็จ',
  'error.csrf.body': 'แบบฟอร์มนี้หมดอายุหรือไม่ได้ส่งจากระบบนี้ กลับไปหน้าก่อนหน้า โหลดหน้าใหม่ แล้วส่งอีกครั้ง',
  'error.server.title': 'ขออภัย ระบบขัดข้อง',
  'error.server.body': 'ระบบไม่สามารถทำรายการนี้ได้ในขณะนี้ ข้อมูลที่บันทึกไว้แล้วไม่สูญหาย ลองอีกครั้งในอีกสักครู่ หากยังไม่ได้ แจ้งผู้ดูแลระบบพร้อมเลขอ้างอิงนี้',
  'error.reference': 'เลขอ้างอิง',
  'error.unauthenticated': 'กรุณาเข้าสู่ระบบก่อน',
  'error.tooLarge': 'ข้อมูลที่ส่งมีขนาดใหญ่เกินกำหนด',
  'error.badRequest': 'ข้อมูลที่ส่งมาไม่ถูกต้อง',
  'error.throttled': 'มีการลองเข้าสู่ระบบผิดหลายครั้ง กรุณารอ {minutes} นาทีแล้วลองใหม่ หรือตั้งรหัสผ่านใหม่ทางอีเมล',

  'signIn.title': 'เข้าสู่ระบบ',
  'signIn.identifier': 'ชื่อผู้ใช้หรืออีเมล',
  'signIn.password': 'รหัสผ่าน',
  'signIn.submit': 'เข้าสู่ระบบ',
  'signIn.forgot': 'ลืมรหัสผ่าน',
  'signIn.identifier.required': 'กรอกชื่อผู้ใช้หรืออีเมล',
  'signIn.password.required': 'กรอกรหัสผ่าน',
  'signIn.failed': 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง ตรวจสอบแล้วลองอีกครั้ง',
  'signIn.inactive': 'บัญชีนี้ถูกระงับการใช้งาน ติดต่อผู้ดูแลของหน่วยงานท่าน',
  'signIn.totp.title': 'ยืนยันตัวตนขั้นที่สอง',
  'signIn.totp.code': 'รหัส 6 หลักจากแอปยืนยันตัวตน',
  'signIn.totp.invalid': 'รหัสไม่ถูกต้องหรือหมดอายุ กรอกรหัสล่าสุดจากแอป',
  'signIn.signedOut': 'ออกจากระบบแล้ว',
  'signIn.expired': 'หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบอีกครั้ง',

  'session.warning.title': 'ใกล้หมดเวลาการใช้งาน',
  'session.warning.body': 'ระบบจะออกจากระบบอัตโนมัติใน {minutes} นาที หากไม่มีการใช้งาน',
  'session.warning.continue': 'ใช้งานต่อ',
} as const;

export type MessageKey = keyof typeof th;

export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return th[key].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
