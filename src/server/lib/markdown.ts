import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { FORUM_IMAGE_PATH } from '../../contract/values';

/**
 * The forum's small markdown: bold, italics, lists, links, quotes and our own
 * pictures. Raw HTML is never let through: markdown-it escapes it, and the
 * result is sanitised again with an allow-list, so a mistake in one layer is
 * caught by the other.
 */
const md = new MarkdownIt('zero', { html: false, linkify: true, breaks: true }).enable([
  'paragraph',
  'newline',
  'emphasis',
  'list',
  'blockquote',
  'link',
  'image',
  'linkify',
  'escape',
  'entity',
]);

const imageSrc = new RegExp(
  `^${FORUM_IMAGE_PATH.replaceAll('/', '\\/')}[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`,
);

/** A picture needs a few words that say what it shows; one letter says nothing. */
const hasAltText = (alt: string | undefined) => (alt ?? '').trim().length >= 3;

const sanitizeOptions: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'a', 'blockquote', 'img'],
  allowedAttributes: { a: ['href', 'rel'], img: ['src', 'alt', 'loading'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'escape',
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { href: attribs.href ?? '', rel: 'nofollow ugc noopener' },
    }),
    img: (tagName, attribs) => ({
      tagName,
      attribs: { src: attribs.src ?? '', alt: attribs.alt ?? '', loading: 'lazy' },
    }),
  },
  // A picture from anywhere else, or with no words to say what it shows, is dropped.
  exclusiveFilter: (frame) =>
    frame.tag === 'img' &&
    (!imageSrc.test(frame.attribs.src ?? '') || !hasAltText(frame.attribs.alt)),
};

export interface RenderedPost {
  html: string;
  /** The words alone (pictures by their alt text), for search and excerpts. */
  text: string;
  images: { src: string; alt: string }[];
  /** Members named with a mention, `[@Name](/members/<id>)`: their ids, each once, in order. */
  mentions: string[];
  /** Links that lead away from this site (a mention or a link to our own pages is not one). */
  links: string[];
}

const mentionHref = /^\/members\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => escapes[c]!);

/**
 * Markdown nested deeper than the parser goes (lists in lists, 20 deep) would
 * lose words. Such a post is shown as its plain words instead: never lose a word.
 */
function plainPost(markdown: string): RenderedPost {
  const html = markdown
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replaceAll('\n', '<br />')}</p>`)
    .join('\n');
  return { html, text: markdown.replace(/\s+/g, ' ').trim(), images: [], mentions: [], links: [] };
}

export function renderPost(markdown: string): RenderedPost {
  const tokens = md.parse(markdown, {});
  const deepest = tokens.reduce((max, token) => Math.max(max, token.level), 0);
  if (deepest >= (md.options.maxNesting ?? 20) - 2) return plainPost(markdown);
  const words: string[] = [];
  const images: { src: string; alt: string }[] = [];
  const mentions = new Set<string>();
  const links: string[] = [];
  for (const token of tokens) {
    if (token.type === 'inline') {
      const children = token.children ?? [];
      for (const [index, child] of children.entries()) {
        if (child.type === 'link_open') {
          const href = String(child.attrGet('href') ?? '');
          // Our own pages start with one slash; `//host` leads away like any other link.
          if (!href.startsWith('/') || href.startsWith('//')) links.push(href);
          const member = mentionHref.exec(href);
          const label = children[index + 1];
          if (member && label?.type === 'text' && label.content.startsWith('@')) {
            mentions.add(member[1]!);
          }
        }
        if (child.type === 'text') words.push(child.content);
        else if (child.type === 'softbreak' || child.type === 'hardbreak') words.push(' ');
        else if (child.type === 'image') {
          const alt = child.children?.map((c) => c.content).join('') ?? child.content;
          images.push({ src: String(child.attrGet('src') ?? ''), alt });
          words.push(` ${alt} `);
        }
      }
      words.push(' ');
    }
  }
  const html = sanitizeHtml(md.renderer.render(tokens, md.options, {}), sanitizeOptions);
  return {
    html,
    text: words.join('').replace(/\s+/g, ' ').trim(),
    images,
    mentions: [...mentions],
    links,
  };
}

/** Problems with the pictures in a post, in the words of the translation keys. */
export function imageProblems(
  images: RenderedPost['images'],
): 'fields.body.imageAlt' | 'fields.body.imageSource' | null {
  for (const image of images) {
    if (!imageSrc.test(image.src)) return 'fields.body.imageSource';
    if (!hasAltText(image.alt)) return 'fields.body.imageAlt';
  }
  return null;
}

export function imageIdsIn(images: RenderedPost['images']): string[] {
  return images.map((i) => i.src.slice(FORUM_IMAGE_PATH.length));
}
