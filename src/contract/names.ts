// Display names: what is removed from them and which are refused. Plain functions with
// no zod, so the server (on every write and every read) and the web app share them.

/**
 * Characters that show nothing, or that turn the text around them (bidi
 * controls): every format character (\p{Cf}: U+00AD, U+061C, U+180E,
 * U+200B–200F, U+202A–202E, U+2060–2064, U+2066–2069, U+FEFF, tags...) and
 * the blank letters and joiners that are not in that class.
 */
const invisible =
  /\p{Cf}|[\u115F\u1160\u180E\u2800\u3164\uFFA0]|\u034F|\u17B4|\u17B5|[\u180B-\u180D\u180F]|[\uFE00-\uFE0F]|[\u{E0100}-\u{E01EF}]/gu;
/** Every kind of space, line and paragraph break becomes one plain space. */
const oddSpace = /[\s\u2028\u2029]+/gu;

/** The name with invisible and direction-changing characters taken out and spaces tidied. */
export function cleanDisplayName(name: string): string {
  return name.normalize('NFC').replace(invisible, '').replace(oddSpace, ' ').trim();
}

// Letters that look like Latin ones (Cyrillic, Greek) and digits used as letters.
const lookAlikes: Record<string, string> = {
  а: 'a',
  в: 'b',
  д: 'd',
  е: 'e',
  ё: 'e',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  ԁ: 'd',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  μ: 'm',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '|': 'i',
  '!': 'i',
};

/** Whole words that name a staff role. */
const staffWords = new Set([
  'admin',
  'admins',
  'administrator',
  'administrators',
  'mod',
  'mods',
  'moderator',
  'moderators',
  'moderation',
  'staff',
  'sysop',
  'official',
]);
/** Found anywhere, even with the letters spaced or dotted apart ("M.o.d.e.r.a.t.o.r"). */
const staffRuns = ['moderator', 'moderation', 'administrator', 'sysadmin', 'sysop'];
/** Teams that speak for the site. */
const teamWords = new Set(['team', 'crew', 'support', 'helpdesk', 'safety', 'official', 'staff']);

/** The name reduced to plain lower-case Latin letters, digits and spaces, for comparing. */
function comparable(name: string): string {
  return [...cleanDisplayName(name).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()]
    .map((c) => lookAlikes[c] ?? c)
    .join('')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Does this name look like it belongs to Been There's staff ("Ivy (moderator)",
 * "Admin", "Moderator Team", "Been There staff")? It is checked after cleaning,
 * so hidden characters inside a word ("Mod\u200Berator") do not get it past.
 */
export function isStaffLikeName(name: string): boolean {
  const plain = comparable(name);
  const words = plain.split(' ').filter(Boolean);
  if (words.some((w) => staffWords.has(w))) return true;
  const run = words.join('');
  if (staffRuns.some((s) => run.includes(s))) return true;
  const namesTheSite = run.includes('beenthere');
  if (namesTheSite && words.some((w) => teamWords.has(w))) return true;
  // "Been There" alone, as the whole name, speaks for the site too.
  return run === 'beenthere';
}
