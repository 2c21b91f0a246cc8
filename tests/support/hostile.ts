/**
 * Hostile inputs for the forum's markdown, and a check that rendered HTML is
 * inert: only the allowed tags and attributes, no script, no handlers, no
 * dangerous link schemes, every link marked rel="nofollow ugc noopener".
 */

export const OUR_IMAGE = '/api/forum/images/00000000-0000-4000-8000-000000000000';

/** Inputs that must be accepted and shown as harmless text or harmless markup. */
export const hostileCorpus: Record<string, string> = {
  'script tag': '<script>alert(1)</script>',
  'script tag, mixed case': '<ScRiPt src="https://evil.example/x.js"></ScRiPt>',
  'script split over lines': '<scr\nipt>alert(1)</scr\nipt>',
  'img onerror': '<img src=x onerror=alert(1)>',
  'div onmouseover': '<div onmouseover="alert(1)">hover</div>',
  'event handler in a link title': '[a](https://example.org "x onmouseover=alert(1)")',
  'javascript link': '[click](javascript:alert(1))',
  'javascript link, mixed case': '[click](JaVaScRiPt:alert(1))',
  'javascript link with a tab entity': '[click](jav&#x09;ascript:alert(1))',
  'javascript link with a newline entity': '[click](jav&#10;ascript:alert(1))',
  'javascript link with a colon entity': '[click](javascript&colon;alert(1))',
  'javascript link with leading space': '[click]( javascript:alert(1))',
  'javascript link in angle brackets': '[click](<javascript:alert(1)>)',
  'javascript link, percent-encoded': '[click](javascript%3Aalert(1))',
  'javascript as bare text': 'javascript:alert(1)',
  'javascript autolink': '<javascript:alert(1)>',
  'data link': '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  'data link, mixed case': '[click](DaTa:text/html,<script>alert(1)</script>)',
  'vbscript link': '[click](vbscript:msgbox(1))',
  'vbscript link, mixed case': '[click](VbScRiPt:msgbox(1))',
  'protocol-relative link': '[click](//evil.example/x)',
  'raw anchor tag': '<a href="javascript:alert(1)">click</a>',
  'svg onload': '<svg onload=alert(1)><circle r="1"/></svg>',
  'svg with script': '<svg><script>alert(1)</script></svg>',
  'svg use href': '<svg><use href="data:image/svg+xml,<svg id=x onload=alert(1)>"/></svg>',
  'mathml link': '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  'mathml maction': '<math><maction actiontype="statusline#http://evil">x</maction></math>',
  iframe: '<iframe src="https://evil.example"></iframe>',
  'iframe srcdoc': '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  style: '<style>body { display: none }</style>',
  'style attribute': '<p style="background:url(javascript:alert(1))">x</p>',
  'html comment': '<!-- <script>alert(1)</script> -->',
  'comment breaking out': '--><script>alert(1)</script><!--',
  'object and embed': '<object data="x.swf"></object><embed src="x.swf">',
  'form and input': '<form action="https://evil.example"><input autofocus onfocus=alert(1)></form>',
  'meta refresh': '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  'base tag': '<base href="https://evil.example/">',
  'entity-encoded script': '&lt;script&gt;alert(1)&lt;/script&gt;',
  'numeric entity script': '&#60;script&#62;alert(1)&#60;/script&#62;',
  'link text with html': '[<img src=x onerror=alert(1)>](https://example.org)',
  'link with quote breaking out': '[x](https://example.org/"onmouseover="alert(1))',
  'title with quote breaking out': '[a](https://example.org "t\\" onerror=alert(1)")',
  'linkified url with script': 'https://example.org/?q=<script>alert(1)</script>',
  'unclosed emphasis': '*unclosed **bold _under',
  'emphasis soup': '***a**b*c**d***e*',
  'ten thousand asterisks': '*'.repeat(10_000),
  'ten thousand underscores': '_'.repeat(10_000),
  'brackets soup': '[['.repeat(2000) + ']('.repeat(2000),
  'lists 50 deep': Array.from({ length: 50 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'),
  'quotes 200 deep': `${'> '.repeat(200)}deep`,
  'ordered list with a huge start': '99999999999999999999. big',
  'rtl override': 'Look at this \u202Egnp.exe\u202C file',
  'zero-width joiners': 'fam\u200Dily \u200B\u200C\u200D\uFEFF',
  'combining marks': `Z${'\u0351\u0357\u0300\u0301'.repeat(50)}algo`,
  emoji: 'Feeling 💪🏽 today 👨‍👩‍👧 🏳️‍🌈',
  'astral plane': '𝕳𝖊𝖑𝖑𝖔 𠜎𠜱𠝹 𓀀',
  'line and paragraph separators': 'one\u2028two\u2029three',
  'only whitespace around words': '   \t  words  \n\n  ',
};

/** Inputs the server must refuse with 422, and the field it names. */
export const refusedCorpus: Record<string, string> = {
  'NUL character': 'hello\u0000world',
  'bell character': 'hello\u0007world',
  'escape character': 'hello\u001b[31mred',
  'delete character': 'hello\u007fworld',
  'remote image': '![a cat](https://evil.example/cat.png)',
  'data image': '![a red dot](data:image/png;base64,iVBORw0KGgo=)',
  'image with empty alt': `![](${OUR_IMAGE})`,
  'image with a 1-letter alt': `![x](${OUR_IMAGE})`,
  'image with a blank alt': `![   ](${OUR_IMAGE})`,
  'over the length limit': 'a'.repeat(20_001),
  'only whitespace': '   \n\t  ',
};

const ALLOWED: Record<string, string[]> = {
  p: [],
  br: [],
  strong: [],
  em: [],
  ul: [],
  ol: ['start'],
  li: [],
  a: ['href', 'rel'],
  blockquote: [],
  img: ['src', 'alt', 'loading'],
};

function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n')
    .replace(/&quot;/gi, '"')
    .replace(/&amp;/gi, '&');
}

/** A URL as a browser would read its scheme: entities decoded, spaces and controls dropped. */
export function schemeOf(url: string): string | null {
  const bare = [...decodeEntities(url)]
    .filter((c) => {
      const code = c.charCodeAt(0);
      return code > 0x20 && (code < 0x7f || code > 0x9f);
    })
    .join('')
    .toLowerCase();
  const match = /^([a-z][a-z0-9+.-]*):/.exec(bare);
  return match ? match[1]! : null;
}

/** Everything wrong with a piece of rendered post HTML; empty when it is inert. */
export function inertnessProblems(html: string): string[] {
  const found: string[] = [];
  const tags = html.match(/<[^>]*>?/g) ?? [];
  const tagText = tags.join(' ');
  for (const banned of ['<script', '<svg', '<math', '<iframe', '<style', '<object', '<embed']) {
    if (tagText.toLowerCase().includes(banned)) found.push(`has ${banned}`);
  }
  if (/\son\w+\s*=/i.test(tagText)) found.push('has an on…= attribute');
  for (const scheme of ['javascript:', 'vbscript:', 'data:']) {
    if (decodeEntities(tagText).toLowerCase().replace(/\s/g, '').includes(scheme)) {
      found.push(`has ${scheme} inside a tag`);
    }
  }
  for (const tag of tags) {
    const match = /^<\/?([a-zA-Z][\w:-]*)([\s\S]*?)\/?>$/.exec(tag);
    if (!match) {
      found.push(`unreadable tag ${tag}`);
      continue;
    }
    const name = match[1]!.toLowerCase();
    const allowed = ALLOWED[name];
    if (!allowed) {
      found.push(`tag <${name}> is not allowed`);
      continue;
    }
    if (tag.startsWith('</')) continue;
    const attributes = new Map<string, string>();
    for (const a of match[2]!.matchAll(/([^\s=/]+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g)) {
      attributes.set(a[1]!.toLowerCase(), (a[2] ?? '').replace(/^["']|["']$/g, ''));
    }
    for (const [attribute, value] of attributes) {
      if (!allowed.includes(attribute)) found.push(`<${name} ${attribute}> is not allowed`);
      if (attribute === 'href' || attribute === 'src') {
        const scheme = schemeOf(value);
        if (scheme && !['http', 'https', 'mailto'].includes(scheme)) {
          found.push(`<${name} ${attribute}="${value}"> has scheme ${scheme}`);
        }
        if (decodeEntities(value).trim().startsWith('//')) {
          found.push(`<${name} ${attribute}="${value}"> is protocol-relative`);
        }
      }
    }
    if (name === 'a' && attributes.get('rel') !== 'nofollow ugc noopener') {
      found.push(`<a> without rel="nofollow ugc noopener": ${tag}`);
    }
    if (name === 'img' && !(attributes.get('src') ?? '').startsWith('/api/forum/images/')) {
      found.push(`<img> from elsewhere: ${tag}`);
    }
  }
  return found;
}
