import { describe, expect, it } from 'vitest';
import { formatDateTime } from '../../renderer/format/dateTime';

describe('formatDateTime', () => {
  it("writes an instant in Vietnam's time, in the format of each language, whichever was asked first", () => {
    // 01:30 UTC is 08:30 in Hà Nội; the formatters are kept per language, so the order of calls must not matter.
    expect(formatDateTime('2025-03-03T01:30:00Z', 'en')).toBe('03/03/2025, 08:30');
    expect(formatDateTime('2025-03-03T01:30:00Z', 'vi')).toBe('08:30 03/03/2025');
    expect(formatDateTime('2099-03-10T17:05:00Z', 'en')).toBe('11/03/2099, 00:05');
    expect(formatDateTime('2099-03-10T17:05:00Z', 'vi')).toBe('00:05 11/03/2099');
  });
});
