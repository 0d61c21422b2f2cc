/** Numbers as the citizen reads them: the language's own separators and percent sign ("92%" in vi-VN, "92%" in en-GB). */
import { locales, type Language } from '../i18n';

export function formatPercent(share: number, language: Language): string {
  return new Intl.NumberFormat(locales[language], { style: 'percent' }).format(share);
}

/**
 * An amount in dong as the citizen reads it: "1.250.000 ₫" in vi-VN, "VND 1,250,000" in en-GB (the code, not the
 * sign, which few foreign readers know). Dong have no minor unit.
 */
export function formatVnd(amount: number, language: Language): string {
  return new Intl.NumberFormat(locales[language], {
    style: 'currency',
    currency: 'VND',
    currencyDisplay: language === 'vi' ? 'symbol' : 'code',
    maximumFractionDigits: 0,
  }).format(amount);
}
