/**
 * The Kiosk Gateway API as an OpenAPI 3.1 document, built from the zod schemas in gateway.ts so that the
 * published specification cannot drift from what the reference server validates. docs/api/openapi.json is this
 * document written out (`npm run openapi`); a unit test fails when the file is stale.
 */
import { z } from 'zod';
import {
  FeedbackAccepted,
  FeedbackList,
  FeedbackRequest,
  FeedbackSummary,
  feedbackPaths,
  IDEMPOTENCY_KEY_HEADER,
  OnTimeBoard,
  StatsPeriod,
} from './feedback';
import {
  Agency,
  CatalogueChange,
  CatalogueChangesPage,
  cataloguePaths,
  type CatalogueRecordType,
  DEFAULT_CHANGES_PAGE,
  Field,
  Location,
  MAX_CHANGES_PAGE,
  Procedure,
} from './catalogue';
import {
  AdminCreateDossier,
  AdminIssueEnrollmentCode,
  AdminPatchDossier,
  API_VERSION,
  ApiErrorBody,
  ApiErrorCode,
  apiPaths,
  Dossier,
  DossierResult,
  DossierStatus,
  EnrollmentCodeIssued,
  EnrollRequest,
  EnrollResponse,
  Health,
  nationalStatusCode,
  ProcessingStep,
  ReturnMethod,
  SupplementRequest,
  TokenRenewed,
} from './gateway';
import { LocationList, MAX_PROVISIONING_CENTRAL_URL, provisioningPaths } from './provisioning';
import { DeviceHealth, FleetHealth, FleetKiosk, FleetList, fleetPaths, Heartbeat, HeartbeatAccepted, STALE_AFTER_INTERVALS } from './fleet';

/** The reference server's HTML pages: printable demo receipts, and the public lookup page their QR codes open. */
export const pagePaths = { receipts: '/receipts', lookup: '/tra-cuu' } as const;
/** The lookup page's dossier code parameter, as on provincial portals (`tra-cuu.aspx?mahs=`). */
export const LOOKUP_CODE_PARAM = 'mahs';

const paramMarker = '__param__';

/**
 * A parameterised path of `apiPaths` with the parameter written as a router or a document wants it:
 * `pathWithParam(apiPaths.dossier, '{code}')` is `/api/v1/dossiers/{code}`.
 */
export function pathWithParam(build: (value: string) => string, placeholder: string): string {
  const path = build(paramMarker);
  if (!path.includes(paramMarker)) throw new Error(`path ${path} has no parameter`);
  return path.replace(paramMarker, placeholder);
}

type JsonObject = { [key: string]: unknown };

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, JsonObject>>;
  components: { schemas: Record<string, JsonObject>; securitySchemes: Record<string, JsonObject> };
}

const componentSchemas = {
  Health,
  Dossier,
  DossierStatus,
  ProcessingStep,
  DossierResult,
  ReturnMethod,
  SupplementRequest,
  EnrollRequest,
  EnrollResponse,
  TokenRenewed,
  AdminCreateDossier,
  AdminPatchDossier,
  AdminIssueEnrollmentCode,
  EnrollmentCodeIssued,
  ApiErrorBody,
  ApiErrorCode,
  Agency,
  Field,
  Procedure,
  Location,
  CatalogueChange,
  CatalogueChangesPage,
  FeedbackRequest,
  FeedbackAccepted,
  FeedbackList,
  FeedbackSummary,
  OnTimeBoard,
  StatsPeriod,
  LocationList,
  Heartbeat,
  HeartbeatAccepted,
  DeviceHealth,
  FleetHealth,
  FleetKiosk,
  FleetList,
} satisfies Record<string, z.ZodType>;
type SchemaName = keyof typeof componentSchemas;

const componentDescriptions: Partial<Record<SchemaName, string>> = {
  Dossier:
    'A dossier (hồ sơ) as the kiosk shows it. `code` is the mã hồ sơ printed on the receipt, usually ' +
    '`<agency id>-<yyMMdd>-<sequence>`; other agencies\' formats (e.g. `03706/2026/07906`) are allowed. ' +
    '`statusLabel` is the one-stop system\'s own wording of the status. Being overdue is not a status: the kiosk ' +
    'compares `dueAt` with now and `finishedAt`.',
  DossierStatus:
    'Status, mapped from the national DVCQG TrangThaiHoSo codes: ' +
    Object.entries(nationalStatusCode)
      .map(([status, code]) => `${status} = ${code}`)
      .join(', ') +
    '.',
  SupplementRequest:
    'Documents the citizen must bring and the counter that expects them. For `awaiting_payment` the counter is ' +
    'where the fee is paid.',
  AdminCreateDossier:
    'A dossier to create. Without `code` the server issues one in the national format ' +
    '`<agency.id>-<yyMMdd of receivedAt, Vietnam time>-<sequence per agency per day, at least 4 digits>`; ' +
    '`agency.id` must then be a national agency id such as `000.00.06.H56`.',
  AdminIssueEnrollmentCode:
    '`ttlMinutes` defaults to 1440 (24 hours). The code enrolls one kiosk. With `kioskId`, a re-enrolment code: it ' +
    're-enrolls that kiosk (same id, on whatever hardware presents it) and retires its current token; without it, a ' +
    'hardware id that is already enrolled (and not revoked) is refused with 409 KIOSK_ALREADY_ENROLLED.',
  TokenRenewed:
    'The kiosk\'s new token. The one the renewal was asked with stays valid until the new one is first used (or it ' +
    'expires), so a lost reply costs nothing: ask again with the old one.',
  ApiErrorBody: 'Every error has this shape; `error.code` is one of ApiErrorCode.',
  ApiErrorCode: 'Machine-readable error codes. Clients branch on these, never on `message`.',
};

function buildComponentSchemas(): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(componentSchemas)) registry.add(schema, { id });
  // 'input': what a valid request may contain; unknown properties are ignored, not refused.
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, io: 'input' });
  const result: Record<string, JsonObject> = {};
  for (const id of Object.keys(componentSchemas) as SchemaName[]) {
    const { $schema: _dialect, $id: _id, ...schema } = schemas[id] as JsonObject;
    const description = componentDescriptions[id];
    result[id] = description === undefined ? schema : { description, ...schema };
  }
  return result;
}

const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });
const json = (description: string, schema: SchemaName) => ({ description, content: { 'application/json': { schema: ref(schema) } } });
const html = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' } } } });
const failure = (description: string) => json(description, 'ApiErrorBody');
const body = (schema: SchemaName, required = true) => ({ required, content: { 'application/json': { schema: ref(schema) } } });

const codeParameter = {
  name: 'code',
  in: 'path',
  required: true,
  description: 'The dossier code, percent-encoded (a `/` is sent as `%2F`). Matched case-insensitively.',
  schema: { type: 'string', minLength: 1, maxLength: 64 },
};

const badBody = failure('BAD_REQUEST: the body is not JSON. VALIDATION_FAILED: it does not match the schema.');
const internal = failure('INTERNAL: the server failed; retry later.');
const adminOnly = failure('UNAUTHORIZED: missing or wrong admin token.');
const kioskRefused = failure(
  'UNAUTHORIZED: missing or unknown kiosk token. KIOSK_REVOKED: an admin revoked the kiosk. TOKEN_EXPIRED: the token ' +
    'was not renewed in time. In each case a technician enrolls the kiosk again.',
);
const retryAfterHeader = { description: 'Seconds to wait before the next lookup.', schema: { type: 'integer', minimum: 1 } };
const rateLimited = {
  ...failure('RATE_LIMITED: too many lookups from this kiosk or its address; wait Retry-After seconds.'),
  headers: { 'Retry-After': retryAfterHeader },
};
const kioskIdParameter = { name: 'id', in: 'path', required: true, description: 'The kiosk\'s id.', schema: { type: 'string', minLength: 1, maxLength: 128 } };

const catalogueRecordSchemaNames = { agency: 'Agency', field: 'Field', procedure: 'Procedure', location: 'Location' } as const satisfies Record<
  CatalogueRecordType,
  SchemaName
>;

/** PUT and DELETE of each catalogue record type under /admin (reference server only). */
function catalogueAdminPaths(): Record<string, Record<string, JsonObject>> {
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const [type, schema] of Object.entries(catalogueRecordSchemaNames) as [CatalogueRecordType, SchemaName][]) {
    const idParameter = { name: 'id', in: 'path', required: true, description: `The ${type}'s id.`, schema: { type: 'string', minLength: 1, maxLength: 80 } };
    paths[pathWithParam((id) => cataloguePaths.adminRecord(type, id), '{id}')] = {
      put: {
        tags: ['admin'],
        operationId: `put${schema}`,
        summary: `Create or replace a ${type}; kiosks receive it through the change feed`,
        security: [{ adminToken: [] }],
        parameters: [idParameter],
        requestBody: body(schema),
        responses: {
          200: json(`The stored ${type}.`, schema),
          400: failure('BAD_REQUEST: the body is not JSON. VALIDATION_FAILED: it does not match the schema, or its id is not the path\'s.'),
          401: adminOnly,
          ...(type === 'procedure' ? { 422: failure('VALIDATION_FAILED: the procedure names an agency or a field the catalogue does not hold.') } : {}),
          500: internal,
        },
      },
      delete: {
        tags: ['admin'],
        operationId: `delete${schema}`,
        summary: `Delete a ${type}; kiosks receive the deletion through the change feed`,
        security: [{ adminToken: [] }],
        parameters: [idParameter],
        responses: {
          204: { description: 'Deleted.' },
          401: adminOnly,
          404: failure(`NOT_FOUND: no ${type} has this id.`),
          500: internal,
        },
      },
    };
  }
  return paths;
}

const periodParameter = (description: string) => ({ name: 'period', in: 'query', required: false, description, schema: ref('StatsPeriod') });

/** Citizens' ratings (with an Idempotency-Key, so a kiosk can retry safely) and the on-time board. */
function feedbackApiPaths(): Record<string, Record<string, JsonObject>> {
  return {
    [feedbackPaths.feedback]: {
      post: {
        tags: ['kiosk'],
        operationId: 'postFeedback',
        summary: 'Send a citizen\'s satisfaction rating of a dossier',
        description:
          'The server stores each `Idempotency-Key` once: a repeat (same key, same body) gets the first answer, with ' +
          'the header `Idempotent-Replayed: true`. `kioskId` must be the token\'s kiosk. `indicators` are the nine ' +
          'indicators of ND 61/2018, 0-2 points each, all optional.',
        security: [{ kioskToken: [] }],
        parameters: [
          {
            name: IDEMPOTENCY_KEY_HEADER,
            in: 'header',
            required: true,
            description: 'Generated by the kiosk once per rating and sent with every attempt: 16-128 letters, digits, - or _.',
            schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,128}$' },
          },
        ],
        requestBody: body('FeedbackRequest'),
        responses: {
          201: json('Stored (or stored before under this key).', 'FeedbackAccepted'),
          400: failure('BAD_REQUEST: no valid Idempotency-Key, or the body is not JSON. VALIDATION_FAILED: it does not match the schema.'),
          401: kioskRefused,
          403: failure('FORBIDDEN: `kioskId` is not the token\'s kiosk.'),
          404: failure('DOSSIER_NOT_FOUND: no dossier has this code.'),
          409: failure('IDEMPOTENCY_KEY_REUSED: the key was sent before with another body.'),
          422: failure('REASON_REQUIRED: a `khong_hai_long` rating has no reason.'),
          500: internal,
        },
      },
    },
    [feedbackPaths.adminFeedback]: {
      get: {
        tags: ['admin'],
        operationId: 'listFeedback',
        summary: 'List ratings, newest first',
        security: [{ adminToken: [] }],
        parameters: [
          { name: 'agency', in: 'query', required: false, description: 'Only this agency\'s dossiers.', schema: { type: 'string', maxLength: 64 } },
          periodParameter('Only ratings received in the current month, quarter or year (Vietnam time).'),
          { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
          { name: 'offset', in: 'query', required: false, schema: { type: 'integer', minimum: 0, default: 0 } },
        ],
        responses: { 200: json('The ratings and how many match.', 'FeedbackList'), 400: badBody, 401: adminOnly, 500: internal },
      },
    },
    [feedbackPaths.adminFeedbackSummary]: {
      get: {
        tags: ['admin'],
        operationId: 'summariseFeedback',
        summary: 'Rating counts, satisfaction share and the nine indicators per agency per month, quarter or year',
        description:
          '`indicators` covers the ratings that carry any of the nine indicators: how many (`rated`), the mean of each ' +
          'indicator over those who scored it (0-2), the mean total out of 18 (an indicator nobody scored counts at the ' +
          'average of the others; two decimals) and its rank: above 15 `xuat_sac`, 12 to 15 `tot`, 9 to under 12 `kha`, ' +
          '6 to under 9 `trung_binh`, under 6 `yeu`. Total and rank are null without indicators.',
        security: [{ adminToken: [] }],
        parameters: [periodParameter('The length of the periods; default month.')],
        responses: { 200: json('One row per agency per period, newest period first.', 'FeedbackSummary'), 400: badBody, 401: adminOnly, 500: internal },
      },
    },
    [feedbackPaths.onTime]: {
      get: {
        tags: ['kiosk'],
        operationId: 'getOnTimeBoard',
        summary: 'Dossiers of the current period per agency: received, resolved on time or late, pending on time or overdue, satisfaction share',
        security: [{ kioskToken: [] }],
        parameters: [periodParameter('The current month, quarter or year (Vietnam time); default month.')],
        responses: {
          200: json('The board.', 'OnTimeBoard'),
          400: badBody,
          401: kioskRefused,
          500: internal,
        },
      },
    },
  };
}

/** Heartbeats from kiosks and the admin's fleet view. */
function fleetApiPaths(): Record<string, Record<string, JsonObject>> {
  return {
    [pathWithParam(fleetPaths.heartbeat, '{id}')]: {
      post: {
        tags: ['kiosk'],
        operationId: 'postHeartbeat',
        summary: 'A kiosk reports that it is alive, with its version, uptime, last sync, device health and error count',
        description: `Sent every few minutes (\`intervalSeconds\`). The server calls a kiosk stale after ${STALE_AFTER_INTERVALS} intervals without one.`,
        security: [{ kioskToken: [] }],
        parameters: [{ name: 'id', in: 'path', required: true, description: 'The kiosk\'s id: the token\'s own.', schema: { type: 'string', minLength: 1, maxLength: 128 } }],
        requestBody: body('Heartbeat'),
        responses: {
          200: json('Recorded.', 'HeartbeatAccepted'),
          400: badBody,
          401: kioskRefused,
          403: failure('FORBIDDEN: the path names another kiosk than the token\'s.'),
          500: internal,
        },
      },
    },
    [fleetPaths.adminKiosks]: {
      get: {
        tags: ['admin'],
        operationId: 'listKiosks',
        summary: 'Every enrolled kiosk: last seen, health, version, location',
        security: [{ adminToken: [] }],
        responses: { 200: json('The fleet.', 'FleetList'), 401: adminOnly, 500: internal },
      },
    },
  };
}

/** What a kiosk reads before it is enrolled, and the technician's printable provisioning QR code. */
function provisioningApiPaths(): Record<string, Record<string, JsonObject>> {
  const queryText = (name: string, description: string, pattern: string, maxLength: number) => ({
    name,
    in: 'query',
    required: true,
    description,
    schema: { type: 'string', pattern, maxLength },
  });
  return {
    [provisioningPaths.locations]: {
      get: {
        tags: ['kiosk'],
        operationId: 'listLocations',
        summary: 'The catalogue\'s locations (centre, branches, reception points), for a kiosk being set up',
        description: 'Public: the setup wizard lists them before the kiosk has a token. Centre first, then branches, then reception points.',
        security: [],
        responses: { 200: json('The locations.', 'LocationList'), 500: internal },
      },
    },
    [provisioningPaths.adminProvisioningQr]: {
      get: {
        tags: ['admin'],
        operationId: 'getProvisioningQr',
        summary: 'A QR code that sets up a kiosk: server URL, enrollment code and location',
        description:
          'The QR text is `hcc-kiosk:provision?v=1&central=<url>&code=<code>&location=<id>` (values percent-encoded). ' +
          'The kiosk\'s setup wizard fills itself in when its scanner reads it. The code is not checked here: issue ' +
          'one with issueEnrollmentCode first. Never cached (it holds a credential).',
        security: [{ adminToken: [] }],
        parameters: [
          queryText('code', 'The enrollment code.', '^[A-Za-z0-9-]{4,64}$', 64),
          queryText('location', 'The location id (a catalogue `location` record).', '^[A-Za-z0-9._:-]{1,80}$', 80),
          { name: 'central', in: 'query', required: false, description: 'The URL kiosks reach this server at; default: the URL of this request.', schema: { type: 'string', format: 'uri', maxLength: MAX_PROVISIONING_CENTRAL_URL } },
          { name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['svg', 'png', 'html'], default: 'svg' } },
        ],
        responses: {
          200: {
            description: 'The QR code: an SVG or PNG image, or a printable HTML page with it.',
            content: { 'image/svg+xml': {}, 'image/png': {}, 'text/html': {} },
          },
          400: failure('VALIDATION_FAILED: a query parameter is missing or malformed.'),
          401: adminOnly,
          500: internal,
        },
      },
    },
  };
}

export function buildOpenApiDocument(): OpenApiDocument {
  return {
    openapi: '3.1.0',
    info: {
      title: 'HCC Kiosk Gateway API',
      version: API_VERSION,
      description:
        'What a self-service kiosk in a public administrative service centre asks the province\'s central one-stop ' +
        'system: the status of a dossier whose receipt (giấy tiếp nhận hồ sơ và hẹn trả kết quả) the citizen scans. ' +
        'A province implements the kiosk and public operations in front of its one-stop system; the admin operations ' +
        'are those of the reference server (demo and tests). Kiosks authenticate with a bearer token obtained by ' +
        'enrolling with a one-time enrollment code. Errors are JSON `{ "error": { "code", "message" } }`.',
    },
    tags: [
      { name: 'public', description: 'No authentication.' },
      { name: 'kiosk', description: 'Called by enrolled kiosks, with their token.' },
      { name: 'admin', description: 'Reference server administration, with the admin token.' },
      { name: 'pages', description: 'HTML pages of the reference server.' },
    ],
    paths: {
      [apiPaths.health]: {
        get: {
          tags: ['public'],
          operationId: 'getHealth',
          summary: 'Liveness and server version',
          security: [],
          responses: { 200: json('The server is up.', 'Health'), 500: internal },
        },
      },
      [pathWithParam(apiPaths.dossier, '{code}')]: {
        get: {
          tags: ['kiosk'],
          operationId: 'getDossier',
          summary: 'Look up a dossier by the code on its receipt',
          security: [{ kioskToken: [] }],
          parameters: [codeParameter],
          responses: {
            200: json('The dossier.', 'Dossier'),
            401: kioskRefused,
            404: failure('DOSSIER_NOT_FOUND: no dossier has this code.'),
            429: rateLimited,
            500: internal,
          },
        },
      },
      [apiPaths.enroll]: {
        post: {
          tags: ['public'],
          operationId: 'enrollKiosk',
          summary: 'Enroll a kiosk with an enrollment code',
          description:
            'Returns the kiosk\'s bearer token and when it expires (30 days on the reference server; the kiosk renews ' +
            'it before then with renewKioskToken). A code issued by an admin is used up by its first enrollment and ' +
            'expires; the demo code (demo mode only) is reusable. A `hardwareId` that is already enrolled is taken over ' +
            'only with an admin\'s say-so: its kiosk was revoked, or the code was issued for it (`kioskId`). Then it ' +
            'keeps its `kioskId` and gets a new token; the old token stops working.',
          security: [],
          requestBody: body('EnrollRequest'),
          responses: {
            200: json('Enrolled.', 'EnrollResponse'),
            400: badBody,
            403: failure('ENROLLMENT_CODE_INVALID: the code is unknown, expired or already used.'),
            409: failure('KIOSK_ALREADY_ENROLLED: the hardware id is an enrolled kiosk\'s and the code is not a re-enrolment code for it.'),
            500: internal,
          },
        },
      },
      [pathWithParam(apiPaths.kioskToken, '{id}')]: {
        post: {
          tags: ['kiosk'],
          operationId: 'renewKioskToken',
          summary: 'A kiosk renews its own token before it expires',
          description:
            'No body. Returns a new token with a new expiry; the token the request carried stays valid until the new ' +
            'one is first used, or until it expires. An expired or revoked token cannot renew (401).',
          security: [{ kioskToken: [] }],
          parameters: [kioskIdParameter],
          responses: {
            200: json('The new token.', 'TokenRenewed'),
            401: kioskRefused,
            403: failure('FORBIDDEN: the path names another kiosk than the token\'s.'),
            500: internal,
          },
        },
      },
      [pathWithParam(apiPaths.adminKiosk, '{id}')]: {
        delete: {
          tags: ['admin'],
          operationId: 'revokeKiosk',
          summary: 'Revoke a kiosk: its token is refused from the next request on',
          description:
            'The kiosk stays in the fleet view with `revokedAt` and health `revoked`. A technician may enroll its ' +
            'hardware again with any new enrolment code.',
          security: [{ adminToken: [] }],
          parameters: [kioskIdParameter],
          responses: {
            204: { description: 'Revoked (or already revoked).' },
            401: adminOnly,
            404: failure('NOT_FOUND: no kiosk has this id.'),
            500: internal,
          },
        },
      },
      [apiPaths.adminDossiers]: {
        post: {
          tags: ['admin'],
          operationId: 'createDossier',
          summary: 'Create a dossier',
          security: [{ adminToken: [] }],
          requestBody: body('AdminCreateDossier'),
          responses: {
            201: json('Created; the body is the stored dossier with its (possibly issued) code in upper case.', 'Dossier'),
            400: badBody,
            401: adminOnly,
            409: failure('DOSSIER_EXISTS: a dossier with this code exists.'),
            500: internal,
          },
        },
      },
      [pathWithParam(apiPaths.adminDossier, '{code}')]: {
        patch: {
          tags: ['admin'],
          operationId: 'patchDossier',
          summary: 'Change a dossier\'s status, steps, dates, result or supplement request',
          description: 'Top-level fields present in the body replace the stored ones; absent fields are kept.',
          security: [{ adminToken: [] }],
          parameters: [codeParameter],
          requestBody: body('AdminPatchDossier'),
          responses: {
            200: json('The updated dossier.', 'Dossier'),
            400: badBody,
            401: adminOnly,
            404: failure('DOSSIER_NOT_FOUND: no dossier has this code.'),
            500: internal,
          },
        },
      },
      [apiPaths.adminEnrollmentCodes]: {
        post: {
          tags: ['admin'],
          operationId: 'issueEnrollmentCode',
          summary: 'Issue a one-time enrollment code for a kiosk',
          security: [{ adminToken: [] }],
          requestBody: body('AdminIssueEnrollmentCode', false),
          responses: {
            201: json('Issued. The code is shown only here; the server keeps only its hash.', 'EnrollmentCodeIssued'),
            400: badBody,
            401: adminOnly,
            404: failure('NOT_FOUND: `kioskId` names no kiosk.'),
            500: internal,
          },
        },
      },
      [cataloguePaths.changes]: {
        get: {
          tags: ['kiosk'],
          operationId: 'getCatalogueChanges',
          summary: 'Page through the procedure catalogue\'s changes since a cursor',
          description:
            'Without `since`, pages through the whole catalogue: agencies, fields, locations, procedures. With the ' +
            '`cursor` of the last page applied, returns only what changed since, the latest change of each record ' +
            '(`upsert` with its `data`, or `delete`). Call again with the new cursor while `hasMore`. Each `data` is ' +
            'an Agency, Field, Procedure or Location as its `type` says.',
          security: [{ kioskToken: [] }],
          parameters: [
            {
              name: 'since',
              in: 'query',
              required: false,
              description: 'The `cursor` of the last page applied; absent on the first sync. Opaque: store it as given.',
              schema: { type: 'string', maxLength: 200 },
            },
            {
              name: 'limit',
              in: 'query',
              required: false,
              description: 'Most changes in the page.',
              schema: { type: 'integer', minimum: 1, maximum: MAX_CHANGES_PAGE, default: DEFAULT_CHANGES_PAGE },
            },
          ],
          responses: {
            200: json('A page of changes.', 'CatalogueChangesPage'),
            400: failure(
              'BAD_REQUEST: `limit` is out of range, or `since` is not a cursor of this server (e.g. its data was reset): sync again without it.',
            ),
            401: kioskRefused,
            500: internal,
          },
        },
      },
      ...catalogueAdminPaths(),
      ...feedbackApiPaths(),
      ...provisioningApiPaths(),
      ...fleetApiPaths(),
      [pagePaths.receipts]: {
        get: {
          tags: ['pages'],
          operationId: 'getDemoReceipts',
          summary: 'Demo mode only: printable A4 receipts of the demo dossiers, with a Code 128 barcode and a lookup QR code each',
          security: [],
          responses: { 200: html('The receipts page.') },
        },
      },
      [pagePaths.lookup]: {
        get: {
          tags: ['pages'],
          operationId: 'getLookupPage',
          summary: 'Public status page a receipt\'s QR code opens; it never shows the applicant\'s name',
          security: [],
          parameters: [
            {
              name: LOOKUP_CODE_PARAM,
              in: 'query',
              required: true,
              description: 'The dossier code (mã hồ sơ).',
              schema: { type: 'string', maxLength: 64 },
            },
          ],
          responses: {
            200: html('The dossier\'s status (never the applicant\'s name).'),
            400: html('No code given.'),
            404: html('No dossier has this code.'),
            429: { ...html('Too many lookups from this address, or in total; Retry-After says when to try again.'), headers: { 'Retry-After': retryAfterHeader } },
          },
        },
      },
    },
    components: {
      schemas: buildComponentSchemas(),
      securitySchemes: {
        kioskToken: { type: 'http', scheme: 'bearer', description: 'The token a kiosk received from enrollKiosk.' },
        adminToken: { type: 'http', scheme: 'bearer', description: 'The reference server\'s admin token.' },
      },
    },
  };
}
