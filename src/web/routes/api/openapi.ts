// The API described as OpenAPI 3.1: served at /api/v1/openapi.json. test/api/openapi.test.ts checks that every route
// of the API is here and every path here is a route, and that every status the tests see is documented.

const error = (codes: string[], description: string) => ({
  description,
  content: { 'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/Error' }, { properties: { error: { enum: codes } } }] } } },
});
const json = (ref: string, description: string) => ({ description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } });

const common = {
  '401': { $ref: '#/components/responses/Unauthenticated' },
  '403': { $ref: '#/components/responses/Forbidden' },
  '404': { $ref: '#/components/responses/NotFound' },
};
const submissionParams = [
  { name: 'roundId', in: 'path', required: true, description: 'รหัสรอบการประเมิน (id จาก GET /rounds)', schema: { type: 'integer', minimum: 1 } },
  { name: 'orgUnitCode', in: 'path', required: true, description: 'รหัสหน่วยงานผู้ตอบ (รหัส อปท. หรือรหัสหน่วยงาน)', schema: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,40}$' } },
];
const scalar = { type: ['number', 'string', 'boolean', 'null'], description: 'ตัวเลข ข้อความ true/false หรือ null (ล้างค่า)' };

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Matrathan API',
    version: '1.0.0',
    description: [
      'API ของระบบมาตรฐาน สำหรับกรอกและส่งข้อมูลการประเมินจากระบบอื่น ใช้โทเค็น API ส่วนตัว (สร้างที่หน้า "บัญชีของฉัน") ในส่วนหัว `Authorization: Bearer <token>`; สิทธิ์เท่ากับเจ้าของโทเค็น',
      'ทุกคำตอบเป็น JSON; ข้อผิดพลาดมี `error` (รหัส) และ `message` (ภาษาไทย). เนื้อหาที่ส่งไม่เกิน 1 MB',
      'การแก้ค่าใช้ `version` ของการส่งข้อมูลกันการเขียนทับ: ถ้ามีผู้บันทึกหลังจากที่อ่านไป จะได้ 409 พร้อมค่าปัจจุบันและไม่มีค่าใดถูกบันทึก',
      'คำเตือนจากกฎตรวจความสอดคล้อง (severity: warning) ไม่หยุดการบันทึกทาง API: ถือว่ายืนยันแล้ว และส่งกลับใน `warnings` ของคำตอบ 200',
    ].join('\n\n'),
  },
  servers: [{ url: '/api/v1' }],
  security: [{ bearer: [] }],
  paths: {
    '/openapi.json': {
      get: {
        operationId: 'getOpenApi', summary: 'เอกสารนี้ (OpenAPI 3.1)', security: [],
        responses: { '200': { description: 'เอกสาร OpenAPI', content: { 'application/json': { schema: { type: 'object' } } } } },
      },
    },
    '/me': {
      get: {
        operationId: 'getMe', summary: 'เจ้าของโทเค็นและสิทธิ์ในหน่วยงาน',
        responses: { '200': json('Me', 'ผู้ใช้'), '401': common['401'] },
      },
    },
    '/rounds': {
      get: {
        operationId: 'listRounds', summary: 'รอบการประเมินที่เปิด ปิด หรือประกาศผลแล้ว',
        responses: { '200': json('RoundList', 'รายการรอบ'), '401': common['401'] },
      },
    },
    '/rounds/{roundId}/submissions/{orgUnitCode}': {
      get: {
        operationId: 'getSubmission', summary: 'การส่งข้อมูลของหน่วยงานหนึ่งในรอบหนึ่ง: สถานะ version ค่าที่บันทึก และช่องข้อมูลทั้งหมด',
        parameters: submissionParams,
        responses: { '200': json('Submission', 'การส่งข้อมูล'), ...common },
      },
    },
    '/rounds/{roundId}/submissions/{orgUnitCode}/values': {
      patch: {
        operationId: 'patchValues',
        summary: 'แก้ค่าหลายช่องพร้อมกัน (ทั้งหมดหรือไม่บันทึกเลย)',
        description: 'ช่องที่ไม่ได้ส่งคงค่าเดิม ช่องจากหลายส่วนบันทึกในรายการเดียวกัน ถ้าช่องใดผิดจะไม่บันทึกช่องใดเลย คำเตือนถือว่ายืนยันแล้วและส่งกลับใน warnings',
        parameters: submissionParams,
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/PatchValues' } } } },
        responses: {
          '200': json('PatchOk', 'บันทึกแล้ว (version ใหม่)'),
          '400': error(['bad_request'], 'เนื้อหาไม่ใช่ JSON'),
          ...common,
          '409': json('Conflict', 'มีผู้บันทึกหลังจาก version ที่ส่งมา ไม่มีการบันทึก'),
          '413': { $ref: '#/components/responses/TooLarge' },
          '422': json('Invalid', 'ค่าหรือชื่อช่องไม่ถูกต้อง (ข้อความภาษาไทยต่อช่อง)'),
          '423': { $ref: '#/components/responses/Locked' },
        },
      },
    },
    '/rounds/{roundId}/submissions/{orgUnitCode}/submit': {
      post: {
        operationId: 'submitSubmission',
        summary: 'ส่งข้อมูล (เฉพาะผู้บริหาร อปท. หรือสำนักงานผู้ตอบ)',
        description: 'ต้องมีส่วนหัว Idempotency-Key: ส่งซ้ำด้วยคีย์เดิมได้คำตอบเดิมและถูกนับครั้งเดียว',
        parameters: [...submissionParams, { name: 'Idempotency-Key', in: 'header', required: true, description: 'คีย์เฉพาะของการส่งครั้งนี้ (1–200 ตัวอักษร ASCII ไม่เว้นวรรค)', schema: { type: 'string', minLength: 1, maxLength: 200 } }],
        responses: {
          '200': json('SubmitOk', 'ส่งแล้ว (หรือคำตอบเดิมของคีย์เดิม)'),
          '400': error(['idempotency_key_required'], 'ไม่มี Idempotency-Key'),
          ...common,
          '409': error(['idempotency_key_reused', 'conflict'], 'คีย์ถูกใช้กับการส่งข้อมูลอื่นแล้ว หรือสถานะเปลี่ยนไประหว่างส่ง'),
          '413': { $ref: '#/components/responses/TooLarge' },
          '422': json('Incomplete', 'ยังไม่ครบ'),
          '423': { $ref: '#/components/responses/Locked' },
        },
      },
    },
  },
  components: {
    securitySchemes: {
      bearer: { type: 'http', scheme: 'bearer', description: 'โทเค็น API ส่วนตัว รูปแบบ mt_xxxxxxxx_… สร้างที่หน้า "บัญชีของฉัน"' },
    },
    responses: {
      Unauthenticated: error(['unauthenticated'], 'ไม่มีโทเค็น หรือโทเค็นถูกยกเลิก/หมดอายุ'),
      Forbidden: error(['forbidden'], 'ไม่มีสิทธิ์ในหน่วยงานนี้'),
      NotFound: error(['not_found'], 'ไม่พบรอบ หน่วยงาน หรือหน่วยงานไม่ใช่ผู้ตอบของรอบ'),
      TooLarge: error(['too_large'], 'เนื้อหาใหญ่เกิน 1 MB'),
      Locked: error(['locked'], 'แก้ไขไม่ได้: พ้นกำหนดรับข้อมูล รอบปิดแล้ว หรือส่งข้อมูลแล้ว'),
    },
    schemas: {
      Error: {
        type: 'object', required: ['error', 'message'],
        properties: { error: { type: 'string' }, message: { type: 'string', description: 'ข้อความภาษาไทย' }, reference: { type: 'string' } },
      },
      Me: {
        type: 'object', required: ['id', 'name', 'memberships'],
        properties: {
          id: { type: 'string' }, username: { type: ['string', 'null'] }, name: { type: 'string' }, email: { type: ['string', 'null'] },
          memberships: {
            type: 'array',
            items: { type: 'object', properties: { role: { type: 'string' }, roleLabel: { type: 'string' }, orgUnitCode: { type: 'string' }, orgUnitKind: { type: 'string' }, orgUnitName: { type: 'string' } } },
          },
        },
      },
      Round: {
        type: 'object', required: ['id', 'programme', 'title', 'status', 'fiscalYear', 'quarter', 'opensAt', 'dueAt', 'lateUntil', 'editClosesAt'],
        properties: {
          id: { type: 'integer' },
          programme: { type: 'object', required: ['code', 'title'], properties: { code: { type: 'string' }, title: { type: 'string' } } },
          title: { type: 'string' },
          status: { enum: ['open', 'closed', 'published'] },
          fiscalYear: { type: 'integer', description: 'ปีงบประมาณ พ.ศ.' },
          quarter: { type: ['integer', 'null'] },
          opensAt: { type: 'string', format: 'date-time' },
          dueAt: { type: 'string', format: 'date-time' },
          lateUntil: { type: 'string', format: 'date-time' },
          editClosesAt: { type: 'string', format: 'date-time' },
        },
      },
      RoundList: { type: 'object', required: ['rounds'], properties: { rounds: { type: 'array', items: { $ref: '#/components/schemas/Round' } } } },
      Field: {
        type: 'object', required: ['key', 'type', 'required', 'unit'],
        properties: {
          key: { type: 'string', description: '`field` หรือ `field|item` (ส่วนที่ทำซ้ำตามบัญชีรายการ)' },
          label: { type: 'string' },
          type: { enum: ['integer', 'decimal', 'money', 'percent', 'area', 'date', 'yesno', 'choice', 'text', 'longtext'] },
          required: { type: 'boolean' },
          unit: { type: ['string', 'null'] },
          choices: { type: 'array', items: { type: 'object', properties: { value: { type: 'string' }, label: { type: 'string' } } } },
        },
      },
      Section: {
        type: 'object', required: ['code', 'fields'],
        properties: { code: { type: 'string' }, formCode: { type: 'string' }, title: { type: 'string' }, fields: { type: 'array', items: { $ref: '#/components/schemas/Field' } } },
      },
      Values: { type: 'object', additionalProperties: scalar, description: 'ชื่อช่อง (key) → ค่า' },
      Submission: {
        type: 'object', required: ['status', 'version', 'values', 'entry', 'sections', 'results'],
        properties: {
          status: { enum: ['not_started', 'in_progress', 'awaiting_approval', 'submitted', 'returned', 'accepted'] },
          version: { type: 'integer', minimum: 0, description: 'ส่งกลับมาใน PATCH (0 = ยังไม่มีการบันทึก)' },
          values: { $ref: '#/components/schemas/Values' },
          entry: {
            type: 'object', required: ['allowed', 'deadline'],
            properties: { allowed: { type: 'boolean' }, deadline: { type: 'string', format: 'date-time' }, late: { type: 'boolean' }, message: { type: 'string' } },
          },
          sections: { type: 'array', items: { $ref: '#/components/schemas/Section' } },
          results: { type: 'array', items: { $ref: '#/components/schemas/Result' }, description: 'ผลการประเมินของทุกตัวชี้วัดที่หน่วยงานประเภทนี้มี คำนวณจากค่าที่บันทึกล่าสุด' },
        },
      },
      Result: {
        type: 'object', required: ['indicator', 'value', 'target', 'state'], additionalProperties: false,
        properties: {
          indicator: { type: 'string', description: 'รหัสตัวชี้วัด' },
          value: { type: ['number', 'null'], description: 'ค่าที่คำนวณได้ (null เมื่อไม่มีบริการสาธารณะหรือยังขาดข้อมูล)' },
          target: { type: ['number', 'null'], description: 'ค่าเป้าหมายของประเภท อปท. นี้ (null เมื่อไม่มี)' },
          state: {
            enum: ['met', 'needs_development', 'no_service', 'not_done', 'missing'],
            description: 'met สูงกว่าค่าเป้าหมาย/ผ่าน · needs_development การพัฒนาในอนาคต · no_service ไม่มีบริการสาธารณะ (ตัวหารเป็นศูนย์) · not_done ไม่ได้ดำเนินการ · missing ยังไม่มีข้อมูล',
          },
        },
      },
      PatchValues: {
        type: 'object', required: ['version', 'values'], additionalProperties: false,
        properties: {
          version: { type: 'integer', minimum: 0 },
          values: { $ref: '#/components/schemas/Values' },
          notes: { type: 'object', additionalProperties: { type: 'string', maxLength: 1000 }, description: 'คำอธิบายเมื่อค่าต่างจากปีก่อนมาก' },
        },
      },
      Warning: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
      PatchOk: {
        type: 'object', required: ['version'],
        properties: { version: { type: 'integer' }, warnings: { type: 'array', items: { $ref: '#/components/schemas/Warning' } } },
      },
      Conflict: {
        type: 'object', required: ['error', 'message', 'current'],
        properties: {
          error: { const: 'conflict' }, message: { type: 'string' },
          current: { type: 'object', required: ['version', 'values'], properties: { version: { type: 'integer' }, values: { $ref: '#/components/schemas/Values' } } },
        },
      },
      Invalid: {
        type: 'object', required: ['error', 'message', 'fields'],
        properties: { error: { const: 'invalid' }, message: { type: 'string' }, fields: { type: 'object', additionalProperties: { type: 'string' }, description: 'ชื่อช่อง → ข้อความภาษาไทย' } },
      },
      SubmitOk: {
        type: 'object', required: ['status', 'submittedAt', 'version'],
        properties: { status: { const: 'submitted' }, submittedAt: { type: 'string', format: 'date-time' }, version: { type: 'integer' } },
      },
      Gap: {
        type: 'object', required: ['kind', 'formCode', 'message'],
        properties: {
          kind: { enum: ['missing_value', 'missing_evidence'] }, formCode: { type: 'string' }, sectionCode: { type: ['string', 'null'] },
          key: { type: 'string' }, indicatorCode: { type: 'string' }, message: { type: 'string' },
        },
      },
      Incomplete: {
        type: 'object', required: ['error', 'message', 'gaps'],
        properties: { error: { const: 'incomplete' }, message: { type: 'string' }, gaps: { type: 'array', items: { $ref: '#/components/schemas/Gap' } } },
      },
    },
  },
} as const;
