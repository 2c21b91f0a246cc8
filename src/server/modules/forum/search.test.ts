import { describe, expect, it } from 'vitest';
import { editDistance, prefixQuery, rankCorrections, searchWords } from './search';

describe('the words of a search', () => {
  it('keeps letters, digits and marks only, lower-cased, at most 8, no repeats', () => {
    expect(searchWords("Tired' | 'x:* & !(walk) <-> \\ 2024")).toEqual([
      'tired',
      'x',
      'walk',
      '2024',
    ]);
    expect(searchWords('Café naïve Ärger')).toEqual(['café', 'naïve', 'ärger']);
    expect(searchWords('!! ?? --')).toEqual([]);
    expect(searchWords('a b c d e f g h i j')).toHaveLength(8);
    expect(searchWords('Sleep sleep SLEEP')).toEqual(['sleep']);
  });

  it('matches the start of each word of 3 letters or more; shorter ones whole', () => {
    expect(prefixQuery(['tired', 'after', 'walking'])).toBe("'tired':* & 'after':* & 'walking':*");
    expect(prefixQuery(['tv', 'time'])).toBe("'tv' & 'time':*");
  });
});

describe('corrections', () => {
  it('counts a swap of two letters as one edit', () => {
    expect(editDistance('tierd', 'tired')).toBe(1);
    expect(editDistance('speach', 'speech')).toBe(1);
    expect(editDistance('speach', 'reach')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('prefers few edits and the same first letter over trigram similarity alone', () => {
    const near = [
      { word: 'peach', similarity: 0.44 },
      { word: 'reach', similarity: 0.44 },
      { word: 'speech', similarity: 0.4 },
      { word: 'spaceship', similarity: 0.2 },
    ];
    expect(rankCorrections('speach', near)).toEqual(['speech', 'peach', 'reach']);
    expect(rankCorrections('speech', [{ word: 'speech', similarity: 1 }])).toEqual([]);
  });
});
