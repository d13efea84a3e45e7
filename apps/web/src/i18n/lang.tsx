import { formatDecimalText, type Lang } from '@p135/rules';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { loadSaved, saveLang } from '../lib/saved';
import { fill, UI, type UiKey } from './ui';

/** Values for a UI text: numbers are written in the language's form (16.600 / 16,600); strings as given. */
export type TextValues = Readonly<Record<string, string | number>>;

export function translate(lang: Lang, key: UiKey, values: TextValues = {}): string {
  const formatted: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) formatted[k] = typeof v === 'number' ? formatDecimalText(String(v), lang) : v;
  return fill(UI[lang][key], formatted, values, lang);
}

interface LangContextValue {
  readonly lang: Lang;
  readonly setLang: (lang: Lang) => void;
  readonly t: (key: UiKey, values?: TextValues) => string;
}

const LangContext = createContext<LangContextValue | null>(null);

/** The user's language: Vietnamese unless they switch. */
export function LangProvider({ children, initial = 'vi' }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLangState] = useState<Lang>(initial);
  const chosen = useRef(false);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  // The language chosen before a reload, unless the user switches first.
  useEffect(() => {
    void loadSaved().then((saved) => {
      if (!chosen.current && (saved.lang === 'vi' || saved.lang === 'en')) setLangState(saved.lang);
    });
  }, []);
  const setLang = useCallback((next: Lang) => {
    chosen.current = true;
    setLangState(next);
    void saveLang(next);
  }, []);
  const t = useCallback((key: UiKey, values?: TextValues) => translate(lang, key, values), [lang]);
  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang(): LangContextValue {
  const v = useContext(LangContext);
  if (!v) throw new Error('useLang outside LangProvider');
  return v;
}
