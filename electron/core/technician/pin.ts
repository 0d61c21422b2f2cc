/**
 * The technician PIN, stored only as a scrypt hash. The hash string carries its own parameters and salt
 * (`scrypt$N$r$p$salt$hash`, base64url), so the cost can be raised later without breaking stored PINs.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const SCHEME = 'scrypt';
// N=2^15, r=8, p=1 (32 MiB, ~0.1 s): slow enough to make guessing a 4–8 digit PIN from a stolen file costly.
const defaultParams = { N: 1 << 15, r: 8, p: 1 } as const;
const keyLength = 32;
const saltLength = 16;

export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(saltLength);
  const hash = await derive(pin, salt, defaultParams);
  const { N, r, p } = defaultParams;
  return [SCHEME, N, r, p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

/** False for a wrong PIN and for a stored value that is not a hash this module wrote. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed) return false;
  const hash = await derive(pin, parsed.salt, parsed.params);
  return hash.length === parsed.hash.length && timingSafeEqual(hash, parsed.hash);
}

interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

function parseStored(stored: string): { params: ScryptParams; salt: Buffer; hash: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== SCHEME) return null;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const sane = (value: number, max: number) => Number.isInteger(value) && value > 0 && value <= max;
  // Bounds keep a tampered file from asking for gigabytes of memory.
  if (!sane(N, 1 << 20) || (N & (N - 1)) !== 0 || !sane(r, 32) || !sane(p, 16)) return null;
  const salt = Buffer.from(parts[4]!, 'base64url');
  const hash = Buffer.from(parts[5]!, 'base64url');
  if (salt.length < 8 || hash.length !== keyLength) return null;
  return { params: { N, r, p }, salt, hash };
}

function derive(pin: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(pin.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
