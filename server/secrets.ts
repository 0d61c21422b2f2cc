/** Tokens and enrollment codes: how they are made, and the only form in which they are stored (a SHA-256 hash). */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** 256 random bits, URL-safe: a kiosk's or the admin's bearer token. */
export const newToken = (): string => randomBytes(32).toString('base64url');

export const newKioskId = (): string => randomUUID();

// Without 0/O, 1/I/L: a technician types the code on the kiosk's keyboard.
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** `XXXX-XXXX-XXXX`: about 59 bits, plenty for a code that expires and enrolls one kiosk. */
export function newEnrollmentCode(): string {
  const groups: string[] = [];
  for (let g = 0; g < 3; g++) {
    let group = '';
    // Rejection sampling keeps every character equally likely.
    while (group.length < 4) {
      const byte = randomBytes(1)[0]!;
      if (byte < 256 - (256 % codeAlphabet.length)) group += codeAlphabet[byte % codeAlphabet.length];
    }
    groups.push(group);
  }
  return groups.join('-');
}

/** Enrollment codes are typed by people: case and surrounding spaces do not matter. */
export const enrollmentCodeHash = (code: string): string => sha256Hex(code.trim().toUpperCase());

/** Compares a presented secret with the expected one in constant time. */
export function sameSecret(presented: string, expected: string): boolean {
  return timingSafeEqual(createHash('sha256').update(presented).digest(), createHash('sha256').update(expected).digest());
}
