import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

const require = createRequire(import.meta.url);

// Noto Serif (SIL OFL 1.1) has every Vietnamese letter as one glyph and resembles the Times style of official forms.
const FONTS = {
  regular: require.resolve('@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf'),
  italic: require.resolve('@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf'),
};

/** A block of an A4 form, in reading order. */
export type Block =
  | {
      kind: 'heading';
      authority: string[];
      motto: boolean;
      reference?: string | undefined;
      /** The place and date line under the motto ("Hà Nội, ngày 16 tháng 9 năm 2025"). */
      placeDate?: string | undefined;
    }
  | { kind: 'title'; text: string; subtitle?: string | undefined }
  | { kind: 'paragraph'; text: string; italic?: boolean | undefined }
  | { kind: 'fields'; rows: [string, string][] }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; columns: { title: string; width: number }[]; rows: string[][] }
  | { kind: 'qr'; url: string; caption: string }
  | { kind: 'signatures'; left?: [string, string] | undefined; right: [string, string] };

/** Renders blocks to a PDF with the Vietnamese font embedded; text is normalised to NFC first. */
export async function renderPdf(
  title: string,
  blocks: readonly Block[],
  layout: 'portrait' | 'landscape' = 'portrait',
): Promise<Buffer> {
  const margin = layout === 'portrait' ? 56 : 36;
  const doc = new PDFDocument({ size: 'A4', layout, margin, info: { Title: nfc(title), Creator: 'Một Cửa' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', FONTS.regular);
  doc.registerFont('bold', FONTS.bold);
  doc.registerFont('italic', FONTS.italic);
  const qrCodes = await Promise.all(
    blocks.map((b) => (b.kind === 'qr' ? QRCode.toBuffer(b.url, { type: 'png', margin: 1, width: 300 }) : null)),
  );
  blocks.forEach((block, i) => draw(doc, block, qrCodes[i] ?? null));
  doc.end();
  return done;
}

function draw(doc: PDFKit.PDFDocument, block: Block, qr: Buffer | null): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  switch (block.kind) {
    case 'heading': {
      const top = doc.y;
      doc.font('bold').fontSize(10);
      block.authority.forEach((line) => doc.text(nfc(line), left, doc.y, { width: width * 0.42, align: 'center' }));
      if (block.reference)
        doc
          .font('regular')
          .fontSize(10)
          .text(nfc(block.reference), left, doc.y + 4, { width: width * 0.42, align: 'center' });
      const leftBottom = doc.y;
      if (block.motto) {
        doc
          .font('bold')
          .fontSize(10)
          .text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left + width * 0.42, top, {
            width: width * 0.58,
            align: 'center',
          });
        doc
          .font('bold')
          .fontSize(10)
          .text('Độc lập - Tự do - Hạnh phúc', { width: width * 0.58, align: 'center' });
        if (block.placeDate)
          doc
            .font('italic')
            .fontSize(10)
            .text(nfc(block.placeDate), left + width * 0.42, doc.y + 6, { width: width * 0.58, align: 'center' });
      }
      doc.y = Math.max(doc.y, leftBottom) + 18;
      return;
    }
    case 'title':
      doc.font('bold').fontSize(14).text(nfc(block.text.toUpperCase()), left, doc.y, { width, align: 'center' });
      if (block.subtitle) doc.font('regular').fontSize(10).text(nfc(block.subtitle), { width, align: 'center' });
      doc.moveDown(1);
      return;
    case 'paragraph':
      doc
        .font(block.italic ? 'italic' : 'regular')
        .fontSize(11)
        .text(nfc(block.text), left, doc.y, { width, align: 'justify' });
      doc.moveDown(0.5);
      return;
    case 'fields':
      for (const [label, value] of block.rows) {
        const y = doc.y;
        doc.font('bold').fontSize(11).text(nfc(label), left, y, { width: 170 });
        const afterLabel = doc.y;
        doc
          .font('regular')
          .fontSize(11)
          .text(nfc(value), left + 178, y, { width: width - 178 });
        doc.y = Math.max(doc.y, afterLabel) + 3;
      }
      doc.moveDown(0.5);
      return;
    case 'list':
      block.items.forEach((item, i) =>
        doc
          .font('regular')
          .fontSize(11)
          .text(nfc(`${i + 1}. ${item}`), left + 12, doc.y, { width: width - 12 }),
      );
      doc.moveDown(0.5);
      return;
    case 'table':
      drawTable(doc, block, left, width);
      return;
    case 'qr': {
      if (doc.y > doc.page.height - doc.page.margins.bottom - 110) doc.addPage();
      const y = doc.y;
      doc.image(qr!, left, y, { width: 90, height: 90 });
      doc
        .font('regular')
        .fontSize(9)
        .text(nfc(block.caption), left + 104, y + 28, { width: width - 104 });
      doc.text(block.url, { width: width - 104, link: block.url });
      doc.y = y + 100;
      return;
    }
    case 'signatures': {
      if (doc.y > doc.page.height - doc.page.margins.bottom - 90) doc.addPage();
      const y = doc.y + 6;
      if (block.left) {
        doc
          .font('bold')
          .fontSize(11)
          .text(nfc(block.left[0]), left, y, { width: width / 2, align: 'center' });
        doc
          .font('regular')
          .fontSize(11)
          .text(nfc(block.left[1]), left, y + 70, { width: width / 2, align: 'center' });
      }
      doc
        .font('bold')
        .fontSize(11)
        .text(nfc(block.right[0]), left + width / 2, y, { width: width / 2, align: 'center' });
      doc
        .font('regular')
        .fontSize(11)
        .text(nfc(block.right[1]), left + width / 2, y + 70, { width: width / 2, align: 'center' });
      doc.y = y + 95;
      return;
    }
  }
}

function drawTable(
  doc: PDFKit.PDFDocument,
  block: Extract<Block, { kind: 'table' }>,
  left: number,
  width: number,
): void {
  const total = block.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = block.columns.map((c) => (c.width / total) * width);
  const row = (cells: string[], font: 'bold' | 'regular') => {
    doc.font(font).fontSize(9);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(nfc(cell), { width: widths[i]! - 8 }))) + 8;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) {
      doc.addPage();
      if (font === 'regular') row(header, 'bold'); // every page of a long table starts with its header
    }
    const y = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      doc.rect(x, y, widths[i]!, height).lineWidth(0.5).stroke();
      doc.text(nfc(cell), x + 4, y + 4, { width: widths[i]! - 8 });
      x += widths[i]!;
    });
    doc.x = left;
    doc.y = y + height;
  };
  const header = block.columns.map((c) => c.title);
  row(header, 'bold');
  block.rows.forEach((cells) => row(cells, 'regular'));
  doc.moveDown(0.8);
}

function nfc(text: string): string {
  return text.normalize('NFC');
}
