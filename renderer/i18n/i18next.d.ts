// Typed translation keys: t('…') with a key missing from the catalogue fails the typecheck.
import type { Catalogue } from './vi';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
  }
}
