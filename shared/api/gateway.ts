/**
 * Kiosk Gateway API v1: the one definition of what the kiosk and a province's central one-stop server say to
 * each other. The reference server (server/), the kiosk's client (electron/core) and the OpenAPI document
 * (docs/api/openapi.json, generated from this file) all derive from these schemas.
 */
import { z } from 'zod';

export const API_VERSION = 'v1';
export const API_PREFIX = '/api/v1';

/** Statuses the kiosk understands, mapped from the national TrangThaiHoSo list (domain.md section 2). */
export const dossierStatuses = [
  'received',
  'processing',
  'awaiting_supplement',
  'awaiting_payment',
  'suspended',
  'result_ready',
  'returned',
  'rejected',
  'withdrawn',
] as const;
export const DossierStatus = z.enum(dossierStatuses);
export type DossierStatus = z.infer<typeof DossierStatus>;

/** National DVCQG `TrangThaiHoSo` code for each status, for integrators mapping their own system. */
export const nationalStatusCode: Record<DossierStatus, number> = {
  received: 2,
  processing: 4,
  awaiting_supplement: 5,
  awaiting_payment: 6,
  suspended: 8,
  result_ready: 9,
  returned: 10,
  rejected: 3,
  withdrawn: 7,
};

const isoDateTime = z.iso.datetime({ offset: true });
const shortText = z.string().min(1).max(300);

export const ProcessingStep = z.object({
  name: shortText,
  unit: z.string().max(300),
  startedAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
});
export type ProcessingStep = z.infer<typeof ProcessingStep>;

export const ReturnMethod = z.enum(['in_person', 'postal', 'online']);
export type ReturnMethod = z.infer<typeof ReturnMethod>;

export const DossierResult = z.object({
  pickupLocation: z.string().max(500),
  returnMethod: ReturnMethod,
});

/** Documents the citizen must bring when the dossier waits for a supplement. */
export const SupplementRequest = z.object({
  documents: z.array(shortText).max(50),
  counter: z.string().max(200).nullable(),
});

export const Dossier = z.object({
  code: z.string().min(1).max(64),
  procedure: z.object({ code: z.string().max(64), name: shortText }),
  agency: z.object({ id: z.string().max(64), name: shortText }),
  applicantName: z.string().max(200),
  receivedAt: isoDateTime,
  dueAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
  status: DossierStatus,
  statusLabel: z.string().max(200).nullable().optional(),
  steps: z.array(ProcessingStep).max(100),
  result: DossierResult,
  supplement: SupplementRequest.nullable().optional(),
});
export type Dossier = z.infer<typeof Dossier>;

export const Health = z.object({ status: z.literal('ok'), version: z.string() });
export type Health = z.infer<typeof Health>;

export const EnrollRequest = z.object({
  enrollmentCode: z.string().min(4).max(64),
  hardwareId: z.string().min(1).max(128),
  name: z.string().min(1).max(100).optional(),
});
export type EnrollRequest = z.infer<typeof EnrollRequest>;

/**
 * `expiresAt`: when the token stops working. The kiosk renews it before then (renewKioskToken); a server that
 * sends none issues tokens that never expire, and the kiosk never renews.
 */
export const EnrollResponse = z.object({ kioskId: z.string().min(1), token: z.string().min(16), expiresAt: isoDateTime.optional() });
export type EnrollResponse = z.infer<typeof EnrollResponse>;

/** A kiosk's renewed token. The one it was asked with keeps working until the new one is first used, or it expires. */
export const TokenRenewed = z.object({ token: z.string().min(16), expiresAt: isoDateTime });
export type TokenRenewed = z.infer<typeof TokenRenewed>;

/** Admin: create a dossier. Without `code` the server issues one in the national format. */
export const AdminCreateDossier = Dossier.extend({ code: Dossier.shape.code.optional() });
export type AdminCreateDossier = z.infer<typeof AdminCreateDossier>;

/** Admin: change a dossier's status, steps or dates. */
export const AdminPatchDossier = Dossier.pick({
  status: true,
  statusLabel: true,
  steps: true,
  receivedAt: true,
  dueAt: true,
  finishedAt: true,
  result: true,
  supplement: true,
}).partial();
export type AdminPatchDossier = z.infer<typeof AdminPatchDossier>;

export const AdminIssueEnrollmentCode = z.object({
  ttlMinutes: z.number().int().min(1).max(60 * 24 * 30).optional(),
  /** A re-enrolment code: it may take over this enrolled kiosk's hardware id (its current token stops working). */
  kioskId: z.string().min(1).max(128).optional(),
});
export const EnrollmentCodeIssued = z.object({ enrollmentCode: z.string(), expiresAt: isoDateTime });
export type EnrollmentCodeIssued = z.infer<typeof EnrollmentCodeIssued>;

export const apiErrorCodes = [
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'DOSSIER_NOT_FOUND',
  'DOSSIER_EXISTS',
  'ENROLLMENT_CODE_INVALID',
  'VALIDATION_FAILED',
  'REASON_REQUIRED',
  'IDEMPOTENCY_KEY_REUSED',
  'KIOSK_REVOKED',
  'TOKEN_EXPIRED',
  'KIOSK_ALREADY_ENROLLED',
  'RATE_LIMITED',
  'DATES_INCONSISTENT',
  'ALREADY_RATED',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
] as const;
export const ApiErrorCode = z.enum(apiErrorCodes);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export const ApiErrorBody = z.object({ error: z.object({ code: z.string().max(64), message: z.string().max(1000) }) });
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;

/** Paths, so that the server's routes and the client's calls cannot drift apart. */
export const apiPaths = {
  health: `${API_PREFIX}/health`,
  dossier: (code: string) => `${API_PREFIX}/dossiers/${encodeURIComponent(code)}`,
  enroll: `${API_PREFIX}/kiosks/enroll`,
  kioskToken: (kioskId: string) => `${API_PREFIX}/kiosks/${encodeURIComponent(kioskId)}/token`,
  adminKiosk: (kioskId: string) => `${API_PREFIX}/admin/kiosks/${encodeURIComponent(kioskId)}`,
  adminDossiers: `${API_PREFIX}/admin/dossiers`,
  adminDossier: (code: string) => `${API_PREFIX}/admin/dossiers/${encodeURIComponent(code)}`,
  adminEnrollmentCodes: `${API_PREFIX}/admin/enrollment-codes`,
} as const;
