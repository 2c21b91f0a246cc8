// The words the screening's structural rules (screening-rules.ts) look for, in English: kept
// apart from the rules so that each set can be read, and one day given per language.
import { skeleton } from './normalise';

const set = (...words: string[]) => new Set(words.map(skeleton));

/** Small words a 'phrase' entry may miss (aphasia drops them), when it has two others. */
export const SMALL_WORDS = set(
  'to',
  'of',
  'in',
  'the',
  'a',
  'an',
  'my',
  'i',
  'am',
  'be',
  'do',
  'it',
  'off',
  'that',
  'just',
  'so',
  'really',
  'is',
  'are',
);

export const NEGATIONS = set('not', 'never');

/**
 * Words that may stand between a negation and what it negates: "not going to", "never ever",
 * "no plans to". Anything else ("can not stop thinking about…") breaks the link.
 */
export const LINKING = set(
  'i',
  'you',
  'he',
  'she',
  'they',
  'we',
  'am',
  'is',
  'are',
  'be',
  'was',
  'were',
  'been',
  'do',
  'does',
  'did',
  'will',
  'would',
  'could',
  'can',
  'should',
  'shall',
  'might',
  'may',
  'ever',
  'really',
  'actually',
  'even',
  'just',
  'going',
  'to',
  'want',
  'wish',
  'plan',
  'plans',
  'planning',
  'any',
  'got',
  'have',
  'has',
  'had',
  'intention',
  'intentions',
  'thinking',
  'think',
  'of',
  'about',
  'mean',
  'trying',
  'try',
  'like',
  'feel',
  'feeling',
  'saying',
  'say',
  'so',
  'that',
  'at',
  'all',
  'intend',
  'ready',
  'the',
  'a',
  'slightest',
  'desire',
);

/** Verbs and helpers that, just before the words, put them in the past: "I felt like…". */
export const PAST_BEFORE = set(
  'was',
  'were',
  'felt',
  'thought',
  'used',
  'had',
  'wanted',
  'wished',
  'kept',
  'tried',
  'did',
  'prayed',
  'hoped',
);
export const PERFECT = set('have', 'has', 've');
/** Wishes, conditions and reports: "wish I had died", "if I killed myself", "said he wanted". */
export const IRREALIS = set('if', 'wish', 'would', 'could', 'should', 'hope', 'imagine');
export const REPORTING = set('say', 'says', 'said', 'tell', 'tells', 'told', 'saying', 'telling');

/** Word runs that place a sentence in the past. */
export const PAST_MARKERS: string[][] = [
  ['back', 'then'],
  ['at', 'the', 'time'],
  ['at', 'first'],
  ['years', 'ago'],
  ['months', 'ago'],
  ['last', 'year'],
  ['used', 'to'],
  ['early', 'days'],
  ['at', 'one', 'point'],
  ['those', 'days'],
  ['when', 'i', 'first'],
  ['in', 'the', 'beginning'],
  ['first', 'few'],
  ['first', 'year'],
  ['i', 'remember'],
  ['at', 'the', 'start'],
].map((run) => run.map(skeleton));
/** Words in the same clause that bring it back to now: "…and I still do". */
export const PRESENT_AGAIN = set('still', 'again', 'now', 'lately', 'nowadays');
/** A recent past is not history: an attempt last night is a crisis now. */
export const RECENT_WORDS = set('yesterday', 'tonight', 'today');
export const RECENT_MARKERS: string[][] = [
  ['last', 'night'],
  ['last', 'week'],
  ['this', 'morning'],
  ['this', 'afternoon'],
  ['this', 'evening'],
  ['this', 'week'],
  ['hours', 'ago'],
  ['hour', 'ago'],
  ['days', 'ago'],
  ['just', 'now'],
].map((run) => run.map(skeleton));

export const FIRST_PERSON = set('i', 'me', 'my', 'myself', 'mine');
export const SECOND_PERSON = set(
  'you',
  'your',
  'yourself',
  'yourselves',
  'we',
  'us',
  'our',
  'ourselves',
  'people',
  'anyone',
  'anybody',
  'someone',
  'somebody',
);
export const THIRD_PERSON = set(
  'he',
  'she',
  'they',
  'him',
  'her',
  'them',
  'his',
  'their',
  'himself',
  'herself',
  'themselves',
  'themself',
  'husband',
  'hubby',
  'wife',
  'partner',
  'boyfriend',
  'girlfriend',
  'mum',
  'mom',
  'mam',
  'mother',
  'dad',
  'father',
  'son',
  'daughter',
  'brother',
  'sister',
  'friend',
  'grandson',
  'granddaughter',
  'nan',
  'gran',
  'grandad',
  'grandma',
  'grandpa',
  'uncle',
  'aunt',
  'auntie',
  'neighbour',
  'man',
  'woman',
);
/** Pronouns inside the matched words say whom they are about: "killed her", "without me". */
export const INSIDE_FIRST = set('me', 'myself', 'my');
export const INSIDE_SECOND = set('yourself', 'you', 'your');
export const INSIDE_THIRD = set(
  'him',
  'her',
  'them',
  'himself',
  'herself',
  'themselves',
  'themself',
  'his',
  'their',
);

/** Stems of harm: only words that hold one can become a plan. */
export const HARM_STATE = set(
  'die',
  'dead',
  'death',
  'suicide',
  'suicidal',
  'live',
  'life',
  'alive',
);
export const HARM_ACTION = set('kill', 'end', 'hang', 'cut', 'jump', 'overdose', 'hurt', 'harm');
export const INTENT = set(
  'will',
  'plan',
  'planning',
  'planned',
  'decided',
  'decide',
  'intend',
  'ready',
);
export const TIME = set(
  'tonight',
  'tomorrow',
  'weekend',
  'midnight',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
);
/** Means and places: in or beside a sentence of thoughts, they make a plan. */
export const METHOD = set(
  'rope',
  'noose',
  'blade',
  'razor',
  'gun',
  'bridge',
  'cliff',
  'railway',
  'motorway',
  'overdose',
  'poison',
  'bleach',
  'knife',
  'knives',
  'ledge',
);
export const MEDICATION = set('pill', 'pills', 'insulin');
/** Medication counts as a means only with a hoard: "enough pills", "a whole box". */
export const HOARD = set('enough', 'whole', 'box', 'bottle', 'packet', 'stash', 'hundred');
export const FAREWELL = set('goodbye', 'farewell');

/** The writer, "you" or people in general, someone else; or someone else harmed by the writer. */
