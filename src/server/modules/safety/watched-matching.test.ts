import { describe, expect, it } from 'vitest';
import {
  compileWatched,
  findWatched,
  HIDDEN,
  hideWords,
  toPlainText,
  type WatchedEntry,
  watchedKey,
} from './watched-matching';

const list = (...entries: WatchedEntry[]) => compileWatched(entries);
const holds = (text: string, words: string) =>
  findWatched(text, list({ words, action: 'flag' })).flag.length > 0;

describe('watched words: finding them', () => {
  it('finds whole words in any case', () => {
    expect(holds('This is a SCAM.', 'scam')).toBe(true);
    expect(holds('Scam', 'scam')).toBe(true);
    expect(holds('a scam', 'SCAM')).toBe(true);
  });

  it('does not find a word inside another word', () => {
    expect(holds('I have scampi for tea', 'scam')).toBe(false);
    expect(holds('an antiscam tip', 'scam')).toBe(false);
    expect(holds('class', 'ass')).toBe(false);
    expect(holds('Scunthorpe', 'cunt')).toBe(false);
    expect(holds('scam2', 'scam')).toBe(false);
  });

  it('finds a word with punctuation beside it', () => {
    for (const text of [
      'scam!',
      '(scam)',
      '"scam"',
      'a scam, I think',
      'scam.',
      '…scam…',
      '**scam**',
      'scam’s',
      '#scam',
      'scam-free',
    ]) {
      expect(holds(text, 'scam'), text).toBe(true);
    }
  });

  it('takes a * at the end for any ending, from the start of a word only', () => {
    expect(holds('scammers everywhere', 'scam*')).toBe(true);
    expect(holds('He scammed me', 'scam*')).toBe(true);
    expect(holds('a scam', 'scam*')).toBe(true);
    expect(holds('antiscammer', 'scam*')).toBe(false);
    expect(holds('miracle cures!', 'miracle cure*')).toBe(true);
    expect(holds('miracle', 'miracle cure*')).toBe(false);
  });

  it('ignores accents, on either side', () => {
    expect(holds('Café crème', 'cafe creme')).toBe(true);
    expect(holds('cafe creme', 'café crème')).toBe(true);
    // An accent typed as its own character.
    expect(holds('cafe\u0301', 'cafe')).toBe(true);
    expect(holds('NAÏVE', 'naive')).toBe(true);
  });

  it('ignores repeated spaces and line breaks between the words', () => {
    expect(holds('buy    now', 'buy now')).toBe(true);
    expect(holds('buy\nnow', 'buy now')).toBe(true);
    expect(holds('buy\u00a0now', 'buy   now')).toBe(true);
    expect(holds('buy, now', 'buy now')).toBe(false);
    expect(holds('buy nowhere', 'buy now')).toBe(false);
  });

  it('is not fooled by invisible characters or wide letters', () => {
    expect(holds('sc\u200bam', 'scam')).toBe(true);
    expect(holds('ｓｃａｍ', 'scam')).toBe(true);
  });

  it('finds words in other scripts and with apostrophes', () => {
    expect(holds('Это СПАМ!', 'спам')).toBe(true);
    expect(holds('Это спамер', 'спам')).toBe(false);
    expect(holds('ΣΠΑΜΣ', 'σπαμς')).toBe(true);
    expect(holds('don’t buy', "don't buy")).toBe(true);
  });

  it('finds entries that end or start in punctuation', () => {
    expect(holds('I love c++ a lot', 'c++')).toBe(true);
    expect(holds('go to bit.ly/x', 'bit.ly')).toBe(true);
    expect(holds('go to bitxly', 'bit.ly')).toBe(false);
  });

  it('sorts what it finds by action, as the admin wrote each entry', () => {
    const found = findWatched(
      'BUY NOW: a Miracle Cure, no scam, darn it',
      list(
        { words: 'Buy now', action: 'hold' },
        { words: 'miracle cure', action: 'flag' },
        { words: 'scam*', action: 'block' },
        { words: 'darn', action: 'hide' },
        { words: 'absent', action: 'block' },
      ),
    );
    expect(found).toEqual({
      block: ['scam*'],
      hold: ['Buy now'],
      flag: ['miracle cure'],
      hide: ['darn'],
    });
  });

  it('finds the few entries a post holds among many', () => {
    const many = list(
      ...Array.from({ length: 500 }, (_, i) => ({
        words: i % 2 ? `thing${i} here` : `pre${i}*`,
        action: 'flag' as const,
      })),
      { words: 'zebra*', action: 'hide' },
      { words: '#tag', action: 'hold' },
    );
    expect(findWatched('A pre10xyz, thing11 here, Zebras and #tag.', many)).toEqual({
      block: [],
      hold: ['#tag'],
      flag: ['pre10*', 'thing11 here'],
      hide: ['zebra*'],
    });
    expect(findWatched('thing11 there, apre10, zebr', many).flag).toEqual([]);
  });

  it('finds nothing in empty words or with an empty list', () => {
    expect(findWatched('', list({ words: 'scam', action: 'block' })).block).toEqual([]);
    expect(findWatched('scam', list()).block).toEqual([]);
  });

  it('tells entries apart by their plain form', () => {
    expect(watchedKey('  Buy   NOW ')).toBe('buy now');
    expect(watchedKey('Café*')).toBe('cafe*');
    const twice = list({ words: 'Scam', action: 'block' }, { words: 'scam', action: 'flag' });
    expect(twice.entries).toHaveLength(1);
  });
});

describe('watched words: hiding them', () => {
  it('puts ■■■ in place of each match and keeps everything else exactly', () => {
    expect(hideWords('What a darn day. Darn!', ['darn'])).toBe(`What a ${HIDDEN} day. ${HIDDEN}!`);
    expect(hideWords('  Spaces  stay\n\nas they are, darn  ', ['darn'])).toBe(
      `  Spaces  stay\n\nas they are, ${HIDDEN}  `,
    );
  });

  it('hides the whole word a * matches, and only whole words', () => {
    expect(hideWords('Scammers scam; scampi is fine.', ['scam*'])).toBe(
      `${HIDDEN} ${HIDDEN}; ${HIDDEN} is fine.`,
    );
    expect(hideWords('Scammers scam; scampi is fine.', ['scam'])).toBe(
      `Scammers ${HIDDEN}; scampi is fine.`,
    );
  });

  it('hides words written with accents, keeping the letters around them', () => {
    expect(hideWords('Le café est là.', ['cafe'])).toBe(`Le ${HIDDEN} est là.`);
    // The accent typed as its own character goes with its letter.
    expect(hideWords('un cafe\u0301 noir', ['café'])).toBe(`un ${HIDDEN} noir`);
    expect(hideWords('émoji 😀 darn 😀', ['darn'])).toBe(`émoji 😀 ${HIDDEN} 😀`);
  });

  it('hides a phrase across repeated spaces as one', () => {
    expect(hideWords('Please buy   now, friends', ['buy now'])).toBe(`Please ${HIDDEN}, friends`);
    expect(hideWords('buy\nnow', ['buy now'])).toBe(HIDDEN);
  });

  it('hides overlapping entries once', () => {
    expect(hideWords('buy now please', ['buy now', 'now please'])).toBe(HIDDEN);
    expect(hideWords('buy now', ['buy now', 'now'])).toBe(HIDDEN);
  });

  it('changes nothing when nothing matches', () => {
    const text = 'A scampi supper, with **bold** words.';
    expect(hideWords(text, ['scam', 'words now'])).toBe(text);
    expect(hideWords(text, [])).toBe(text);
    expect(hideWords('', ['scam'])).toBe('');
  });

  it('keeps Markdown around a hidden word', () => {
    expect(hideWords('**darn** and _darn_', ['darn'])).toBe(`**${HIDDEN}** and _${HIDDEN}_`);
  });
});

describe('plain text', () => {
  it('traces every plain character to the original', () => {
    const plain = toPlainText('Ａ  é');
    expect(plain.text).toBe('a e');
    expect(plain.starts).toEqual([0, 1, 3]);
    expect(plain.ends).toEqual([1, 3, 4]);
  });
});
