// The OpenAPI document: docs/api/openapi.json must be current, and must document exactly what the server serves.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiErrorCodes, apiPaths } from '../../shared/api/gateway';
import { buildOpenApiDocument, pathWithParam } from '../../shared/api/openapi';
import { createCentralApp } from '../../server/centralServer';
import { openCentralStore } from '../../server/centralStore';

const document = buildOpenApiDocument();
const httpMethods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

function documentedOperations(): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((key) => httpMethods.includes(key))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

function servedOperations(): string[] {
  const store = openCentralStore();
  try {
    // Demo mode: the demo receipts page is documented too.
    const app = createCentralApp({ store, adminToken: 'unused-admin-token', now: () => new Date(), version: 'test', log: () => {}, demo: true });
    const operations = app.routes
      .filter((route) => route.method !== 'ALL') // middleware
      .map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
    // A route with an auth middleware is listed once per handler.
    return [...new Set(operations)];
  } finally {
    store.close();
  }
}

describe('OpenAPI document', () => {
  it('is what docs/api/openapi.json holds (run `npm run openapi` after changing the API)', () => {
    const written = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../docs/api/openapi.json'), 'utf8')) as unknown;
    expect(written).toEqual(document);
  });

  it('documents every route the server serves, and nothing it does not', () => {
    expect(servedOperations().sort()).toEqual(documentedOperations().sort());
  });

  it('resolves every schema reference', () => {
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const name = /#\/components\/schemas\/([^"]+)"/.exec(ref)?.[1];
      expect(name && document.components.schemas[name], ref).toBeTruthy();
    }
  });

  it('declares the kiosk and admin bearer schemes on the operations that need them', () => {
    expect(document.components.securitySchemes).toMatchObject({
      kioskToken: { type: 'http', scheme: 'bearer' },
      adminToken: { type: 'http', scheme: 'bearer' },
    });
    const security = (path: string, method: string) => document.paths[path]?.[method]?.security;
    expect(security(pathWithParam(apiPaths.dossier, '{code}'), 'get')).toEqual([{ kioskToken: [] }]);
    expect(security(apiPaths.adminDossiers, 'post')).toEqual([{ adminToken: [] }]);
    expect(security(pathWithParam(apiPaths.adminDossier, '{code}'), 'patch')).toEqual([{ adminToken: [] }]);
    expect(security(apiPaths.adminEnrollmentCodes, 'post')).toEqual([{ adminToken: [] }]);
    expect(security(apiPaths.health, 'get')).toEqual([]);
    expect(security(apiPaths.enroll, 'post')).toEqual([]);
  });

  it('describes the error body and every error code', () => {
    expect(document.components.schemas.ApiErrorBody).toMatchObject({ required: ['error'] });
    expect(document.components.schemas.ApiErrorCode).toMatchObject({ enum: [...apiErrorCodes] });
    const errorResponses = Object.values(document.paths)
      .flatMap((item) => Object.values(item))
      .flatMap((operation) => Object.entries(operation.responses as Record<string, { content?: Record<string, { schema: unknown }> }>))
      .filter(([status, response]) => Number(status) >= 400 && response.content?.['application/json']);
    expect(errorResponses.length).toBeGreaterThan(0);
    for (const [, response] of errorResponses) {
      expect(response.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/ApiErrorBody' });
    }
  });
});

describe('pathWithParam', () => {
  it('writes the parameter unencoded where apiPaths would encode a value', () => {
    expect(pathWithParam(apiPaths.dossier, '{code}')).toBe('/api/v1/dossiers/{code}');
    expect(pathWithParam(apiPaths.adminDossier, ':code')).toBe('/api/v1/admin/dossiers/:code');
  });
});
