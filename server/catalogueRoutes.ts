/**
 * Routes of the procedure catalogue on the reference central server (shared/api/catalogue.ts): the change feed
 * kiosks sync from, and the admin writes that feed it. Registered by createCentralApp, which hands over its auth
 * middleware.
 */
import type { Hono } from 'hono';
import {
  CatalogueFile,
  cataloguePaths,
  type CatalogueImportReport,
  catalogueRecordSchemas,
  type CatalogueRecordType,
  MAX_CATALOGUE_IMPORT_BYTES,
} from '../shared/api/catalogue';
import { pathWithParam } from '../shared/api/openapi';
import { changesPageJson, encodeCursor, parseChangesQuery } from './catalogueFeed';
import { importCatalogueFile } from './catalogueFile';
import { fail, readBody, type RouteDeps } from './httpHelpers';

const recordTypes = Object.keys(catalogueRecordSchemas) as CatalogueRecordType[];

/** The admin path of a record type with its id as a router parameter, e.g. `/api/v1/admin/procedures/:id`. */
export const adminRecordRoute = (type: CatalogueRecordType, placeholder: string): string =>
  pathWithParam((id) => cataloguePaths.adminRecord(type, id), placeholder);

export function registerCatalogueRoutes(app: Hono, { store, requireKiosk, requireAdmin }: RouteDeps): void {
  const catalogue = store.catalogue;

  app.get(cataloguePaths.changes, requireKiosk, (c) => {
    const query = parseChangesQuery({ since: c.req.query('since'), limit: c.req.query('limit') }, catalogue.lastSequence());
    if (!query.ok) return fail(c, { status: 400, code: 'BAD_REQUEST', message: query.message });
    const { rows, hasMore } = catalogue.changesAfter(query.after, query.limit);
    const cursor = encodeCursor(rows.at(-1)?.seq ?? query.after);
    return c.body(changesPageJson(rows, cursor, hasMore), 200, { 'Content-Type': 'application/json' });
  });

  // A whole catalogue file at once, each record checked on its own: the valid ones are published, the rest reported.
  app.post(cataloguePaths.adminImport, requireAdmin, async (c) => {
    const body = await readBody(c, CatalogueFile, MAX_CATALOGUE_IMPORT_BYTES);
    if (!body.ok) return fail(c, body.failure);
    // A procedure may also name an agency or a field the server already holds.
    const { catalogue: file, refused } = importCatalogueFile(body.value, (type, id) => catalogue.has(type, id));
    const { written, unchanged } = catalogue.importRecords(file);
    const report: CatalogueImportReport = {
      accepted: {
        agencies: file.agencies.length,
        fields: file.fields.length,
        procedures: file.procedures.length,
        locations: file.locations.length,
        everydayNames: file.everydayNames.length,
      },
      written,
      unchanged,
      refused,
    };
    return c.json(report);
  });

  for (const type of recordTypes) {
    const schema = catalogueRecordSchemas[type];
    const route = adminRecordRoute(type, ':id');

    app.put(route, requireAdmin, async (c) => {
      // The body limit (256 KiB, MAX_RECORD_BYTES) keeps every record within what kiosks accept.
      const body = await readBody(c, schema);
      if (!body.ok) return fail(c, body.failure);
      const id = c.req.param('id') ?? '';
      if (body.value.id !== id) {
        return fail(c, { status: 400, code: 'VALIDATION_FAILED', message: 'id: the body\'s id differs from the id in the path.' });
      }
      // A procedure under an agency or field kiosks never receive would show without them.
      const record = body.value;
      if ('agencyId' in record) {
        const references = { agency: record.agencyId, field: record.field };
        const missing = (['agency', 'field'] as const).filter((reference) => !catalogue.has(reference, references[reference]));
        if (missing.length > 0) {
          return fail(c, { status: 422, code: 'VALIDATION_FAILED', message: `${missing.join(', ')}: the catalogue holds no ${missing.join(' or ')} with this id.` });
        }
      }
      catalogue.upsert(type, id, body.value);
      return c.json(body.value);
    });

    app.delete(route, requireAdmin, (c) =>
      catalogue.remove(type, c.req.param('id') ?? '')
        ? c.body(null, 204)
        : fail(c, { status: 404, code: 'NOT_FOUND', message: `No ${type} has this id.` }),
    );
  }
}
