/** Dates as the citizen reads them: the language's own format, always in Vietnam's time zone. */
import { locales, type Language } from '../i18n';

const kioskTimeZone = 'Asia/Ho_Chi_Minh';

// Building an Intl.DateTimeFormat with a time zone is slow (ICU sets up the locale and zone for each one), and the
// status screen formats up to a dozen dates as it first renders after a scan: one formatter per language, kept.
const formatters = new Map<Language, Intl.DateTimeFormat>();

function formatterFor(language: Language): Intl.DateTimeFormat {
  let formatter = formatters.get(language);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(locales[language], {
      timeZone: kioskTimeZone,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(language, formatter);
  }
  return formatter;
}

/** "27/10/2023 14:30"-style date and time of an ISO instant, e.g. `14:30 27/10/2023` in vi-VN. */
export function formatDateTime(iso: string, language: Language): string {
  return formatterFor(language).format(new Date(iso));
}
