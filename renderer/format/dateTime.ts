/** Dates as the citizen reads them: the language's own format, always in Vietnam's time zone. */
import { locales, type Language } from '../i18n';

const kioskTimeZone = 'Asia/Ho_Chi_Minh';

/** "27/10/2023 14:30"-style date and time of an ISO instant, e.g. `14:30 27/10/2023` in vi-VN. */
export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], {
    timeZone: kioskTimeZone,
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}
