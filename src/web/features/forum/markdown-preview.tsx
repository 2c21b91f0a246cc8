import { Fragment, type ReactNode } from 'react';
import { FORUM_IMAGE_PATH } from '../../../contract/values';

/**
 * The forum's small markdown (bold, italics, lists, links, quotes, our own
 * pictures), drawn with React for the preview. Nothing here is HTML: every
 * character is text to React, so a preview can never run anything. The
 * server renders and sanitises the real post.
 */
const inline =
  /!\[([^\]\n]*)\]\(([^)\s]+)\)|\[((?:\\.|[^\]\\\n])+)\]\(([^)\s]+)\)|\*\*(.+?)\*\*|__(.+?)__|\*([^*\n]+)\*|_([^_\n]+)_/g;

/** A mention's link, `[@Name](/members/<id>)`: to the member's page in this app. */
const memberHref = /^\/members\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function safeHref(href: string): string | null {
  return /^(https?:|mailto:)/i.test(href) || memberHref.test(href) ? href : null;
}

/** Link words as a reader sees them: a backslash before a markdown character goes. */
const unescaped = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, '$1');

function renderInline(text: string, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  let n = 0;
  for (const match of text.matchAll(inline)) {
    const index = match.index ?? 0;
    if (index > last) out.push(text.slice(last, index));
    const k = `${key}-${n++}`;
    const [, alt, src, linkText, href, bold1, bold2, em1, em2] = match;
    if (src !== undefined) {
      out.push(
        src.startsWith(FORUM_IMAGE_PATH) && alt?.trim() ? (
          <img key={k} src={src} alt={alt} className="post-picture" />
        ) : (
          <Fragment key={k}>{alt}</Fragment>
        ),
      );
    } else if (href !== undefined) {
      const safe = safeHref(href);
      out.push(
        safe ? (
          <a key={k} href={safe} rel="nofollow ugc noopener">
            {unescaped(linkText ?? '')}
          </a>
        ) : (
          <Fragment key={k}>{unescaped(linkText ?? '')}</Fragment>
        ),
      );
    } else if (bold1 !== undefined || bold2 !== undefined) {
      out.push(<strong key={k}>{renderInline(bold1 ?? bold2 ?? '', k)}</strong>);
    } else {
      out.push(<em key={k}>{renderInline(em1 ?? em2 ?? '', k)}</em>);
    }
    last = index + match[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

function withBreaks(lines: string[], key: string): ReactNode[] {
  return lines.flatMap((line, i) => {
    const parts = renderInline(line, `${key}-${i}`);
    // biome-ignore lint/suspicious/noArrayIndexKey: lines of one fixed text
    return i === 0 ? parts : [<br key={`${key}-br-${i}`} />, ...parts];
  });
}

type Block =
  | { kind: 'p'; lines: string[] }
  | { kind: 'quote'; lines: string[] }
  | { kind: 'ul'; items: string[] }
  | { kind: 'ol'; items: string[] };

function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const last = out.at(-1);
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d{1,9}[.)]\s+(.*)$/.exec(line);
    const quote = /^\s*>\s?(.*)$/.exec(line);
    if (line.trim() === '') {
      out.push({ kind: 'p', lines: [] });
    } else if (bullet) {
      if (last?.kind === 'ul') last.items.push(bullet[1] ?? '');
      else out.push({ kind: 'ul', items: [bullet[1] ?? ''] });
    } else if (numbered) {
      if (last?.kind === 'ol') last.items.push(numbered[1] ?? '');
      else out.push({ kind: 'ol', items: [numbered[1] ?? ''] });
    } else if (quote) {
      if (last?.kind === 'quote') last.lines.push(quote[1] ?? '');
      else out.push({ kind: 'quote', lines: [quote[1] ?? ''] });
    } else if (last?.kind === 'p' && last.lines.length > 0) {
      last.lines.push(line);
    } else {
      out.push({ kind: 'p', lines: [line] });
    }
  }
  return out.filter((b) => (b.kind === 'p' || b.kind === 'quote' ? b.lines.length > 0 : true));
}

export function MarkdownPreview({ markdown }: { markdown: string }) {
  return (
    <>
      {blocks(markdown).map((block, i) => {
        const key = `b${i}`;
        switch (block.kind) {
          case 'p':
            return <p key={key}>{withBreaks(block.lines, key)}</p>;
          case 'quote':
            return (
              <blockquote key={key}>
                <p>{withBreaks(block.lines, key)}</p>
              </blockquote>
            );
          case 'ul':
            return (
              <ul key={key}>
                {block.items.map((item, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: items of one fixed text
                  <li key={j}>{renderInline(item, `${key}-${j}`)}</li>
                ))}
              </ul>
            );
          default:
            return (
              <ol key={key}>
                {block.items.map((item, j) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: items of one fixed text
                  <li key={j}>{renderInline(item, `${key}-${j}`)}</li>
                ))}
              </ol>
            );
        }
      })}
    </>
  );
}

/** The words of a post as a person would read them, for read-aloud: pictures by their words. */
export function markdownToSpeech(markdown: string): string {
  return markdown
    .replace(/!\[([^\]\n]*)\]\([^)\s]+\)/g, ' $1 ')
    .replace(/\[((?:\\.|[^\]\\\n])+)\]\([^)\s]+\)/g, (_, words: string) => unescaped(words))
    .replace(/^\s*(?:[-*+>]|\d{1,9}[.)])\s+/gm, '')
    .replace(/\*\*|__|[*_]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of server-made post HTML, read in an inert document (nothing loads or runs). */
export function htmlToSpeech(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  for (const img of doc.querySelectorAll('img')) {
    img.replaceWith(doc.createTextNode(` ${img.getAttribute('alt') ?? ''} `));
  }
  for (const block of doc.querySelectorAll('p, li, blockquote, br')) {
    block.append(doc.createTextNode(' '));
  }
  return (doc.body.textContent ?? '').replace(/\s+/g, ' ').trim();
}
