/** The renderer's i18next instance: Vietnamese first, English second, both catalogues bundled (no requests). */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { vi } from './vi';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'vi';

/** BCP 47 locale for dates and numbers in each language. */
export const locales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

export function createKioskI18n(language: Language = defaultLanguage): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { vi: { translation: vi }, en: { translation: en } },
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: [...languages],
    // React escapes what it renders; escaping here too would show '&amp;' in procedure names.
    interpolation: { escapeValue: false },
    // Resources are bundled: initialise synchronously so the first render already has its texts.
    initAsync: false,
  });
  return instance;
}

export function languageOf(instance: i18n): Language {
  return instance.language === 'en' ? 'en' : 'vi';
}
