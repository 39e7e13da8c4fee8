import type { LanguageCode } from './supported-languages.js';

// The commonest function words of each Latin-script language. News leads are dense with them,
// so two or three hits settle most texts before franc's trigram models are needed.
const STOPWORDS: Partial<Record<LanguageCode, string>> = {
  eng: 'the and of to is for with that said on by from was has have are after over its it this will were their been which who a an in as at new says amid',
  deu: 'der die das und nicht mit den dem ist von zu auf für sich des eine ein nach bei wird auch im sind wurde hat über werden',
  fra: 'le les des et est une du au aux pour dans par sur qui pas ce cette été selon avec ont sont être il elle',
  spa: 'el los las del y que por para con una es se al lo su sus según como tras fue han este esta',
  por: 'os as do da dos das que em no na um uma para com é não pelo pela ao foi são seu sua mais',
  ita: 'il gli della delle dei degli che per un una è non sono con nel nella alla ha',
  nld: 'het een en van is niet op voor met dat zijn aan bij ook wordt naar heeft door er werd',
  pol: 'na się nie do że jest od po dla przez to jak oraz który która są ze jego',
  ces: 'se na je že do pro to jako který která které podle by jsou ve bylo byl jeho',
  slk: 'sa na je že do pre to ako ktorý ktorá ktoré podľa by sú vo bolo bol jeho',
  ind: 'yang dan ke dari ini itu dengan untuk tidak akan pada dalam oleh juga telah bahwa adalah',
};
// Left out on purpose: one-letter words (a, e, i, o, s, v, w, z) and "de", "di", "la", "en", "in", "un",
// which several of these languages, and English, share: they blur the vote more than they help.

const INDEX = new Map<string, LanguageCode[]>();
for (const [language, words] of Object.entries(STOPWORDS) as Array<[LanguageCode, string]>) {
  for (const word of words.split(' ')) INDEX.set(word, [...(INDEX.get(word) ?? []), language]);
}

/** Stopword hits per language in the first `maxWords` words. */
export function stopwordVotes(text: string, maxWords = 80): Map<LanguageCode, number> {
  const votes = new Map<LanguageCode, number>();
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  for (const word of words.slice(0, maxWords)) {
    for (const language of INDEX.get(word) ?? []) votes.set(language, (votes.get(language) ?? 0) + 1);
  }
  return votes;
}

/** A language only when the vote is clear: enough hits, and well ahead of the runner-up. */
export function clearStopwordWinner(votes: Map<LanguageCode, number>): LanguageCode | undefined {
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < 3) return undefined;
  return first[1] >= 2 * (second?.[1] ?? 0) + 1 ? first[0] : undefined;
}
