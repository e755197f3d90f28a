import type { Section } from '../../../domain/framework/framework-schema.ts';
import { resolveText } from '../../../domain/framework/framework-view.ts';
import type { IndicatorPreview } from '../../../domain/submission/check-section.ts';
import type { SubmissionContext } from '../../../services/submissions/load-submission.ts';

// "วิธีกรอกส่วนนี้" on every data-entry page, written for the officer filling it: the framework's own help for the
// section (what to count, from which papers), then how the page behaves — saving, the far-from-last-year reason,
// evidence — and whom to ask. Phone numbers are never written here: they are in the letters people received.

type Props = { ctx: Pick<SubmissionContext, 'programme' | 'audience' | 'version' | 'lastYear'>; entry: { section: Section; fields: { type: string }[] }; indicators: IndicatorPreview[]; editable: boolean };

export function SectionHelp(p: Props) {
  const help = p.entry.section.help ? resolveText(p.entry.section.help, p.ctx.audience, p.ctx.version.doc) : null;
  const lao = p.ctx.programme.respondents === 'lao';
  const evidence = p.entry.fields.some((f) => f.type === 'file') || p.indicators.some((i) => i.indicator.evidence && i.indicator.evidence.required !== 'never');
  return (
    <details class="panel-details help-panel" id="help">
      <summary>วิธีกรอกส่วนนี้</summary>
      <div class="panel">
        {help ? help.split(/\n+/).map((line) => <p>{line}</p>) : null}
        <h2 class="help-heading">การบันทึก</h2>
        <ul>
          {p.editable ? <li>เมื่อพิมพ์เสร็จแต่ละช่อง ระบบบันทึกให้เองภายในไม่กี่วินาที ดูข้อความ "บันทึกแล้ว" พร้อมเวลา ใต้แบบ ถ้าขึ้นว่า "ยังไม่ได้บันทึก" ให้อ่านเหตุผลที่แสดงแล้วแก้ไข</li> : null}
          <li>กด "บันทึกไว้ก่อน กลับมาทำภายหลัง" เมื่อยังกรอกไม่ครบ หรือ "บันทึกและทำต่อ" เมื่อครบแล้ว (ระบบจะตรวจว่ากรอกช่องที่ต้องกรอกครบ) ถ้าเครื่องปิด JavaScript ต้องกดปุ่มใดปุ่มหนึ่งทุกครั้งก่อนออกจากหน้า</li>
          <li>ถ้าอินเทอร์เน็ตหลุดหรือหมดเวลาเข้าระบบ สิ่งที่พิมพ์ยังเก็บไว้ในเครื่องนี้ เปิดหน้านี้อีกครั้งบนเครื่องเดิมแล้วกดบันทึก</li>
          <li>กรอกตัวเลขได้ทั้งเลขไทยและเลขอารบิก ใส่จุลภาคคั่นหลักได้ วันที่กรอกเป็น วว/ดด/ปปปป ปี พ.ศ.</li>
        </ul>
        <h2 class="help-heading">ค่าที่ต่างจากปีก่อนมาก</h2>
        <p>
          {p.ctx.lastYear ? `ค่า "ปีก่อน" ใต้ช่องมาจาก${p.ctx.lastYear.roundTitle} ` : 'เมื่อมีข้อมูลของปีก่อน ระบบจะแสดงค่าปีก่อนใต้ช่อง '}
          ถ้าตัวเลขที่กรอกต่างจากปีก่อนเกินครึ่งหนึ่ง (และต่างกันตั้งแต่ 5 ขึ้นไป) ระบบจะขอ "เหตุผลที่ค่านี้ต่างจากปีก่อนมาก" ถ้าตัวเลขถูกต้อง เขียนเหตุผลสั้น ๆ เช่น "ปีนี้เปิดศูนย์พัฒนาเด็กเล็กเพิ่ม 2 แห่ง" ถ้าพิมพ์ผิด ให้แก้ตัวเลขแทน ผู้ตรวจจะอ่านเหตุผลนี้
        </p>
        {evidence ? (
          <>
            <h2 class="help-heading">การแนบหลักฐาน</h2>
            <p>บันทึกข้อมูลก่อน แล้วเลือกไฟล์ที่ส่วน "หลักฐาน" ท้ายหน้านี้ ใต้ชื่อตัวชี้วัดหรือช่องที่ขอ กด "อัปโหลด" ทีละไฟล์ (สแกนเป็น PDF หรือถ่ายภาพเป็น JPEG ได้) ลบแล้วแนบใหม่ได้จนกว่าจะส่งข้อมูล ชนิดและขนาดไฟล์ที่รับแสดงอยู่ที่ช่องแนบไฟล์</p>
          </>
        ) : null}
        <h2 class="help-heading">สงสัยหรือติดปัญหา</h2>
        <p>
          {lao
            ? 'ถามผู้ที่ได้รับมอบหมายในหน่วยงานของท่านก่อน แล้วติดต่อสำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอหรือจังหวัดของท่าน ตามหมายเลขโทรศัพท์ในหนังสือแจ้งของจังหวัด'
            : 'ติดต่อผู้ดูแลโครงการตามหมายเลขโทรศัพท์ในหนังสือแจ้ง'}
          {' '}คู่มือการจัดเก็บข้อมูล คู่มือการใช้งานระบบ และการอบรม อยู่ที่ <a href="/workshops">อบรม/คู่มือ</a>
        </p>
      </div>
    </details>
  );
}
