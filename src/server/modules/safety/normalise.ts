// Words as people write them after stroke, made comparable: lower case, no accents, no
// punctuation (but where sentences and clauses end is kept), contractions written out,
// repeated letters collapsed, common misspellings and shorthand put right, and each word
// given the stems it may stand for ("wanted" → want, past). Phrases of the list go through
// the same steps, so both sides meet.

/** How a word was bent from its stem: the screening reads a past tense as history. */
export type Inflection = 'past' | 's' | 'ing';

export interface TextToken {
  /** The word after spelling fixes ("tonite" → "tonight"), before stemming. */
  word: string;
  /** The word with repeated letters collapsed: what the rule word sets compare. */
  base: string;
  /** The forms it may match: itself, then its stems, each with how it was bent (null: not). */
  keys: Map<string, Inflection | null>;
  sentence: number;
  clause: number;
}

/** "kiiill" and "kill" and "kil" are one word: every run of a letter counts once. */
export function skeleton(word: string): string {
  return word.replace(/([a-z])\1+/g, '$1');
}

// Shorthand, misspellings and words without their apostrophe, each to what it stands for.
const spellings: Record<string, string> = {
  // contractions written without the apostrophe
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  cant: 'can not',
  cannot: 'can not',
  couldnt: 'could not',
  wont: 'will not',
  wouldnt: 'would not',
  shouldnt: 'should not',
  isnt: 'is not',
  wasnt: 'was not',
  arent: 'are not',
  werent: 'were not',
  havent: 'have not',
  hasnt: 'has not',
  aint: 'am not',
  im: 'i am',
  ive: 'i have',
  youre: 'you are',
  theyre: 'they are',
  thats: 'that is',
  whats: 'what is',
  theres: 'there is',
  wanna: 'want to',
  gonna: 'going to',
  gotta: 'got to',
  // "no" and "not" say the same thing to the screening; the lists are written with "not"
  no: 'not',
  nope: 'not',
  noone: 'not one',
  // shorthand
  u: 'you',
  ur: 'your',
  y: 'why',
  cos: 'because',
  coz: 'because',
  cuz: 'because',
  '2': 'to',
  '2nite': 'tonight',
  '2night': 'tonight',
  tonite: 'tonight',
  '2day': 'today',
  '2moro': 'tomorrow',
  '2morrow': 'tomorrow',
  tmrw: 'tomorrow',
  tmw: 'tomorrow',
  tomoz: 'tomorrow',
  anymore: 'any more',
  enuf: 'enough',
  kms: 'kill myself',
  kys: 'kill yourself',
  unalive: 'kill',
  // words aphasia and one-handed typing often shorten
  lif: 'life',
  lyf: 'life',
  liv: 'live',
  wan: 'want',
  wnt: 'want',
  wnat: 'want',
  ded: 'dead',
  sory: 'sorry',
  meself: 'myself',
  mysef: 'myself',
  myslef: 'myself',
  myslf: 'myself',
  self: 'myself',
  // tablets of every kind are one word to the screening (but not "my tablet", a computer)
  tablets: 'pills',
  tabs: 'pills',
  meds: 'pills',
  medication: 'pills',
  medicines: 'pills',
  capsules: 'pills',
  painkillers: 'pills',
  paracetamol: 'pills',
  codeine: 'pills',
  morphine: 'pills',
};

// Past forms that do not end in -ed, and the forms of "be": each to its stem.
const irregular: Record<string, [string, Inflection | null]> = {
  was: ['be', 'past'],
  were: ['be', 'past'],
  am: ['be', null],
  is: ['be', 's'],
  are: ['be', null],
  been: ['be', null],
  being: ['be', 'ing'],
  thought: ['think', 'past'],
  felt: ['feel', 'past'],
  had: ['have', 'past'],
  has: ['have', 's'],
  took: ['take', 'past'],
  taken: ['take', null],
  gave: ['give', 'past'],
  given: ['give', null],
  went: ['go', 'past'],
  gone: ['go', null],
  said: ['say', 'past'],
  told: ['tell', 'past'],
  did: ['do', 'past'],
  done: ['do', null],
  slept: ['sleep', 'past'],
  woke: ['wake', 'past'],
  hung: ['hang', 'past'],
  kept: ['keep', 'past'],
  got: ['get', 'past'],
  made: ['make', 'past'],
  wrote: ['write', 'past'],
  written: ['write', null],
  saw: ['see', 'past'],
  came: ['come', 'past'],
  knew: ['know', 'past'],
  bought: ['buy', 'past'],
  ran: ['run', 'past'],
  sat: ['sit', 'past'],
  drove: ['drive', 'past'],
  could: ['can', null],
};

/** Object pronouns stand in for "me" and "my" in the lists, so a carer's words match too. */
const otherPeoples: Record<string, string[]> = {
  himself: ['myself'],
  herself: ['myself'],
  themselves: ['myself'],
  themself: ['myself'],
  yourself: ['myself'],
  him: ['me'],
  them: ['me'],
  her: ['me', 'my'],
  his: ['my'],
  their: ['my'],
  your: ['my'],
};

const stemCache = new Map<string, Map<string, Inflection | null>>();

/** The forms a word may match, itself first: "wanted" → wanted, want (past), wante (past). */
export function wordKeys(word: string): Map<string, Inflection | null> {
  const cached = stemCache.get(word);
  if (cached) return cached;
  const keys = new Map<string, Inflection | null>();
  const add = (stem: string, how: Inflection | null) => {
    const key = skeleton(stem);
    if (key && !keys.has(key)) keys.set(key, how);
  };
  add(word, null);
  const known = irregular[word];
  if (known) add(known[0], known[1]);
  for (const other of otherPeoples[word] ?? []) add(other, null);
  const n = word.length;
  if (n >= 5 && word.endsWith('ied')) add(`${word.slice(0, -3)}y`, 'past');
  else if (n >= 4 && word.endsWith('ed') && !word.endsWith('eed')) {
    add(word.slice(0, -2), 'past');
    add(word.slice(0, -1), 'past');
  }
  if (n >= 5 && word.endsWith('ying')) add(`${word.slice(0, -4)}ie`, 'ing');
  if (n >= 6 && word.endsWith('ing')) {
    add(word.slice(0, -3), 'ing');
    add(`${word.slice(0, -3)}e`, 'ing');
  }
  if (n >= 4 && word.endsWith('ies')) add(`${word.slice(0, -3)}y`, 's');
  else if (n >= 4 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) {
    add(word.slice(0, -1), 's');
    if (word.endsWith('es')) add(word.slice(0, -2), 's');
  }
  if (word === 'tablet') add('pill', null);
  if (stemCache.size < 20_000) stemCache.set(word, keys);
  return keys;
}

const contraction =
  /\b(can'?t|won't|shan't|ain't)\b|n't\b|'(m|re|ve|ll|d)\b|\b(it|he|she|that|what|there|here|who|where)'s\b|'s?\b/g;
const whole: Record<string, string> = {
  "can't": 'can not',
  cant: 'can not',
  "won't": 'will not',
  "shan't": 'shall not',
  "ain't": 'am not',
};
const endings: Record<string, string> = {
  m: ' am',
  re: ' are',
  ve: ' have',
  ll: ' will',
  d: ' would',
};

/** Writes out contractions with apostrophes: "can't" → "can not", "I'm" → "I am". */
function expandContractions(text: string): string {
  if (!text.includes("'")) return text;
  return text.replace(contraction, (all, word?: string, ending?: string, pronoun?: string) => {
    if (word) return whole[word] ?? all;
    if (ending) return endings[ending] ?? '';
    if (pronoun) return `${pronoun} is`;
    return all === "n't" ? ' not' : '';
  });
}

// Where a sentence ends, and where a clause ends inside one; "but" turns a sentence round.
const SENTENCE_END = /^[.!?;\n]+$/;
const CLAUSE_WORDS = new Set(['but', 'however', 'although', 'though']);
const pieces = /[a-z0-9]+|[.!?;\n]+|[,:()\u2013\u2014]+|\s-\s/g;

type Word = Pick<TextToken, 'word' | 'base' | 'keys'>;
const wordCache = new Map<string, Word[]>();

/** The words one written piece stands for ("dont" → do, not), each with its keys. */
function wordsOf(piece: string): Word[] {
  const cached = wordCache.get(piece);
  if (cached) return cached;
  const fixed = spellings[piece] ?? spellings[skeleton(piece)] ?? piece;
  const words = fixed
    .split(' ')
    .map((word) => ({ word, base: skeleton(word), keys: wordKeys(word) }));
  if (wordCache.size < 20_000) wordCache.set(piece, words);
  return words;
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** Lower case, without accents, with straight apostrophes: "Café’s" → "cafe's". */
export function plainLetters(text: string): string {
  const lower = text.toLowerCase();
  // Only text with letters outside ASCII needs its accents and curly quotes put plain.
  if (isAscii(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'");
}

/** The words of a text, each knowing its sentence and clause. */
export function tokenise(text: string): TextToken[] {
  const plain = expandContractions(plainLetters(text));
  const tokens: TextToken[] = [];
  let sentence = 0;
  let clause = 0;
  let open = false;
  pieces.lastIndex = 0;
  for (let found = pieces.exec(plain); found; found = pieces.exec(plain)) {
    const piece = found[0];
    const first = piece.charCodeAt(0);
    const isWord = (first >= 97 && first <= 122) || (first >= 48 && first <= 57);
    if (!isWord) {
      if (!open) continue;
      if (SENTENCE_END.test(piece)) sentence++;
      clause++;
      open = false;
      continue;
    }
    if (CLAUSE_WORDS.has(piece)) {
      if (open) clause++;
      open = false;
      continue;
    }
    for (const w of wordsOf(piece)) {
      tokens.push({ word: w.word, base: w.base, keys: w.keys, sentence, clause });
    }
    open = true;
  }
  return tokens;
}
