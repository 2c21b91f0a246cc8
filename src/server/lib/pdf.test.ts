import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { pdfInfo, pdfQrCodes, pdfText } from '../../../tests/support/pdf';
import { fontRuns, makePdf } from './pdf';

describe('PDFs for people to print', () => {
  it('keeps every letter people write, in any script, and says its title and language', async () => {
    const words = 'Zażółć gęślą jaźń. Привет, Мария. Καλημέρα. Grüße, Ümit.';
    const pdf = await makePdf({ title: 'My journey', lang: 'en-GB' }, (w) => {
      w.write('My journey', { size: 28, bold: true });
      w.write(words);
    });
    const text = await pdfText(pdf);
    expect(text).toContain('My journey');
    for (const word of ['Zażółć', 'jaźń', 'Привет', 'Мария', 'Καλημέρα', 'Grüße', 'Ümit']) {
      expect(text).toContain(word);
    }
    const info = await pdfInfo(pdf);
    expect(info.title).toBe('My journey');
    expect(info.pages).toBe(1);
  });

  it('uses the readable font for Latin letters and the fallback only where it must', () => {
    expect(fontRuns('Maria walked')).toEqual([{ text: 'Maria walked', fallback: false }]);
    const runs = fontRuns('Hello Мария!');
    expect(runs.map((r) => r.fallback)).toEqual([false, true, false]);
    expect(runs.map((r) => r.text).join('')).toBe('Hello Мария!');
  });

  it('draws a QR code a phone can read', async () => {
    const link = 'https://beenthere.example/r/Xy7_kq2LmN0pQrStUvWx';
    const qr = await QRCode.toBuffer(link, { errorCorrectionLevel: 'M', margin: 4, scale: 8 });
    const pdf = await makePdf({ title: 'Leaflet', lang: 'en-GB' }, (w) => {
      w.write('Scan me');
      w.doc.image(qr, { width: 180 });
    });
    expect(await pdfQrCodes(pdf)).toEqual([link]);
  });
});
