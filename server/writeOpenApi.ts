/**
 * `npm run openapi`: writes docs/api/openapi.json from the zod schemas (shared/api/openapi.ts). It lives here, not
 * in shared/, because shared/ may not touch the file system.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildOpenApiDocument } from '../shared/api/openapi';

const openApiFile = resolve(import.meta.dirname, '../docs/api/openapi.json');

writeFileSync(openApiFile, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
process.stdout.write(`wrote ${openApiFile}\n`);
