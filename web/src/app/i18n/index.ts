import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import zhCN from './zh-CN.json';

// zh-CN is the default (the users are Chinese offices); English is a switch in the header.
export const LANGUAGES = [
  { code: 'zh-CN', label: '中文' },
  { code: 'en', label: 'English' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'registry.language';

function storedLanguage(): LanguageCode {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

// English is fetched when chosen (a chunk of its own), so the first load carries one language.
async function loadLanguage(language: LanguageCode): Promise<void> {
  if (language === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    i18n.addResourceBundle('en', 'translation', (await import('./en.json')).default);
  }
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN } },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export function changeLanguage(language: LanguageCode): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = language;
  void loadLanguage(language).then(() => i18n.changeLanguage(language));
}

document.documentElement.lang = i18n.language;
if (i18n.language === 'en') void loadLanguage('en').then(() => i18n.changeLanguage('en'));

export default i18n;
