// US English: the same words as English (UK), with "caregiver" where the UK says
// "carer". Made from the English strings, so the two never drift apart; i18next
// falls back to English for anything this leaves out.
import { en } from '../en';

type Strings = { [key: string]: string | Strings };

/** "carer" → "caregiver", keeping capitals, plurals and possessives ("Carers'" → "Caregivers'"). */
export function toUsWords(text: string): string {
  return text.replace(/\b([Cc])arer(s?)\b/g, (_, c: string, s: string) => `${c}aregiver${s}`);
}

function onlyChanged(strings: Strings): Strings {
  const out: Strings = {};
  for (const [key, value] of Object.entries(strings)) {
    if (typeof value === 'string') {
      const us = toUsWords(value);
      if (us !== value) out[key] = us;
    } else {
      const inner = onlyChanged(value);
      if (Object.keys(inner).length > 0) out[key] = inner;
    }
  }
  return out;
}

export const enUS = onlyChanged(en as unknown as Strings);
