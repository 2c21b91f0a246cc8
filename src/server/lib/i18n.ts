import i18next, { type TFunction } from 'i18next';
import { en } from '../../locales/en';
import { enUS } from '../../locales/en-US';

export const supportedLanguages = ['en', 'en-US'] as const;

const instance = i18next.createInstance();
await instance.init({
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...supportedLanguages],
  resources: { en: { translation: en }, 'en-US': { translation: enUS } },
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The server's translator. Every string a person reads goes through it. */
export function translator(language?: string): TFunction {
  const lng = pickLanguage(language);
  return instance.getFixedT(lng);
}

/** Picks the best language we have from an Accept-Language header ("en-US" says "caregiver"). */
export function pickLanguage(header?: string): string {
  if (!header) return 'en';
  for (const part of header.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag === 'en-us') return 'en-US';
    if (tag.slice(0, 2) === 'en') return 'en';
  }
  return 'en';
}

export const t = translator('en');
export function hasKey(key: string): boolean {
  return instance.exists(key, { lng: 'en' });
}
