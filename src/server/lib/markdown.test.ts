import { describe, expect, it } from 'vitest';
import {
  hostileCorpus,
  inertnessProblems,
  OUR_IMAGE,
  refusedCorpus,
} from '../../../tests/support/hostile';
import { imageIdsIn, imageProblems, renderPost } from './markdown';

describe('renderPost: hostile input comes out inert', () => {
  it.each(Object.entries(hostileCorpus))('%s', (_name, input) => {
    const { html } = renderPost(input);
    expect(inertnessProblems(html)).toEqual([]);
  });

  it('keeps what people typed as visible text, escaped', () => {
    const { html, text } = renderPost('<script>alert(1)</script>');
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
    expect(text).toBe('<script>alert(1)</script>');
  });

  it('turns no dangerous link into a link', () => {
    for (const input of [
      '[click](javascript:alert(1))',
      '[click](JaVaScRiPt:alert(1))',
      '[click](data:text/html,hi)',
      '[click](vbscript:msgbox(1))',
      '<javascript:alert(1)>',
      'javascript:alert(1)',
    ]) {
      expect(renderPost(input).html, input).not.toContain('<a');
    }
  });

  it('never gives an obfuscated scheme a working href', () => {
    for (const input of [
      '[click](jav&#x09;ascript:alert(1))',
      '[click](jav&#10;ascript:alert(1))',
      '[click](javascript&colon;alert(1))',
    ]) {
      const href = /href="([^"]*)"/.exec(renderPost(input).html)?.[1];
      // Left as a harmless relative address, or dropped.
      if (href !== undefined) expect(href, input).not.toMatch(/^[a-z][a-z0-9+.-]*:/i);
    }
  });

  it('drops a protocol-relative address', () => {
    expect(renderPost('[x](//evil.example)').html).not.toContain('evil.example');
  });

  it('copes with very deep and very long markup', () => {
    // Deeper than the parser goes: shown as plain words, so not one word is lost.
    const input = hostileCorpus['lists 50 deep']!;
    const deep = renderPost(input);
    expect(deep.html.startsWith('<p>')).toBe(true);
    for (const word of input.match(/[A-Za-z]+\d*/g) ?? []) expect(deep.html).toContain(word);
    expect(deep.html).not.toMatch(/<(?!\/?p>|br \/>)/);
    const stars = renderPost('*'.repeat(10_000));
    expect(stars.html).toBe(`<p>${'*'.repeat(10_000)}</p>\n`);
    const unclosed = renderPost('*unclosed **bold');
    expect(unclosed.html).toBe('<p>*unclosed **bold</p>\n');
  });

  it('keeps unusual Unicode as it is', () => {
    for (const name of ['rtl override', 'zero-width joiners', 'emoji', 'astral plane']) {
      const input = hostileCorpus[name]!;
      expect(renderPost(input).text, name).toBe(input.replace(/\s+/g, ' ').trim());
    }
    expect(renderPost('Feeling 💪🏽 today').html).toBe('<p>Feeling 💪🏽 today</p>\n');
  });
});

describe('renderPost: what is allowed', () => {
  it('bold and italics', () => {
    expect(renderPost('**bold** and *italic* and _also_').html).toBe(
      '<p><strong>bold</strong> and <em>italic</em> and <em>also</em></p>\n',
    );
  });

  it('lists', () => {
    expect(renderPost('- one\n- two').html).toBe('<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n');
    expect(renderPost('3. three\n4. four').html).toBe(
      '<ol start="3">\n<li>three</li>\n<li>four</li>\n</ol>\n',
    );
  });

  it('quotes', () => {
    expect(renderPost('> said well').html).toBe('<blockquote>\n<p>said well</p>\n</blockquote>\n');
  });

  it('links, marked nofollow ugc noopener', () => {
    expect(renderPost('[Stroke Association](https://www.stroke.org.uk)').html).toBe(
      '<p><a href="https://www.stroke.org.uk" rel="nofollow ugc noopener">Stroke Association</a></p>\n',
    );
    expect(renderPost('see https://example.org now').html).toBe(
      '<p>see <a href="https://example.org" rel="nofollow ugc noopener">https://example.org</a> now</p>\n',
    );
    expect(renderPost('[mail me](mailto:a@example.org)').html).toContain(
      'href="mailto:a@example.org" rel="nofollow ugc noopener"',
    );
  });

  it('line breaks', () => {
    expect(renderPost('one\ntwo').html).toBe('<p>one<br />\ntwo</p>\n');
  });

  it('our own pictures with alt text', () => {
    const rendered = renderPost(`![my garden in spring](${OUR_IMAGE})`);
    expect(rendered.html).toBe(
      `<p><img src="${OUR_IMAGE}" alt="my garden in spring" loading="lazy" /></p>\n`,
    );
    expect(rendered.images).toEqual([{ src: OUR_IMAGE, alt: 'my garden in spring' }]);
    expect(rendered.text).toBe('my garden in spring');
    expect(imageProblems(rendered.images)).toBeNull();
    expect(imageIdsIn(rendered.images)).toEqual(['00000000-0000-4000-8000-000000000000']);
  });

  it('leaves headings, code and tables as plain text', () => {
    expect(renderPost('# Big').html).toBe('<p># Big</p>\n');
    expect(renderPost('`code`').html).toBe('<p>`code`</p>\n');
    expect(renderPost('| a | b |\n|---|---|').html).not.toContain('<table');
  });
});

describe('imageProblems', () => {
  it.each([
    ['remote image', 'fields.body.imageSource'],
    ['data image', 'fields.body.imageSource'],
    ['image with empty alt', 'fields.body.imageAlt'],
    ['image with a 1-letter alt', 'fields.body.imageAlt'],
    ['image with a blank alt', 'fields.body.imageAlt'],
  ])('%s → %s', (name, problem) => {
    const rendered = renderPost(refusedCorpus[name]!);
    expect(imageProblems(rendered.images)).toBe(problem);
    // Even if it were let through, no picture from elsewhere or without words is shown.
    expect(rendered.html).not.toContain('<img');
  });
});

describe('renderPost: mentions', () => {
  const ann = '0f5d8a4e-1b2c-4d3e-8f90-a1b2c3d4e5f6';
  const ben = '1a2b3c4d-5e6f-4a8b-9c0d-e1f2a3b4c5d6';

  it('finds members named with [@Name](/members/<id>), each once, in order', () => {
    const post = renderPost(
      `Thanks [@Ann](/members/${ann}) and [@Ben B](/members/${ben}), and again [@Ann](/members/${ann}).`,
    );
    expect(post.mentions).toEqual([ann, ben]);
    expect(post.html).toContain(`<a href="/members/${ann}"`);
    expect(post.text).toContain('@Ann');
  });

  it('is not fooled by a plain link to a member, another path, or an @ elsewhere', () => {
    const post = renderPost(
      `[Ann's page](/members/${ann}) [@Ben](/members/${ben}/edit) [@x](https://evil.example/members/${ben}) @Ann`,
    );
    expect(post.mentions).toEqual([]);
  });
});
