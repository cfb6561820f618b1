import { dictionaryEn } from '../dictionaryEn';
import { dictionaryVi } from '../dictionaryVi';

// Vietnamese letters beyond ASCII: a Vietnamese entry typed without its diacritics reads as another word.
const VIETNAMESE_LETTER = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
// Entries that are the same in both languages: the product's name.
const SAME_IN_BOTH = new Set(['app.name']);

describe('the dictionaries', () => {
  it('give every text in both languages, none empty', () => {
    expect(Object.keys(dictionaryEn).sort()).toEqual(Object.keys(dictionaryVi).sort());
    const empty = Object.entries({ ...dictionaryVi, ...dictionaryEn }).filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it('write the Vietnamese with its diacritics and the English as English', () => {
    const entries = Object.entries(dictionaryVi).filter(([key]) => !SAME_IN_BOTH.has(key) && key !== 'language.switch');
    expect(entries.filter(([, text]) => !VIETNAMESE_LETTER.test(text))).toEqual([]);
    expect(entries.filter(([key, text]) => dictionaryEn[key as keyof typeof dictionaryEn] === text)).toEqual([]);
  });
});
