// Personal details in a post: a phone number, an email address or a street address (UK and
// US shapes). The writer is warned before posting, never stopped (SAFETY.md), so a miss is
// better than a warning on every date, dose or time: each shape is checked, not guessed.
import type { PersonalDetailKind } from '../../../contract/safety';

/** Runs of digits with the separators people put in phone numbers, maybe after a +. */
const phoneLike = /(?<![\w+@/.:£$€-])\+?\(?\d[\d ().-]{6,22}\d(?![\w@/:%]|\.\d)/g;

/** True when the digits (and how they were written) make a UK, US or international number. */
function isPhoneNumber(written: string): boolean {
  // One separator between groups; two dots or a dot and a space is a list of times.
  if (/[.-]{2}|\s{2}|\.\s|\s\./.test(written)) return false;
  // The (0) of "+44 (0)20" is not dialled from abroad.
  const groups = written
    .replace(/^\+/, '')
    .replace(/\(0\)/, ' ')
    .split(/[ ().-]+/)
    .filter(Boolean);
  const digits = groups.join('');
  const sizes = groups.map((g) => g.length);
  if (written.startsWith('+')) {
    if (digits.startsWith('44')) return /^44[1-9]\d{8,9}$/.test(digits);
    if (digits.startsWith('1')) return /^1[2-9]\d{9}$/.test(digits);
    return digits.length >= 8 && digits.length <= 15;
  }
  // Single-digit groups are lists of numbers ("1 2 3 4"), not phone numbers.
  if (sizes.slice(1).some((n) => n === 1)) return false;
  if (digits.startsWith('0044')) return /^0044[1-9]\d{8,9}$/.test(digits);
  // UK: 0 and 9 or 10 more digits (01, 02, 03, 07, 08): 020 7946 0958, 07700 900123.
  if (digits.startsWith('0')) return /^0[1-9]\d{8,9}$/.test(digits);
  // US: grouped 3-3-4, maybe after a 1: (555) 123-4567, 1-800-555-0199. Ten digits in a
  // row are as likely an order or reference number.
  const grouped = sizes.join('-');
  if (grouped === '3-3-4') return /^[2-9]/.test(digits);
  if (grouped === '1-3-3-4') return /^1[2-9]/.test(digits);
  return false;
}

function hasPhone(text: string): boolean {
  for (const [written] of text.matchAll(phoneLike)) {
    if (isPhoneNumber(written.trim())) return true;
  }
  return false;
}

const email = /[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}/i;
/** "sam dot jones at gmail dot com", written so a filter would not see it. */
const spelledEmail =
  /\b[a-z0-9._-]+\s*(?:\(at\)|\[at\]|\sat\s)\s*[a-z0-9-]+\s*(?:\(dot\)|\[dot\]|\sdot\s)\s*(?:com|net|org|co\s*(?:\.|dot)\s*uk|uk|edu|gov|me|info)\b/i;

const streetTypes = [
  'street',
  'st',
  'road',
  'rd',
  'avenue',
  'ave',
  'lane',
  'ln',
  'drive',
  'close',
  'crescent',
  'court',
  'ct',
  'place',
  'grove',
  'gardens',
  'terrace',
  'boulevard',
  'blvd',
  'mews',
  'square',
  'way',
  'parade',
  'row',
  'walk',
  'hill',
  'park',
].join('|');
/** A house number (maybe with a letter or a flat), one to three name words, a street type. */
const streetAddress = new RegExp(
  `\\b(\\d{1,5}[a-z]?)[ ,]+((?:[a-z][a-z'.-]*\\s+){1,3})(?:${streetTypes})\\b\\.?`,
  'gi',
);
/** Words that follow a number when it is a count, a dose or a time, not a house. */
const notStreetNames = new Set([
  'the',
  'a',
  'an',
  'my',
  'our',
  'your',
  'his',
  'her',
  'their',
  'of',
  'to',
  'in',
  'on',
  'at',
  'up',
  'down',
  'and',
  'or',
  'all',
  'for',
  'into',
  'along',
  'around',
  'round',
  'across',
  'past',
  'times',
  'days',
  'weeks',
  'months',
  'years',
  'hours',
  'minutes',
  'miles',
  'mile',
  'yards',
  'metres',
  'meters',
  'feet',
  'steps',
  'laps',
  'mg',
  'ml',
  'kg',
  'pm',
  'am',
  'pills',
  'tablets',
  'people',
  'more',
  'other',
  'little',
  'long',
  'short',
  'slow',
  'quick',
  'nice',
  'lovely',
  'good',
  'bad',
]);

function hasStreet(text: string): boolean {
  for (const match of text.matchAll(streetAddress)) {
    const names = (match[2] ?? '').trim().toLowerCase().split(/\s+/);
    if (names.some((name) => notStreetNames.has(name.replace(/[.'-]/g, '')))) continue;
    return true;
  }
  return false;
}

/** UK postcodes: "LS1 3AB", "SW1A 1AA"; the last two letters never use C, I, K, M, O or V. */
const ukPostcode = /\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s?\d[ABD-HJLNP-UW-Z]{2}\b/i;
const usStates =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY';
/** A state's two capitals and a ZIP code: "Springfield, IL 62704", "NY 10001-1234". */
const usZip = new RegExp(`(?:^|[\\s,])(?:${usStates}),?\\s+\\d{5}(?:-\\d{4})?\\b`);
const poBox = /\b(?:p\.?\s?o\.?\s?box|post office box)\s*\d+/i;

function hasAddress(text: string): boolean {
  return hasStreet(text) || ukPostcode.test(text) || usZip.test(text) || poBox.test(text);
}

/** The kinds of personal details some words hold, in the order phone, email, address. */
export function personalDetails(text: string): PersonalDetailKind[] {
  const found: PersonalDetailKind[] = [];
  if (hasPhone(text)) found.push('phone');
  if (email.test(text) || spelledEmail.test(text)) found.push('email');
  if (hasAddress(text)) found.push('address');
  return found;
}
