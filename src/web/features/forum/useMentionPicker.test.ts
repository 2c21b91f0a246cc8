import { describe, expect, it } from 'vitest';
import { renderPost } from '../../../server/lib/markdown';
import { markdownToSpeech } from './markdown-preview';
import { mentionAt, mentionMarkdown } from './useMentionPicker';

const at = (typed: string) => mentionAt(typed, typed.length);

describe('mentionAt: the "@" word just before the caret', () => {
  it('starts with two letters after "@", at the start or after a space', () => {
    expect(at('@m')).toBeNull();
    expect(at('@ma')).toEqual({ start: 0, end: 3, query: 'ma' });
    expect(at('Thank you @Mar')).toEqual({ start: 10, end: 14, query: 'Mar' });
    expect(at('Thank you\n@Mar')?.query).toBe('Mar');
    expect(at('(@Mar')?.query).toBe('Mar');
  });

  it('takes a whole name with single spaces, letters of any alphabet and digits', () => {
    expect(at('@Maria Lo')?.query).toBe('Maria Lo');
    expect(at('@Маріа')?.query).toBe('Маріа');
    expect(at('@100% Sam')?.query).toBe('100% Sam');
  });

  it('starts nothing in an email address, a made mention, or after a space or a new line', () => {
    expect(at('mail me at ann@example')).toBeNull();
    expect(at('[@Maria Lo')).toBeNull();
    expect(at('@ maria')).toBeNull();
    expect(at('@maria  lo')).toBeNull();
    expect(at('@maria\nlo')).toBeNull();
    expect(at('@@maria')).toBeNull();
    expect(at(`@${'a'.repeat(61)}`)).toBeNull();
  });

  it('follows the caret, not the end of the text', () => {
    const text = 'Hello @Mar and more';
    expect(mentionAt(text, 10)).toEqual({ start: 6, end: 10, query: 'Mar' });
    expect(mentionAt(text, 3)).toBeNull();
  });
});

describe('mentionMarkdown: the link the server reads as a mention', () => {
  const id = '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b';

  it.each([
    'Maria Lopez',
    'Ivy_Rose',
    'Star *Bright*',
    'Jo [Leeds]',
    'Back\\slash',
    'Tom & Jerry',
    'Wow! Yes',
    'Code `x`',
  ])('"%s" is one mention whose link words are the name', (displayName) => {
    const markdown = mentionMarkdown({ id, displayName });
    const rendered = renderPost(`Thanks ${markdown} for this.`);
    expect(rendered.mentions).toEqual([id]);
    const link = /<a href="\/members\/([^"]+)"[^>]*>(.*?)<\/a>/.exec(rendered.html);
    expect(link?.[1]).toBe(id);
    const words = (link?.[2] ?? '').replace(/&amp;/g, '&');
    expect(words).toBe(`@${displayName}`);
    // Read aloud as the name, without the markdown.
    expect(markdownToSpeech(markdown)).toContain(displayName.replace(/[*_]/g, ''));
  });
});
