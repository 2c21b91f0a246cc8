// Reading PDFs the app makes, as a person's PDF reader would: the text of each page (pdf.js),
// and any QR code on a page, read from the page drawn as a picture (jsQR).
import { createCanvas } from '@napi-rs/canvas';
import jsQR from 'jsqr';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

async function open(pdf: Uint8Array) {
  // pdf.js takes the bytes over: give it a copy.
  return getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
}

/** The text of every page, lines joined by spaces, pages by a blank line. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const doc = await open(pdf);
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ''}` : ''))
        .join('')
        .replace(/[ \t]+/g, ' '),
    );
  }
  await doc.destroy();
  return pages.join('\n\n');
}

/** What the PDF says about itself: its title, language and page count. */
export async function pdfInfo(pdf: Uint8Array) {
  const doc = await open(pdf);
  const meta = await doc.getMetadata();
  const info = meta.info as { Title?: string; Language?: string };
  const result = { title: info.Title ?? '', language: info.Language ?? '', pages: doc.numPages };
  await doc.destroy();
  return result;
}

/** The QR codes found on each page (one per page at most), drawn at twice the size. */
export async function pdfQrCodes(pdf: Uint8Array): Promise<string[]> {
  const doc = await open(pdf);
  const found: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 2 });
    const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({
      canvas: canvas as unknown as HTMLCanvasElement,
      canvasContext: context as unknown as CanvasRenderingContext2D,
      viewport,
    }).promise;
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
    if (code) found.push(code.data);
  }
  await doc.destroy();
  return found;
}
