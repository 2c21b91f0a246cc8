// PDFs made on the server (a journey summary to take to the clinic, a referral leaflet): large,
// readable type in Atkinson Hyperlegible (made for people with low vision), with DejaVu Sans
// for the letters it does not have (Cyrillic, Greek and more), so nobody's words come out as
// boxes or question marks. Tagged, with a title and a language, for screen readers.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);

type Face = 'regular' | 'bold';

const fontFiles: Record<Face | 'fallback' | 'fallbackBold', string> = {
  regular:
    '@expo-google-fonts/atkinson-hyperlegible/400Regular/AtkinsonHyperlegible_400Regular.ttf',
  bold: '@expo-google-fonts/atkinson-hyperlegible/700Bold/AtkinsonHyperlegible_700Bold.ttf',
  fallback: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
  fallbackBold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf',
};

interface Fonts {
  files: Record<keyof typeof fontFiles, Buffer>;
  /** The main font's letters: a run of text uses the fallback only where these end. */
  main: fontkit.Font;
  fallback: fontkit.Font;
}

let loaded: Fonts | undefined;

/** Read once, on the first PDF: about 1 MB. */
function fonts(): Fonts {
  if (!loaded) {
    const files = Object.fromEntries(
      Object.entries(fontFiles).map(([k, spec]) => [k, readFileSync(require.resolve(spec))]),
    ) as Fonts['files'];
    const open = (data: Buffer) => fontkit.create(data) as fontkit.Font;
    loaded = { files, main: open(files.regular), fallback: open(files.fallback) };
  }
  return loaded;
}

/** Pieces of `text`, each all in the main font or all in the fallback (white space stays put). */
export function fontRuns(text: string): { text: string; fallback: boolean }[] {
  const { main, fallback } = fonts();
  const runs: { text: string; fallback: boolean }[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const space = /\s/.test(char);
    const wantsFallback =
      !space && !main.hasGlyphForCodePoint(code) && fallback.hasGlyphForCodePoint(code);
    const last = runs.at(-1);
    if (last && (space || last.fallback === wantsFallback)) last.text += char;
    else runs.push({ text: char, fallback: wantsFallback });
  }
  return runs;
}

export interface WriteOptions extends PDFKit.Mixins.TextOptions {
  size?: number;
  bold?: boolean;
  color?: string;
}

/** A document being written, with text that picks its font letter by letter. */
export interface PdfWriter {
  doc: PDFKit.PDFDocument;
  /** Writes a paragraph (or, with continued, part of one). */
  write(text: string, options?: WriteOptions): void;
}

export interface PdfInfo {
  title: string;
  /** BCP 47, as the person reads: 'en-GB'. */
  lang: string;
  author?: string;
  subject?: string;
}

/** Makes a PDF: A4, 2 cm margins, body text 14 pt unless told. */
export async function makePdf(
  info: PdfInfo,
  build: (writer: PdfWriter) => void | Promise<void>,
): Promise<Buffer> {
  const { files } = fonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 57,
    lang: info.lang,
    tagged: true,
    displayTitle: true,
    pdfVersion: '1.7',
    info: {
      Title: info.title,
      ...(info.author ? { Author: info.author } : {}),
      ...(info.subject ? { Subject: info.subject } : {}),
      Creator: 'Been There',
    },
    autoFirstPage: true,
  });
  doc.registerFont('regular', files.regular);
  doc.registerFont('bold', files.bold);
  doc.registerFont('fallback', files.fallback);
  doc.registerFont('fallbackBold', files.fallbackBold);
  doc.font('regular').fontSize(14);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });

  const writer: PdfWriter = {
    doc,
    write(text, { size = 14, bold = false, color = '#1a1a1a', continued, ...rest } = {}) {
      const runs = fontRuns(text);
      if (runs.length === 0) runs.push({ text: '', fallback: false });
      doc.fontSize(size).fillColor(color);
      runs.forEach((run, i) => {
        const face = run.fallback
          ? bold
            ? 'fallbackBold'
            : 'fallback'
          : bold
            ? 'bold'
            : 'regular';
        doc.font(face).text(run.text, { ...rest, continued: i < runs.length - 1 || continued });
      });
      doc.font('regular');
    },
  };
  await build(writer);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
