import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { dictionaryEn } from './dictionaryEn';
import { dictionaryVi, type DictionaryKey } from './dictionaryVi';

export type Language = 'vi' | 'en';

const DICTIONARIES = { vi: dictionaryVi, en: dictionaryEn } as const;
// The choice of language is remembered on this browser; it says nothing about anyone.
const STORAGE_KEY = 'dh.language';

export type Translate = (key: DictionaryKey, values?: Record<string, string | number>) => string;

type I18n = {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
};

const I18nContext = createContext<I18n | null>(null);

// The page's own language follows (screen readers pick their voice by it), from the first render on.
const storedLanguage = (): Language => {
  const language = localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  document.documentElement.lang = language;
  return language;
};

export const I18nProvider = ({ children }: { children: ReactNode }) => {
  const [language, setLanguageState] = useState<Language>(storedLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
    setLanguageState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage,
      t: (key, values = {}) =>
        Object.entries(values).reduce(
          (text, [name, v]) => text.replace(`{${name}}`, String(v)),
          DICTIONARIES[language][key],
        ),
    }),
    [language, setLanguage],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
};

export const useI18n = (): I18n => {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
};
