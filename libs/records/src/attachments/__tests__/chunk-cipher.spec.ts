import { randomBytes } from 'node:crypto';
import { openChunk, sealChunk } from '../chunk-cipher';
import { sniffKind } from '../file-kind';

describe('sealed chunks', () => {
  const key = randomBytes(32);
  const id = '6f1c2a8e-4d5b-4e8f-9a1b-2c3d4e5f6a7b';
  const parts = [randomBytes(100), randomBytes(100), randomBytes(40)];
  const sealed = parts.map((p, i) => sealChunk(key, id, i, i === parts.length - 1, p));

  it('open in place', () => {
    expect(sealed.map((s, i) => openChunk(key, id, i, i === parts.length - 1, s))).toEqual(parts);
  });

  it('do not open moved, swapped, cut short or under another file', () => {
    expect(() => openChunk(key, id, 0, false, sealed[1])).toThrow();
    // The file cut after its second chunk: that chunk was not sealed as the last.
    expect(() => openChunk(key, id, 1, true, sealed[1])).toThrow();
    expect(() => openChunk(key, '00000000-0000-4000-8000-000000000000', 0, false, sealed[0])).toThrow();
    expect(() => openChunk(randomBytes(32), id, 0, false, sealed[0])).toThrow();
  });
});

describe('file kinds from their bytes', () => {
  it.each([
    ['%PDF-1.7\n', 'pdf'],
    ['\xff\xd8\xff\xe1', 'jpeg'],
    ['\x89PNG\r\n\x1a\n', 'png'],
    ['\0\0\0\x18ftypheic', 'heic'],
    ['\0\0\0\x18ftypmif1', 'heic'],
    ['PK\x03\x04....[Content_Types].xml....word/document.xml', 'docx'],
  ])('%j is %s', (head, kind) => expect(sniffKind(Buffer.from(head, 'latin1'))).toBe(kind));

  it.each([
    ['text', 'Xin chào, đây là văn bản.'],
    ['a zip that is not a Word document', 'PK\x03\x04....xl/workbook.xml'],
    ['an MP4', '\0\0\0\x18ftypisom'],
    ['a GIF', 'GIF89a'],
    ['nothing', ''],
  ])('%s is refused', (_what, head) => expect(sniffKind(Buffer.from(head, 'latin1'))).toBeNull());
});
