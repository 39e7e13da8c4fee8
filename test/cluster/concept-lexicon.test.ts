import { afterEach, describe, expect, it } from 'vitest';
import { compileLexicon, conceptLexicon, useExtraConcepts } from '../../src/cluster/concept-lexicon.js';
import { matchText } from '../../src/cluster/match-text.js';
import { foldText } from '../../src/core/fold-text.js';

const find = (text: string) => conceptLexicon().find(matchText(foldText(text)));

describe('conceptLexicon', () => {
  it.each([
    { name: 'English', text: "Taiwan's ICEFC", concept: 'org:icefc' },
    { name: 'Traditional Chinese', text: '資通電軍', concept: 'org:icefc' },
    { name: 'Simplified Chinese', text: '资通电军', concept: 'org:icefc' },
    { name: 'hyphenated name', text: 'Lai Ching-te said', concept: 'person:lai-ching-te' },
    { name: 'Japanese shinjitai', text: '頼清徳総統は', concept: 'person:lai-ching-te' },
    { name: 'Korean with a particle', text: '라이칭더는', concept: 'person:lai-ching-te' },
    { name: 'Czech declension (stem)', text: 'prezident Tchaj-wanu', concept: 'country:taiwan' },
    { name: 'Russian declension (stem)', text: 'в Гуанчжоу и Тайване', concept: 'place:guangzhou' },
    { name: 'Latin name glued to Han', text: '美國FBI懸賞', concept: 'org:fbi' },
    { name: 'U.S. with periods', text: 'the U.S. Treasury', concept: 'country:us' },
    { name: 'a specific body implies the general one', text: '立法院今天表決', concept: 'org:parliament' },
    { name: "Japan's police agency is the police", text: '警察庁によると', concept: 'org:police' },
    { name: 'a consul general in Traditional Chinese', text: '中國駐大阪總領事薛劍', concept: 'person:xue-jian' },
    { name: 'his post in Japanese', text: '薛剣駐大阪総領事', concept: 'place:osaka' },
    { name: 'Chongqing police in Traditional Chinese', text: '重慶公安對沈伯洋立案偵查', concept: 'place:chongqing' },
    { name: 'a lawmaker by his English name', text: 'Taiwan lawmaker Puma Shen', concept: 'person:puma-shen' },
    { name: 'a named drill in French word order', text: 'les manœuvres « Mission Justice 2025 »', concept: 'event:justice-mission' },
    { name: 'a named drill in Russian', text: 'учения «Гром в проливе — 2025A»', concept: 'event:strait-thunder' },
    { name: 'Italy in Italian', text: 'arrestato in Italia', concept: 'country:italy' },
    { name: 'a submarine in Japanese', text: '初の自主建造潜水艦を公開', concept: 'event:submarine' },
    { name: 'COVID-19 by its name, not a count of 19', text: 'accused of stealing COVID-19 research', concept: 'event:covid' },
    { name: 'COVID-19 in Chinese', text: '竊取新冠疫苗研究', concept: 'event:covid' },
    { name: 'the death penalty in German', text: 'China droht mit der Todesstrafe', concept: 'event:death-penalty' },
    { name: 'the Five Eyes in Simplified Chinese', text: '“五眼联盟”集体虚假信息行动', concept: 'org:five-eyes' },
    { name: "Germany's SPD in English", text: 'hackers behind attack on SPD', concept: 'org:spd' },
    { name: 'contempt of the legislature in Traditional Chinese', text: '刑法增訂藐視國會罪', concept: 'event:legislative-powers' },
  ])('$name: "$text" names $concept', ({ text, concept }) => {
    expect(find(text)).toContain(concept);
  });

  it.each([
    { name: 'a hacking group is not a typhoon', text: 'Salt Typhoon breached telecoms', absent: 'event:typhoon' },
    { name: 'the FBI is not the Investigation Bureau', text: '美國聯邦調查局', absent: 'org:investigation-bureau' },
    { name: 'Han Kuo-yu is not South Korea', text: '韓國瑜表示', absent: 'country:south-korea' },
    { name: 'a word inside another word', text: 'Taipeiers and chipmunks', absent: 'place:taipei' },
    { name: 'the PRC is not the Republic of China', text: "the People's Republic of China", absent: 'country:taiwan' },
    { name: 'an offshore quake is not Haiti', text: '花蓮近海地震', absent: 'country:haiti' },
    { name: 'a sea area is not Haiti', text: '台湾东部海地区', absent: 'country:haiti' },
    { name: 'a Typhoon-named hacking group is not a typhoon', text: 'Red Typhoon targeted ministries', absent: 'event:typhoon' },
    { name: "Japan's Social Democrats are not Germany's", text: '社民党の福島党首', absent: 'org:spd' },
    { name: 'a submarine cable is no submarine', text: 'a submarine cable near Matsu was cut', absent: 'event:submarine' },
  ])('$name', ({ text, absent }) => {
    expect(find(text)).not.toContain(absent);
  });

  it('knows which set of rivals a concept belongs to', () => {
    expect(conceptLexicon().exclusive('event:joint-sword')).toBe('exercise');
    expect(conceptLexicon().exclusive('event:typhoon-gaemi')).toBe('typhoon');
    expect(conceptLexicon().exclusive('event:typhoon')).toBeUndefined();
    expect(conceptLexicon().exclusive('person:lai-ching-te')).toBeUndefined();
  });

  it('rejects an "implies" that names no concept', () => {
    const file = { ignore: [], concepts: { 'org:a': { implies: ['org:missing'], forms: { en: ['alpha'] } } } };
    expect(() => compileLexicon(file)).toThrow(/"org:a" implies "org:missing"/);
  });

  it('knows the weights concepts.json sets, and none it does not', () => {
    expect(conceptLexicon().weight('country:taiwan')).toBeLessThan(1);
    expect(conceptLexicon().weight('place:kaohsiung')).toBeUndefined();
  });
});

describe('useExtraConcepts (a config\'s clustering.concepts)', () => {
  afterEach(() => useExtraConcepts());
  const PELOSI = { 'person:nancy-pelosi': { weight: 3, forms: { en: ['pelosi'], zh: ['佩洛西'], ja: ['ペロシ'], ko: ['펠로시'] } } };

  it('adds names the bundled lexicon lacks, in every script, for this process', () => {
    expect(find('佩洛西抵台')).not.toContain('person:nancy-pelosi');
    useExtraConcepts(PELOSI);
    expect(find('佩洛西抵台')).toContain('person:nancy-pelosi');
    expect(find('펠로시 의장 대만 도착')).toContain('person:nancy-pelosi');
    expect(conceptLexicon().weight('person:nancy-pelosi')).toBe(3);
    // The bundled names are still there.
    expect(find('賴清德表示')).toContain('person:lai-ching-te');
  });

  it('replaces a bundled entry with the same id, and none restores the bundled lexicon', () => {
    useExtraConcepts({ 'person:lai-ching-te': { weight: 0.5, forms: { en: ['william lai'] } } });
    expect(conceptLexicon().weight('person:lai-ching-te')).toBe(0.5);
    expect(find('賴清德表示')).not.toContain('person:lai-ching-te');
    useExtraConcepts();
    expect(conceptLexicon().weight('person:lai-ching-te')).toBe(1.5);
    expect(find('賴清德表示')).toContain('person:lai-ching-te');
  });
});
