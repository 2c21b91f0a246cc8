import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from '../locales/en';
import { enUS } from '../locales/en-US';

/** US English where the browser asks for it ("caregiver"); English (UK) otherwise ("carer"). */
function browserLanguage(): 'en' | 'en-US' {
  const asked =
    typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  const english = asked.find((l) => l.toLowerCase().startsWith('en'));
  return english?.toLowerCase() === 'en-us' ? 'en-US' : 'en';
}

void i18next.use(initReactI18next).init({
  lng: browserLanguage(),
  fallbackLng: 'en',
  resources: { en: { translation: en }, 'en-US': { translation: enUS } },
  interpolation: { escapeValue: false },
  returnObjects: false,
});

export default i18next;
