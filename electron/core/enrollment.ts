/**
 * The kiosk's identity towards the central server, kept in its data directory: the enrolment (URL, kiosk id,
 * token), a stable hardware id for hosts without one, and the secret that keys the log redactor. Every file is
 * readable by the kiosk's user only.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { CentralError, createCentralClient } from './centralClient';

export interface Enrollment {
  centralUrl: string;
  kioskId: string;
  token: string;
  /** When the token expires (the kiosk renews it before: tokenRenewal.ts); null: never; absent: unknown. */
  tokenExpiresAt?: string | null;
}

const EnrollmentFile = z.object({
  centralUrl: z.string().min(1),
  kioskId: z.string().min(1),
  token: z.string().min(16),
  tokenExpiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
});

export const ENROLLMENT_FILE = 'enrollment.json';
const LOG_SECRET_FILE = 'log-secret';
const HARDWARE_ID_FILE = 'hardware-id';
const privateFileMode = 0o600;

export type EnrollmentErrorCode = 'NOT_ENROLLED' | 'ENROLLMENT_REFUSED' | 'HARDWARE_ENROLLED' | 'UNAVAILABLE';

export class EnrollmentError extends Error {
  override readonly name = 'EnrollmentError';
  constructor(
    readonly code: EnrollmentErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The stored enrolment, or null when there is none or the file is not a valid one. */
export function readEnrollment(dataDir: string): Enrollment | null {
  const text = readOptionalFile(join(dataDir, ENROLLMENT_FILE));
  if (text === null) return null;
  try {
    return EnrollmentFile.parse(JSON.parse(text));
  } catch {
    return null;
  }
}

export async function ensureEnrolled(opts: {
  dataDir: string;
  centralUrl: string;
  enrollmentCode?: string;
  hardwareId: string;
  name?: string;
  fetch?: typeof fetch;
}): Promise<Enrollment> {
  const stored = readEnrollment(opts.dataDir);
  if (stored && sameCentral(stored.centralUrl, opts.centralUrl)) return stored;
  if (!opts.enrollmentCode) {
    throw new EnrollmentError(
      'NOT_ENROLLED',
      stored
        ? `The kiosk is enrolled with ${stored.centralUrl}, not ${opts.centralUrl}; an enrollment code is needed`
        : 'The kiosk is not enrolled; an enrollment code is needed',
    );
  }
  const enrollment = await enrollWithCode({ ...opts, enrollmentCode: opts.enrollmentCode });
  writePrivateFile(join(opts.dataDir, ENROLLMENT_FILE), `${JSON.stringify(enrollment, null, 2)}\n`);
  return enrollment;
}

/** Exchanges an enrollment code for a kiosk id and token, writing nothing. Throws EnrollmentError. */
export async function enrollWithCode(opts: {
  centralUrl: string;
  enrollmentCode: string;
  hardwareId: string;
  name?: string;
  fetch?: typeof fetch;
}): Promise<Enrollment> {
  const client = createCentralClient({ baseUrl: opts.centralUrl, fetch: opts.fetch });
  try {
    const issued = await client.enroll({ enrollmentCode: opts.enrollmentCode, hardwareId: opts.hardwareId, name: opts.name });
    const enrollment: Enrollment = { centralUrl: opts.centralUrl, kioskId: issued.kioskId, token: issued.token };
    // A server that says no expiry leaves it unknown: the kiosk asks once whether it renews tokens (tokenRenewal.ts).
    return issued.expiresAt === undefined ? enrollment : { ...enrollment, tokenExpiresAt: issued.expiresAt };
  } catch (error) {
    throw enrollmentErrorFrom(error);
  }
}

/** Per-install random secret for the log redactor, created on first use. */
export function loadLogSecret(dataDir: string): string {
  return readOrCreate(join(dataDir, LOG_SECRET_FILE), () => randomBytes(32).toString('hex'));
}

/** A stable id for this install, created on first use; the prefix tells the fleet view which host it runs. */
export function loadHardwareId(dataDir: string, host: 'electron' | 'web'): string {
  return readOrCreate(join(dataDir, HARDWARE_ID_FILE), () => `${host}-${randomUUID()}`);
}

function enrollmentErrorFrom(error: unknown): EnrollmentError {
  if (!(error instanceof CentralError)) return new EnrollmentError('UNAVAILABLE', 'Enrollment failed unexpectedly');
  if (error.serverCode === 'KIOSK_ALREADY_ENROLLED') {
    return new EnrollmentError('HARDWARE_ENROLLED', 'This machine is an enrolled kiosk: an administrator must revoke it or issue a re-enrolment code for it');
  }
  switch (error.kind) {
    case 'rejected':
    case 'unauthorized':
    case 'not_found':
      return new EnrollmentError(
        'ENROLLMENT_REFUSED',
        `The central server refused the enrollment code${error.serverCode ? ` (${error.serverCode})` : ''}`,
      );
    case 'unavailable':
    case 'rate_limited':
      return new EnrollmentError('UNAVAILABLE', `The central server cannot be reached to enroll: ${error.message}`);
    case 'bad_response':
      return new EnrollmentError('UNAVAILABLE', `The central server sent an invalid enrollment reply: ${error.message}`);
  }
}

export function sameCentral(a: string, b: string): boolean {
  const normalise = (url: string) => url.replace(/\/+$/, '');
  return normalise(a) === normalise(b);
}

export function readOptionalFile(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function readOrCreate(file: string, create: () => string): string {
  const existing = readOptionalFile(file)?.trim();
  if (existing) return existing;
  const value = create();
  writePrivateFile(file, `${value}\n`);
  return value;
}

/** Written beside the target and renamed over it, so a crash never leaves half a file. */
export function writePrivateFile(file: string, content: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, content, { mode: privateFileMode });
  renameSync(temporary, file);
}
