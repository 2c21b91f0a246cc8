import i18next, { type TFunction } from 'i18next';
import { en } from '../../locales/en';

export const supportedLanguages = ['en'] as const;

const instance = i18next.createInstance();
await instance.init({
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...supportedLanguages],
  resources: { en: { translation: en } },
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** The server's translator. Every string a person reads goes through it. */
export function translator(language?: string): TFunction {
  const lng = pickLanguage(language);
  return instance.getFixedT(lng);
}

/** Picks the best language we have from an Accept-Language header. */
export function pickLanguage(header?: string): string {
  if (!header) return 'en';
  for (const part of header.split(',')) {
    const code = part.split(';')[0]?.trim().toLowerCase().slice(0, 2);
    if (code && (supportedLanguages as readonly string[]).includes(code)) return code;
  }
  return 'en';
}

export const t = translator('en');
export function hasKey(key: string): boolean {
  return instance.exists(key, { lng: 'en' });
}
