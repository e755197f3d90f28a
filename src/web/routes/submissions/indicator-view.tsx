import type { Audience } from '../../../domain/framework/framework-view.ts';
import { isExampleTarget, resolveText, targetFor } from '../../../domain/framework/framework-view.ts';
import type { FrameworkDocument, Owner } from '../../../domain/framework/framework-schema.ts';
import type { IndicatorPreview } from '../../../domain/submission/check-section.ts';
import { describeOutcome, meetsTarget } from '../../../domain/submission/indicator-display.ts';
import { provinceOfficeDivisions } from '../../../domain/org/divisions.ts';

// An indicator as a data-entry or check-answers page shows it: its computed value (recomputed in the browser as
// the person types, see entry-preview.ts), its target with the "example value" tag, and who owns it.

const comparisonWords = { '>=': 'ไม่น้อยกว่า', '>': 'มากกว่า', '<=': 'ไม่เกิน', '<': 'น้อยกว่า' } as const;

export function ownerText(owner: Owner | undefined): string | null {
  if (!owner) return null;
  if ('area' in owner) return null;
  if ('office' in owner) return owner.office === 'province_office' ? 'สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัด' : 'สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ';
  const names: string[] = owner.divisions.map((d) => provinceOfficeDivisions.find((x) => x.key === d)?.nameTh ?? d);
  if (owner.districtOffices) names.push('สำนักงานส่งเสริมการปกครองท้องถิ่นอำเภอ');
  return names.join(', ');
}

export function TargetText(props: { preview: IndicatorPreview; audience: Audience }) {
  const { indicator } = props.preview;
  const target = targetFor(indicator, props.audience);
  if (!target) return <span class="muted">ไม่มีค่าเป้าหมาย</span>;
  const met = meetsTarget(props.preview.outcome, target);
  return (
    <>
      {comparisonWords[target.comparison]} {target.value.toLocaleString('th-TH')} {indicator.unit}
      {isExampleTarget(indicator, props.audience) ? <> <span class="tag tag-warning">ค่าตัวอย่าง</span></> : null}
      {met === true ? <> <span class="tag tag-green">ถึงเป้าหมาย</span></> : met === false ? <> <span class="tag tag-grey">ยังไม่ถึงเป้าหมาย</span></> : null}
    </>
  );
}

export function IndicatorCard(props: { preview: IndicatorPreview; doc: FrameworkDocument; audience: Audience; headingLevel?: 'h3' | 'h4' }) {
  const { indicator, outcome } = props.preview;
  const owner = ownerText(indicator.owner);
  const Heading = props.headingLevel ?? 'h3';
  return (
    <div class="indicator" data-indicator={indicator.code}>
      <Heading class="indicator-title"><span class="indicator-code">{indicator.code}</span> {resolveText(indicator.title, props.audience, props.doc)}</Heading>
      <dl class="facts">
        <div class="fact"><dt>ค่าที่คำนวณได้</dt><dd><strong class="indicator-value">{describeOutcome(outcome, indicator.unit)}</strong></dd></div>
        <div class="fact"><dt>ค่าเป้าหมาย</dt><dd><TargetText preview={props.preview} audience={props.audience} /></dd></div>
        {owner ? <div class="fact fact-wide"><dt>ผู้รับผิดชอบ</dt><dd>{owner}</dd></div> : null}
      </dl>
    </div>
  );
}
