import { useTranslation } from 'react-i18next';
import { languageOf, languages } from '../i18n';

/** One button per language, each named in its own language, on every screen. */
export function LanguageSwitch(): React.JSX.Element {
  const { t, i18n } = useTranslation();
  const current = languageOf(i18n);
  return (
    <div className="language-switch" role="group" aria-label={t('language.switchLabel')}>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="button button--language"
          aria-pressed={language === current}
          onClick={() => void i18n.changeLanguage(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
