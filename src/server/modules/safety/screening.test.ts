import { describe, expect, it } from 'vitest';
import { type ScreeningTier, screeningTiers } from '../../../contract/safety';
import { seededPhrases } from './phrases.data';
import { compilePhrases, type PhraseEntry, phraseProblem, screenText } from './screening';
import { type LabelledSentence, screeningSet, unseenSet } from './screening-set';

const english = compilePhrases(
  seededPhrases.en!.map((p, i) => ({ id: `en-${i}`, text: p.text, tier: p.tier, match: p.match })),
);
const tierOf = (text: string) => screenText(text, english).tier;

/** Precision and recall per tier, and for "opens a case" (medium or high). */
function measure(set: LabelledSentence[]) {
  const got = set.map((s) => ({ ...s, got: tierOf(s.text) }));
  const score = (wanted: (t: ScreeningTier) => boolean) => {
    const expected = got.filter((s) => wanted(s.tier)).length;
    const predicted = got.filter((s) => wanted(s.got)).length;
    const right = got.filter((s) => wanted(s.tier) && wanted(s.got)).length;
    return {
      expected,
      predicted,
      precision: predicted ? right / predicted : 1,
      recall: expected ? right / expected : 1,
    };
  };
  const tiers = Object.fromEntries(screeningTiers.map((t) => [t, score((x) => x === t)]));
  const opensCase = score((t) => t === 'medium' || t === 'high');
  const ordinary = got.filter((s) => s.tier === 'none');
  const falseCases = ordinary.filter((s) => s.got === 'medium' || s.got === 'high');
  return { got, tiers, opensCase, falseCaseRate: falseCases.length / ordinary.length };
}

function table(title: string, m: ReturnType<typeof measure>): string {
  const pct = (n: number) => `${(n * 100).toFixed(0)}%`.padStart(5);
  const rows = [
    ...screeningTiers.map((t) => [t, m.tiers[t]!] as const),
    ['medium+high', m.opensCase] as const,
  ].map(
    ([name, s]) =>
      `| ${name.padEnd(11)} | ${String(s.expected).padStart(8)} | ${String(s.predicted).padStart(9)} | ${pct(s.precision)} | ${pct(s.recall)} |`,
  );
  const wrong = m.got
    .filter((s) => s.got !== s.tier)
    .map((s) => `  ${s.tier} → ${s.got} (${s.category}): ${s.text}`);
  return [
    `${title}: ${m.got.length} sentences, ${m.got.length - wrong.length} right`,
    '| tier        | expected | predicted | prec. | recall |',
    '| ----------- | -------- | --------- | ----- | ------ |',
    ...rows,
    `ordinary sentences that would open a case: ${pct(m.falseCaseRate).trim()}`,
    ...(wrong.length ? ['wrong:', ...wrong] : []),
  ].join('\n');
}

describe('the labelled set', () => {
  it('has at least 150 sentences, most of them ordinary, and every category', () => {
    expect(screeningSet.length).toBeGreaterThanOrEqual(150);
    const ordinary = screeningSet.filter((s) => s.category === 'ordinary').length;
    expect(ordinary / screeningSet.length).toBeGreaterThan(0.4);
    const categories = new Set(screeningSet.map((s) => s.category));
    for (const c of ['figurative', 'past', 'negation', 'third-person', 'aphasic', 'plan']) {
      expect(categories, c).toContain(c);
    }
  });

  it('is screened with high recall and few false cases', () => {
    const m = measure(screeningSet);
    const unseen = measure(unseenSet);
    console.log(
      `${table('Labelled set (the list was tuned on it)', m)}\n\n${table('Unseen set (not tuned on)', unseen)}`,
    );
    // Missing a plan is the worst error: a person may be about to act.
    expect(m.tiers.high!.recall).toBeGreaterThanOrEqual(0.95);
    // Only medium and high open cases. Real posts are far more often ordinary than this set,
    // so a case must usually be worth a moderator's time: at least 4 in 5 should be, and
    // no more than 1 ordinary sentence in 50 may open one.
    expect(m.opensCase.precision).toBeGreaterThanOrEqual(0.8);
    expect(m.falseCaseRate).toBeLessThanOrEqual(0.02);
    // Whatever else happens, medium and high thoughts are not missed for "none".
    const worrying = m.got.filter((s) => s.tier === 'medium' || s.tier === 'high');
    expect(worrying.filter((s) => s.got === 'none').map((s) => s.text)).toEqual([]);
  });
});

describe('screenText', () => {
  it('finds nothing in ordinary words, or an empty text', () => {
    expect(screenText('', english)).toEqual({ tier: 'none', matches: [] });
    expect(tierOf('Physio went well, I walked to the gate.')).toBe('none');
  });

  it('reads figures of speech as none, and a self-reproach as low', () => {
    expect(tierOf('This fatigue is killing me.')).toBe('none');
    expect(tierOf('I could kill for a coffee.')).toBe('none');
    expect(tierOf('I want to die of embarrassment when I drool.')).toBe('none');
    expect(tierOf('I could kill myself for forgetting.')).toBe('low');
  });

  it('lets a longer entry that holds a figure of speech count ("give up on life")', () => {
    expect(tierOf('I want to give up on physio.')).toBe('none');
    expect(tierOf('I want to give up on life.')).toBe('medium');
  });

  it('reads history as low, unless it is recent or still so', () => {
    expect(tierOf('After my stroke I wanted to die, now I am glad I am here.')).toBe('low');
    expect(tierOf('I was suicidal in hospital.')).toBe('low');
    expect(tierOf('Back then, I thought about ending it all.')).toBe('low');
    expect(tierOf('I tried to kill myself last night.')).toBe('medium');
    expect(tierOf('I wanted to die and I still want to die.')).toBe('medium');
    // "have had" goes on until now; "wish I had died" is a wish, not history.
    expect(tierOf('I have had suicidal thoughts for weeks.')).toBe('medium');
    expect(tierOf('I wish I had died.')).toBe('medium');
  });

  it('drops what a negation reaches, but not past a word like "stop"', () => {
    expect(tierOf('I would never hurt myself.')).toBe('none');
    expect(tierOf("I don't want to die.")).toBe('none');
    expect(tierOf('I have no plans to end my life.')).toBe('none');
    expect(tierOf('I am not a burden.')).toBe('none');
    expect(tierOf('Killing myself has never crossed my mind.')).toBe('none');
    expect(tierOf("I can't stop thinking about killing myself.")).toBe('medium');
    expect(tierOf("I don't know why I want to die.")).toBe('medium');
  });

  it('keeps a carer’s report of someone else at its tier, and says so', () => {
    const thoughts = screenText('My husband says he wants to give up.', english);
    expect(thoughts.tier).toBe('medium');
    expect(thoughts.matches[0]?.rules).toContain('third-person');
    expect(tierOf('Mum says she wishes the stroke had killed her.')).toBe('medium');
    expect(tierOf('My dad says he will hang himself.')).toBe('high');
  });

  it('reads words to "you" or people in general as low, and harm to others as none', () => {
    expect(tierOf('If you ever feel like ending it all, call 116 123.')).toBe('low');
    expect(tierOf('By the time you read this I will be gone.')).toBe('high');
    expect(tierOf('I am better off without him.')).toBe('none');
    expect(tierOf('Has anyone else wanted to die after a stroke?')).toBe('medium');
  });

  it('understands aphasic writing, misspellings, shorthand and repeated letters', () => {
    expect(tierOf('no want live more')).toBe('medium');
    expect(tierOf('tired of lif')).toBe('medium');
    expect(tierOf('want die')).toBe('medium');
    expect(tierOf('i wanna diiiie')).toBe('medium');
    expect(tierOf('I feel sucidal')).toBe('medium');
    expect(tierOf('Im gonna kms')).toBe('high');
    expect(tierOf('I dont want to live')).toBe('medium');
  });

  it('makes thoughts a plan with intent, a time for an act, or a means nearby', () => {
    expect(tierOf('I want to kill myself.')).toBe('medium');
    expect(tierOf('I am going to kill myself.')).toBe('high');
    expect(tierOf('I will end my life.')).toBe('high');
    expect(tierOf('I want to end it all tonight.')).toBe('high');
    expect(tierOf('I want to die. I have enough pills.')).toBe('high');
    expect(tierOf('I want to die. There is a bridge near me.')).toBe('high');
    // A time alone does not make a feeling a plan; pills without a hoard are not a means.
    expect(tierOf('I feel suicidal tonight.')).toBe('medium');
    expect(tierOf('I want to die, my pills make me sick.')).toBe('medium');
    // Words of giving up with no harm in them do not become plans.
    expect(tierOf('I want to give up, physio again tomorrow.')).toBe('medium');
  });

  it('finds plans written as a list entry, in order or in any order', () => {
    expect(tierOf('I have saved my pills and will take them tonight.')).toBe('high');
    expect(tierOf('tablets all saved')).toBe('high');
    expect(tierOf('pills tonite take all')).toBe('high');
    expect(tierOf('sorry everyone. goodbye. bridge tonight.')).toBe('high');
  });

  it('says which entry matched and which rules changed its tier', () => {
    const list = compilePhrases([
      { id: 'a', text: 'want to die', tier: 'medium', match: 'phrase' },
      { id: 'b', text: 'dying for a', tier: 'none', match: 'figurative' },
    ]);
    expect(screenText('Back then I wanted to die.', list)).toEqual({
      tier: 'low',
      matches: [{ tier: 'low', phraseTier: 'medium', phraseId: 'a', rules: ['past'] }],
    });
    expect(screenText('I am dying for a cup of tea.', list).matches).toEqual([]);
  });

  it('matches each kind of entry as its kind says', () => {
    const entries: PhraseEntry[] = [
      { id: 'phrase', text: 'want to end it', tier: 'medium', match: 'phrase' },
      { id: 'exact', text: 'end it all', tier: 'medium', match: 'exact' },
      { id: 'words', text: 'rope ready', tier: 'high', match: 'words' },
    ];
    const list = compilePhrases(entries);
    const ids = (text: string) => screenText(text, list).matches.map((m) => m.phraseId);
    // Small words may be missing in the middle, and a couple of others may come between.
    expect(ids('I just want end it')).toEqual(['phrase']);
    expect(ids('I want so badly to end it')).toEqual(['phrase']);
    // The last word always counts.
    expect(ids('I want to end the call')).toEqual([]);
    expect(ids('at the end of it all')).toEqual([]);
    expect(ids('ending it all')).toEqual(['exact']);
    expect(ids('The rope is ready.')).toEqual(['words']);
    expect(ids('Ready? The rope.')).toEqual([]);
  });

  it('refuses entries it cannot use', () => {
    expect(phraseProblem('...')).toBe('safety.fields.text.noWords');
    expect(phraseProblem('one two three four five six seven eight nine ten eleven')).toBe(
      'safety.fields.text.tooManyWords',
    );
    expect(phraseProblem('want to die')).toBeNull();
  });

  it('is fast on a long message (reported, not asserted)', () => {
    const sentence =
      'Some days are hard and the fatigue is killing me, but physio helps and my wife is kind. ';
    const repetitive = sentence.repeat(Math.ceil(5000 / sentence.length)).slice(0, 5000);
    // Every sentence of the set, one after another: many matches, misspellings, rules.
    const varied = screeningSet
      .map((s) => s.text)
      .join(' ')
      .slice(0, 5000);
    const runs = 500;
    const timings = [repetitive, varied].map((text) => {
      for (let i = 0; i < 50; i++) screenText(text, english);
      const started = performance.now();
      for (let i = 0; i < runs; i++) screenText(text, english);
      return ((performance.now() - started) / runs).toFixed(3);
    });
    console.log(
      `screening 5,000 characters with ${english.size} entries: ${timings[0]} ms (one sentence over and over), ${timings[1]} ms (the labelled set), mean of ${runs} runs`,
    );
    expect(screenText(`${repetitive.slice(0, 4950)} I want to die.`, english).tier).toBe('medium');
  });
});
