/**
 * Vietnamese by default, English by a toggle. Each feature keeps its own messages next to its code as
 * `{ key: ['tiếng Việt', 'English'] }` and gets a `t` for them from `messages()`.
 */
export type Lang = 'vi' | 'en';

const STORAGE_KEY = 'motcua.lang';
let lang: Lang = localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
const listeners = new Set<(lang: Lang) => void>();

export function currentLang(): Lang {
  return lang;
}

export function setLang(next: Lang): void {
  lang = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  for (const listener of listeners) listener(next);
}

export function onLangChange(listener: (lang: Lang) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type Translate<K extends string> = (key: K, vars?: Record<string, string | number>) => string;

/** A translator for one feature's messages; `{name}` in a message is replaced by `vars.name`. */
export function messages<K extends string>(dictionary: Record<K, readonly [vi: string, en: string]>): Translate<K> {
  return (key, vars) => {
    const text = dictionary[key][lang === 'vi' ? 0 : 1];
    return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? '')) : text;
  };
}
