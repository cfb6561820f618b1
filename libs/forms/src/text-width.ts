// How wide a line of text prints in Times New Roman (the forms' font; Liberation Serif has the same metrics), so
// the renderer can size table columns to their content instead of letting Word break a word mid-way.

// Advance widths per 1000 em of ASCII 32–126, regular and bold, from the font's hmtx table.
const REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500,
  500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889,
  722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500,
  444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480,
  200, 480, 541,
];
const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500, 500, 500, 500, 500,
  500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944,
  722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722, 722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556,
  444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394,
  220, 394, 520,
];
// Vietnamese letters whose width is not their base letter's (the horn, the crossed d), and the forms' symbols.
const SPECIAL: Record<string, [number, number]> = {
  đ: [500, 556],
  Đ: [722, 722],
  ơ: [529, 554],
  Ơ: [722, 778],
  ư: [542, 600],
  Ư: [776, 796],
  '…': [1000, 1000],
  '☐': [778, 778],
  '☒': [778, 778],
  '–': [500, 500],
  '—': [1000, 1000],
};
const HORN = '\u031B';
const WITH_HORN: Record<string, string> = { o: 'ơ', O: 'Ơ', u: 'ư', U: 'Ư' };

// A letter's width is its base letter's: the tone and vowel marks sit above or below it.
const charWidth = (ch: string, bold: boolean): number => {
  const i = bold ? 1 : 0;
  if (SPECIAL[ch]) return SPECIAL[ch][i];
  const decomposed = ch.normalize('NFD');
  const base = decomposed.includes(HORN) ? (WITH_HORN[decomposed[0]] ?? decomposed[0]) : decomposed[0];
  if (SPECIAL[base]) return SPECIAL[base][i];
  const code = base.charCodeAt(0);
  // Anything else: a full em, so a column is never made too narrow for it.
  return code >= 32 && code <= 126 ? (bold ? BOLD : REGULAR)[code - 32] : 1000;
};

// Width in twips (1/20 pt) of `text` on one line; `size` in half-points, as docx counts font sizes.
export const textWidth = (text: string, size: number, bold = false): number =>
  ([...text.normalize('NFC')].reduce((sum, ch) => sum + charWidth(ch, bold), 0) * size * 10) / 1000;

// The widest word: how narrow a column may be before Word has to break a word.
export const longestWordWidth = (text: string, size: number, bold = false): number =>
  Math.max(0, ...text.split(/\s+/).map((w) => textWidth(w, size, bold)));
