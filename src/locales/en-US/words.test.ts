import { describe, expect, it } from 'vitest';
import { en } from '../en';
import { enUS, toUsWords } from '.';

type Strings = { [key: string]: string | Strings };

function allStrings(strings: Strings, path = ''): [string, string][] {
  return Object.entries(strings).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${path}${key}`, value]] : allStrings(value, `${path}${key}.`),
  );
}

describe('one word for carers, per locale', () => {
  it('English (UK) says "carer", never "caregiver", in what people read', () => {
    const mixed = allStrings(en as unknown as Strings).filter(([, text]) =>
      /caregiver/i.test(text),
    );
    expect(mixed).toEqual([]);
  });

  it('US English says "caregiver" wherever English says "carer"', () => {
    const us = new Map(allStrings(enUS));
    const carerStrings = allStrings(en as unknown as Strings).filter(([, text]) =>
      /\bcarers?\b/i.test(text),
    );
    expect(carerStrings.length).toBeGreaterThan(5);
    for (const [key, text] of carerStrings) {
      expect(us.get(key), key).toBe(toUsWords(text));
      expect(us.get(key), key).not.toMatch(/\bcarers?\b/i);
    }
  });

  it('keeps capitals, plurals and possessives', () => {
    expect(toUsWords("Carers' corner")).toBe("Caregivers' corner");
    expect(toUsWords("A carer's assessment")).toBe("A caregiver's assessment");
    expect(toUsWords('For carers and family')).toBe('For caregivers and family');
    expect(toUsWords('Scarers')).toBe('Scarers');
  });
});
