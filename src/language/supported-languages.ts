/** The languages straitwatch detects: franc's ISO 639-3 code → BCP 47 tag and ISO 15924 script. */
export const SUPPORTED_LANGUAGES = {
  eng: { bcp47: 'en', script: 'Latn' },
  cmn: { bcp47: 'zh', script: 'Hani' },
  jpn: { bcp47: 'ja', script: 'Jpan' },
  kor: { bcp47: 'ko', script: 'Kore' },
  rus: { bcp47: 'ru', script: 'Cyrl' },
  ukr: { bcp47: 'uk', script: 'Cyrl' },
  deu: { bcp47: 'de', script: 'Latn' },
  fra: { bcp47: 'fr', script: 'Latn' },
  spa: { bcp47: 'es', script: 'Latn' },
  por: { bcp47: 'pt', script: 'Latn' },
  ita: { bcp47: 'it', script: 'Latn' },
  nld: { bcp47: 'nl', script: 'Latn' },
  pol: { bcp47: 'pl', script: 'Latn' },
  ces: { bcp47: 'cs', script: 'Latn' },
  slk: { bcp47: 'sk', script: 'Latn' },
  vie: { bcp47: 'vi', script: 'Latn' },
  ind: { bcp47: 'id', script: 'Latn' },
  tha: { bcp47: 'th', script: 'Thai' },
  arb: { bcp47: 'ar', script: 'Arab' },
} as const;

export type LanguageCode = keyof typeof SUPPORTED_LANGUAGES;

/** Latin-script candidates handed to franc (its `only` option). */
export const LATIN_LANGUAGES: LanguageCode[] = ['eng', 'deu', 'fra', 'spa', 'por', 'ita', 'nld', 'pol', 'ces', 'slk', 'vie', 'ind'];

/** BCP 47 → ISO 639-3 for the feed-language hint ("zh-Hant" → cmn). */
export function languageFromTag(tag: string | undefined): LanguageCode | undefined {
  if (!tag) return undefined;
  const primary = tag.toLowerCase().split('-')[0];
  if (primary === 'zh') return 'cmn';
  return (Object.keys(SUPPORTED_LANGUAGES) as LanguageCode[]).find((code) => SUPPORTED_LANGUAGES[code].bcp47 === primary);
}
