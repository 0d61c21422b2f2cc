/**
 * The contract between the renderer and the kiosk core, whichever host runs the core: the Electron main process
 * (over IPC, through the preload's `window.kiosk`) or the web host (over HTTP on 127.0.0.1, through the same
 * `window.kiosk` shape). Every request and reply is a zod schema, checked where it is received.
 */
import { z } from 'zod';
import { Dossier } from '../api/gateway';
import { Agency, Field, Level, Location, Procedure } from '../api/catalogue';
import { FeedbackReceipt, FeedbackSubmitRequest, OnTimeBoardView, OnTimeRequest } from './feedback';
import { technicianChannels, type TechnicianApi } from './technician';
import { ScannerSettings } from './camera';
import { setupChannels, setupEventChannels, type SetupApi } from './setup';
import { presenceChannels, type AppPresence } from './presence';
import { deviceChannels, type DeviceHealthReport } from './device';

/** Errors that reach the renderer. Each has a message in the vi/en catalogues (renderer/i18n). */
export const kioskErrorCodes = [
  'INVALID_CODE', // the input is not a receipt code (reason in `reason`)
  'NOT_FOUND', // the central server does not know the code
  'UNAVAILABLE', // server down, slow (past the deadline) or answering 5xx
  'BAD_RESPONSE', // the server answered something that is not a valid reply
  'NOT_ENROLLED', // the kiosk has no token or the server refused it
  'KIOSK_REVOKED', // the province revoked this kiosk: out of service until a technician enrolls it again
  'RATE_LIMITED', // too many lookups from this kiosk or its address: wait `retryAfterSeconds`
  'BAD_REQUEST', // the request did not pass validation at the boundary
  'INTERNAL',
] as const;
export const KioskErrorCode = z.enum(kioskErrorCodes);
export type KioskErrorCode = z.infer<typeof KioskErrorCode>;

/** The wait a RATE_LIMITED error names when the server's 429 gave none. */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;

export const KioskError = z.object({
  code: KioskErrorCode,
  message: z.string(),
  /** For INVALID_CODE: the receipt parser's reason code. */
  reason: z.string().optional(),
  /** For RATE_LIMITED: the seconds the server asked to wait (its Retry-After). */
  retryAfterSeconds: z.number().int().min(1).max(3600).optional(),
});
export type KioskError = z.infer<typeof KioskError>;

const result = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: KioskError })]);
export type Result<T> = { ok: true; value: T } | { ok: false; error: KioskError };

/** A dossier as the renderer sees it: the applicant's name is masked by the core, the full name never crosses. */
export const DossierView = Dossier.omit({ applicantName: true }).extend({ applicantNameMasked: z.string() });
export type DossierView = z.infer<typeof DossierView>;

export const LookupRequest = z.object({ code: z.string().max(2048) });
export type LookupRequest = z.infer<typeof LookupRequest>;

export const AppInfo = z.object({
  version: z.string(),
  host: z.enum(['electron', 'web']),
  demo: z.boolean(),
  idleTimeoutSeconds: z.number().int().positive(),
  /** The language each visit starts in, chosen when the kiosk was set up. */
  language: z.enum(['vi', 'en']),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** What a scan produced. The raw scanned text never crosses: a QR's ID-number parameter must not be kept. */
export const ScanEvent = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), code: z.string(), kind: z.enum(['structured', 'unstructured']), source: z.enum(['wedge', 'camera']) }),
  z.object({ ok: z.literal(false), reason: z.string(), source: z.enum(['wedge', 'camera']) }),
]);
export type ScanEvent = z.infer<typeof ScanEvent>;

/** Catalogue browsing and search, served from the kiosk's local cache (works offline). */
export const CatalogueFilters = z.object({
  level: Level.optional(),
  field: z.string().max(80).optional(),
  agency: z.string().max(80).optional(),
  /** Only procedures that can be filed online. */
  online: z.boolean().optional(),
});
export type CatalogueFilters = z.infer<typeof CatalogueFilters>;

export const CatalogueSearchRequest = z.object({
  /** Empty: browse the filtered list in catalogue order. */
  query: z.string().max(200),
  filters: CatalogueFilters.default({}),
  limit: z.number().int().min(1).max(100).default(30),
  offset: z.number().int().min(0).max(100_000).default(0),
});
export type CatalogueSearchRequest = z.input<typeof CatalogueSearchRequest>;

export const ProcedureSummary = Procedure.pick({ id: true, code: true, name: true, level: true, field: true, agencyId: true, onlineLevel: true }).extend({
  agencyName: z.string(),
  fieldName: z.string(),
});
export type ProcedureSummary = z.infer<typeof ProcedureSummary>;

export const CatalogueSearchResult = z.object({ items: z.array(ProcedureSummary), total: z.number().int().min(0) });
export type CatalogueSearchResult = z.infer<typeof CatalogueSearchResult>;

const facet = z.object({ id: z.string(), name: z.string(), count: z.number().int().min(0) });
/** What there is to browse under the given filters: counts per level, field and agency. */
export const CatalogueFacets = z.object({
  levels: z.array(z.object({ level: Level, count: z.number().int().min(0) })),
  fields: z.array(facet),
  agencies: z.array(facet),
});
export type CatalogueFacets = z.infer<typeof CatalogueFacets>;

export const ProcedureDetail = Procedure.extend({
  agency: Agency.nullable(),
  fieldInfo: Field.nullable(),
  /** The procedure on the public service portal, for the QR code that lets a citizen continue on a phone. */
  portalUrl: z.string().url().nullable(),
  /** Where it can be filed in person. */
  locations: z.array(Location),
});
export type ProcedureDetail = z.infer<typeof ProcedureDetail>;

export const CatalogueStatus = z.object({
  /** ISO time of the last complete sync, null before the first. */
  lastSyncAt: z.string().nullable(),
  /** False when the central server could not be reached at the last attempt: the kiosk shows an offline badge. */
  online: z.boolean(),
  syncing: z.boolean(),
  /** Progress of the running sync: records applied so far. */
  progress: z.object({ applied: z.number().int().min(0), pages: z.number().int().min(0) }).nullable(),
  counts: z.object({ procedures: z.number().int().min(0), agencies: z.number().int().min(0), fields: z.number().int().min(0), locations: z.number().int().min(0) }),
});
export type CatalogueStatus = z.infer<typeof CatalogueStatus>;

/** Request/reply channels: name → schemas. Hosts register exactly these; the preload exposes exactly these. */
export const invokeChannels = {
  'dossier:lookup': { request: LookupRequest, response: result(DossierView) },
  'app:info': { request: z.object({}).strict(), response: AppInfo },
  'catalogue:search': { request: CatalogueSearchRequest, response: CatalogueSearchResult },
  'catalogue:facets': { request: z.object({ filters: CatalogueFilters.default({}) }), response: CatalogueFacets },
  'catalogue:procedure': { request: z.object({ id: z.string().min(1).max(80) }), response: result(ProcedureDetail) },
  'catalogue:status': { request: z.object({}).strict(), response: CatalogueStatus },
  'catalogue:syncNow': { request: z.object({}).strict(), response: CatalogueStatus },
  'feedback:submit': { request: FeedbackSubmitRequest, response: result(FeedbackReceipt) },
  'stats:onTime': { request: OnTimeRequest, response: OnTimeBoardView },
  'scanner:settings': { request: z.object({}).strict(), response: ScannerSettings },
  ...technicianChannels,
  ...setupChannels,
  ...presenceChannels,
  ...deviceChannels,
} as const;
export type InvokeChannel = keyof typeof invokeChannels;
export type InvokeRequest<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['request']>;
export type InvokeResponse<C extends InvokeChannel> = z.infer<(typeof invokeChannels)[C]['response']>;

/** Events pushed from the core to the renderer. */
export const eventChannels = {
  'scanner:scan': ScanEvent,
  'catalogue:status': CatalogueStatus,
  ...setupEventChannels,
} as const;
export type EventChannel = keyof typeof eventChannels;
export type EventPayload<C extends EventChannel> = z.infer<(typeof eventChannels)[C]>;

/** The `window.kiosk` object: one function per operation, nothing generic. */
export interface KioskApi {
  dossier: { lookup(request: LookupRequest): Promise<Result<DossierView>> };
  app: {
    info(): Promise<AppInfo>;
    /** Whether the kiosk sits idle at home (shared/contract/presence.ts): updates install only then. */
    presence(request: AppPresence): Promise<void>;
  };
  scanner: {
    /** Subscribe to scans from the USB wedge scanner (and later the camera). Returns the unsubscribe function. */
    onScan(listener: (event: ScanEvent) => void): () => void;
    /** The scanner mode and the camera's settings, as the technician configured them (defaults when not). */
    settings(): Promise<ScannerSettings>;
  };
  catalogue: {
    search(request: CatalogueSearchRequest): Promise<CatalogueSearchResult>;
    facets(request: { filters?: CatalogueFilters }): Promise<CatalogueFacets>;
    procedure(request: { id: string }): Promise<Result<ProcedureDetail>>;
    status(): Promise<CatalogueStatus>;
    syncNow(): Promise<CatalogueStatus>;
    /** Status changes: sync progress, completion, going offline or back online. */
    onStatus(listener: (status: CatalogueStatus) => void): () => void;
  };
  feedback: {
    /** Writes the rating to the kiosk's outbox (delivered later, whatever the network does). */
    submit(request: FeedbackSubmitRequest): Promise<Result<FeedbackReceipt>>;
  };
  stats: {
    /** The on-time board of the current period, from the server or, offline, from the disk cache. */
    onTime(request: OnTimeRequest): Promise<OnTimeBoardView>;
  };
  /** Technician mode (shared/contract/technician.ts): PIN unlock, diagnostics and maintenance actions. */
  technician: TechnicianApi;
  /** The setup wizard (shared/contract/setup.ts): a kiosk with no valid configuration runs only these. */
  setup: SetupApi;
  device: {
    /** A device only the page sees changed health (shared/contract/device.ts); the next heartbeat carries it. */
    health(request: DeviceHealthReport): Promise<void>;
  };
}
