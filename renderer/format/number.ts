/** Numbers as the citizen reads them: the language's own separators and percent sign ("92%" in vi-VN, "92%" in en-GB). */
import { locales, type Language } from '../i18n';

export function formatPercent(share: number, language: Language): string {
  return new Intl.NumberFormat(locales[language], { style: 'percent' }).format(share);
}
