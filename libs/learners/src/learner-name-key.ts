import unhomoglyph from 'unhomoglyph';
// A relative path, not @dh/labels: landed migration 1795000000017 loads this file where path aliases do not resolve.
import { nameKey } from '../../labels/src/vietnamese-name';

// Format characters (Unicode Cf: zero-width space and joiners, soft hyphen, BOM, bidi marks) are invisible:
// "Ho\u200Ba" reads as "Hoa". \p{Cf} follows the Unicode version of the running Node.
const FORMAT_CHARACTERS = /\p{Cf}/gu;

// The key a learner's name is compared and searched by: the Vietnamese key (no diacritics, lower case, single
// spaces) without format characters, then each letter folded to its prototype in Unicode's confusables table
// (UTS #39 skeleton, `unhomoglyph`), lower-cased again since prototypes may be capitals: a Cyrillic "а", a Greek
// "ο" and a Latin "a"/"o" meet at one key. The skeleton is for comparing only (it also folds "m" to "rn" and
// "1"/"I" to "l", which no two Vietnamese names tell apart); the name is stored as typed.
// Diacritics go first (nameKey), so Vietnamese letters reach the table as plain Latin letters and keep the
// distinctions the search already had. Stored as learner.skeleton_key: a change here needs a migration that
// recomputes it (as migrations/1795000000017-learner-name-skeleton.ts first computed it).
export const learnerNameKey = (name: string): string =>
  unhomoglyph(nameKey(name.replace(FORMAT_CHARACTERS, '')))
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
