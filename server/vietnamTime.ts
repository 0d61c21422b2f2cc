/**
 * Calendar dates and times as the service centre sees them: Vietnam's time (UTC+7, no daylight saving), whatever
 * the machine's time zone. Dossier codes carry the day of receipt and receipts print local times.
 */

const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

export interface VietnamDateTime {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function inVietnam(instant: Date): VietnamDateTime {
  const shifted = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
  };
}

/** The instant of a Vietnam wall-clock time. Out-of-range days roll over (day 0 is the previous month's last). */
export function vietnamInstant(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - VIETNAM_OFFSET_MS);
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');

/** ISO 8601 with Vietnam's offset, e.g. `2026-03-02T08:30:00+07:00`. */
export function toVietnamIso(instant: Date): string {
  const t = inVietnam(instant);
  return `${t.year}-${pad2(t.month)}-${pad2(t.day)}T${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}+07:00`;
}

/** The `yyMMdd` day of receipt used inside dossier codes. */
export function vietnamDayStamp(instant: Date): string {
  const t = inVietnam(instant);
  return `${pad2(t.year % 100)}${pad2(t.month)}${pad2(t.day)}`;
}
