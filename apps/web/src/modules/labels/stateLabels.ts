import { META_V1 } from '@dh/machines/case/v1/meta';
import type { Language } from '../i18n/I18nProvider';

type Label = { vi: string; en: string };

// The machine's own names of its stages (its state meta, which the published diagrams print too), read by path:
// 'referral.pending' is the meta entry referralPending. A test walks every published machine and checks that each
// stage path finds the label its state node carries.
const BY_KEY: Record<string, Label> = Object.fromEntries(
  Object.entries(META_V1).map(([key, meta]) => [key, meta.label]),
);

const keyOf = (path: string): string =>
  path
    .split('.')
    .map((part, i) => (i === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');

export const stageLabel = (path: string, language: Language): string | undefined => BY_KEY[keyOf(path)]?.[language];
