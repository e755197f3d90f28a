import assert from 'node:assert/strict';
import { openApiDocument } from '../../src/web/routes/api/openapi.ts';
import type { TestApp } from '../support/web.ts';

// A JSON API client for tests: bearer token, JSON in and out, and a record of every (operation, status) seen, so a
// test file can check at the end that each status it met is documented in the OpenAPI document.

export type ApiAnswer = { status: number; body: Record<string, any>; headers: Headers };

const seen = new Set<string>();
const paths = Object.keys(openApiDocument.paths);
const templateOf = (path: string) => paths.find((p) => new RegExp(`^${p.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path));

export function apiClient(t: TestApp) {
  return async function call(token: string | null, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer> {
    const h: Record<string, string> = { ...headers };
    if (token) h.authorization = `Bearer ${token}`;
    let payload: string | undefined;
    if (body !== undefined) {
      h['content-type'] ??= 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const res = await t.app.request(`/api/v1${path}`, { method, headers: h, body: payload });
    assert.match(res.headers.get('content-type') ?? '', /application\/json/, `${method} ${path} answered ${res.status} without JSON`);
    const parsed = (await res.json()) as Record<string, any>;
    const template = templateOf(path.split('?')[0]!);
    if (template) seen.add(`${method.toLowerCase()} ${template} ${res.status}`);
    return { status: res.status, body: parsed, headers: res.headers };
  };
}

/** Every status the tests met is a documented response of its operation. */
export function assertStatusesDocumented() {
  const missing: string[] = [];
  for (const entry of seen) {
    const [method, template, status] = entry.split(' ') as [string, string, string];
    const op = (openApiDocument.paths as Record<string, Record<string, { responses: Record<string, unknown> }>>)[template]?.[method];
    if (!op || !(status in op.responses)) missing.push(entry);
  }
  assert.deepEqual(missing, [], `statuses answered but not in the OpenAPI document: ${missing.join(', ')}`);
}
