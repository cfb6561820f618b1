import type { AttachmentKind } from './case-attachment.entity';

// How many leading bytes the sniffer needs (a DOCX names its word/ parts within the zip's first entries).
export const SNIFF_BYTES = 8192;

const startsWith = (head: Buffer, bytes: number[], at = 0) => bytes.every((b, i) => head[at + i] === b);

// ISO-BMFF brands of HEIF images (HEIC and its sequences).
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

// The kind of a file from its first bytes, not its name or the type the browser claims. The `file-type` package is
// ESM-only since v17 and jest (CommonJS under @swc/jest) cannot load it, so the five kinds accepted are recognised
// here: their signatures are fixed and short.
export const sniffKind = (head: Buffer): AttachmentKind | null => {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (head.length >= 12 && head.toString('latin1', 4, 8) === 'ftyp' && HEIF_BRANDS.has(head.toString('latin1', 8, 12)))
    return 'heic';
  // A zip (PK\3\4) whose first entries include the word/ parts of a Word document, or the content types naming them.
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    const text = head.toString('latin1');
    if (text.includes('word/') || text.includes('wordprocessingml')) return 'docx';
  }
  return null;
};

export const CONTENT_TYPES: Record<AttachmentKind, string> = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  heic: 'image/heic',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
