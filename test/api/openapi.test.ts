import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestApp, type TestApp } from '../support/web.ts';

// The OpenAPI document is the API's contract: every route of the API router is in it, every path in it is a route,
// every reference resolves, and every operation says how it is authenticated and what it answers.
let t: TestApp;
let doc: Record<string, any>;
before(async () => {
  t = await createTestApp();
  const res = await t.app.request('/api/v1/openapi.json');
  assert.equal(res.status, 200, 'the description is public');
  doc = (await res.json()) as Record<string, any>;
});
after(() => t.close());

const methods = ['get', 'put', 'post', 'patch', 'delete'];

test('an OpenAPI 3.1 document with the bearer scheme as the default security', () => {
  assert.equal(doc.openapi, '3.1.0');
  assert.deepEqual(doc.servers, [{ url: '/api/v1' }]);
  assert.deepEqual(doc.components.securitySchemes.bearer, { type: 'http', scheme: 'bearer', description: doc.components.securitySchemes.bearer.description });
  assert.deepEqual(doc.security, [{ bearer: [] }]);
});

test('every route of the API router is in the document, and every documented operation is a route', () => {
  const routes = new Set(t.app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/v1/'))
    .map((r) => `${r.method.toLowerCase()} ${r.path.slice('/api/v1'.length).replace(/:([A-Za-z]+)/g, '{$1}')}`));
  const documented = new Set(Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) => Object.keys(item).filter((m) => methods.includes(m)).map((m) => `${m} ${path}`)));
  assert.ok(routes.size >= 6, `only ${routes.size} API routes found`);
  assert.deepEqual([...routes].filter((r) => !documented.has(r)), [], 'routes missing from the OpenAPI document');
  assert.deepEqual([...documented].filter((r) => !routes.has(r)), [], 'documented operations that are not routes');
});

test('every $ref resolves, every path parameter is declared, every operation documents its answers', () => {
  const resolve = (ref: string) => ref.replace(/^#\//, '').split('/').reduce<any>((node, part) => node?.[part], doc);
  const refs: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string') refs.push(v);
        else walk(v);
      }
    }
  };
  walk(doc);
  assert.ok(refs.length > 10);
  assert.deepEqual(refs.filter((r) => resolve(r) === undefined), [], 'unresolved references');

  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
    const inPath = [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    for (const [method, op] of Object.entries(item)) {
      const where = `${method} ${path}`;
      assert.ok(op.operationId && op.summary, `${where}: operationId and summary`);
      const declared = (op.parameters ?? []).filter((p: { in: string }) => p.in === 'path').map((p: { name: string }) => p.name);
      assert.deepEqual(declared.sort(), [...inPath].sort(), `${where}: path parameters`);
      assert.ok(op.responses['200'], `${where}: 200`);
      const secured = op.security === undefined ? doc.security.length > 0 : op.security.length > 0;
      if (secured) assert.ok(op.responses['401'], `${where}: a secured operation documents 401`);
      for (const [status, response] of Object.entries(op.responses as Record<string, any>)) {
        const r = response.$ref ? resolve(response.$ref) : response;
        assert.ok(r.description, `${where} ${status}: description`);
        assert.ok(r.content?.['application/json']?.schema, `${where} ${status}: a JSON body`);
      }
      if (path.includes('{orgUnitCode}')) for (const s of ['403', '404']) assert.ok(op.responses[s], `${where}: ${s}`);
      if (op.requestBody) for (const s of ['400', '413', '422']) assert.ok(op.responses[s], `${where}: a body can be bad (${s})`);
    }
  }
});

test('unknown API paths and methods answer JSON, never HTML', async () => {
  for (const [method, path] of [['GET', '/api/v1/nothing-here'], ['DELETE', '/api/v1/rounds'], ['GET', '/api/v2/rounds']] as const) {
    const res = await t.app.request(path, { method });
    assert.ok(res.status === 404 || res.status === 401, `${method} ${path}: ${res.status}`);
    assert.match(res.headers.get('content-type') ?? '', /application\/json/);
  }
});
