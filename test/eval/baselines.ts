import { franc } from 'franc';
import type { LabeledStory, Prediction } from './evaluate.js';

// The two baselines `npm run eval` prints beside straitwatch, run on the same stories.

/** Bare franc on title + lead: all its languages, no script analysis, so no zh-Hant / zh-Hans. */
export function bareFranc(story: LabeledStory): Prediction {
  return { lang: franc(`${story.title}\n${story.summary}`) };
}

const TAIWAN = /taiwan|taïwan|taiwán|台湾|臺灣|台灣|대만|타이완|тайван|tchaj-wan|tajwan|đài loan/i;
const APT = /\bapt ?-?\d+\b|state-sponsored|nation-state|espionage|hacker|黑客|駭客|ハッカー|해커|해킹|хакер|cyberspionage|espionnage|espionaje/i;

/** Plain keyword regexes, the way a quick keyword filter would do it; groups by canonical name only. */
export function keywordRegexes(groupNames: readonly string[]): (story: LabeledStory) => Prediction {
  const groups = groupNames.map((name) => ({ name, pattern: new RegExp(`\\b${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'i') }));
  return (story) => {
    const text = `${story.title}\n${story.summary}`;
    return {
      topics: [...(TAIWAN.test(text) ? ['taiwan'] : []), ...(APT.test(text) ? ['apt'] : [])],
      groups: groups.filter((g) => g.pattern.test(text)).map((g) => g.name),
    };
  };
}
