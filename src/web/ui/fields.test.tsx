import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import '../i18n';
import { TextInput } from './fields';

const box = (value: string, limit?: number, error?: string) =>
  renderToStaticMarkup(
    <TextInput
      name="about"
      label="About you"
      value={value}
      onChange={() => undefined}
      {...(limit === undefined ? {} : { limit })}
      {...(error === undefined ? {} : { error })}
    />,
  );

/** The ids an element is described by, and the words of each. */
function described(html: string, tag: 'input' | 'textarea' = 'input') {
  const field = html.match(new RegExp(`<${tag}[^>]*>`))?.[0] ?? '';
  const ids = field.match(/aria-describedby="([^"]*)"/)?.[1]?.split(' ') ?? [];
  return {
    field,
    words: ids.map((id) => html.match(new RegExp(`id="${id}"[^>]*>([^<]*)<`))?.[1] ?? '').join(' '),
  };
}

describe('a text box with a limit (nothing typed is ever cut)', () => {
  it('keeps every letter, and past the limit says by how much beside the field', () => {
    const html = box('x'.repeat(12), 10);
    const { field, words } = described(html);
    expect(field).toContain(`value="${'x'.repeat(12)}"`);
    expect(field).not.toContain('maxlength');
    expect(field).toContain('aria-invalid="true"');
    expect(words).toContain('This is 2 letters too long. The most is 10.');
  });

  it('shows the room left from 80% of the limit on, and nothing before', () => {
    expect(described(box('x'.repeat(8), 10)).words).toContain('2 letters left.');
    expect(box('x'.repeat(7), 10)).not.toContain('left.');
    expect(described(box('x'.repeat(10), 10)).words).toContain('No room left.');
  });

  it('lets words in any language run their own way, and works as before without a limit', () => {
    const html = box('hello', undefined, 'Please write more.');
    expect(described(html).field).toContain('dir="auto"');
    expect(described(html).field).toContain('aria-invalid="true"');
    expect(described(html).words).toContain('Please write more.');
    expect(box('hello')).not.toContain('aria-invalid');
  });
});
