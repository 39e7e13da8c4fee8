import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/language/detect-language.js';

describe('detectLanguage', () => {
  it.each([
    { name: 'English', text: 'Guangzhou police offer bounties for 20 people they say work for Taiwan military cyber unit', lang: 'eng', bcp47: 'en', script: 'Latn' },
    { name: 'a short English headline with no lead', text: 'TSMC opens a new fab in Kumamoto', lang: 'eng', bcp47: 'en', script: 'Latn' },
    { name: 'Traditional Chinese', text: '廣州公安懸賞通緝20名資通電軍人員 國防部：中共認知作戰', lang: 'cmn', bcp47: 'zh-Hant', script: 'Hant' },
    { name: 'Simplified Chinese', text: '广州警方悬赏通缉20名台湾资通电军人员', lang: 'cmn', bcp47: 'zh-Hans', script: 'Hans' },
    { name: 'Taiwanese writing with 台', text: '台北市政府今天宣布颱風假', lang: 'cmn', bcp47: 'zh-Hant', script: 'Hant' },
    { name: 'Japanese (kanji with kana)', text: '中国の警察、台湾軍のサイバー部隊員に懸賞金', lang: 'jpn', bcp47: 'ja', script: 'Jpan' },
    { name: 'Korean', text: '중국 공안, 대만군 사이버부대원 20명에 현상금', lang: 'kor', bcp47: 'ko', script: 'Kore' },
    { name: 'Russian', text: 'Полиция Гуанчжоу объявила награду за поимку тайваньских хакеров', lang: 'rus', bcp47: 'ru', script: 'Cyrl' },
    { name: 'Ukrainian', text: 'Поліція Гуанчжоу оголосила винагороду за тайванських хакерів', lang: 'ukr', bcp47: 'uk', script: 'Cyrl' },
    { name: 'German', text: 'Die chinesische Polizei setzt Kopfgeld auf taiwanische Militärhacker aus und wirft ihnen Spionage vor', lang: 'deu', bcp47: 'de', script: 'Latn' },
    { name: 'French', text: 'La police chinoise offre des primes pour la capture de pirates informatiques de l’armée taïwanaise', lang: 'fra', bcp47: 'fr', script: 'Latn' },
    { name: 'Spanish', text: 'La policía china ofrece recompensas por la captura de los hackers del ejército de Taiwán', lang: 'spa', bcp47: 'es', script: 'Latn' },
    { name: 'Vietnamese', text: 'Cảnh sát Trung Quốc treo thưởng truy nã tin tặc quân đội Đài Loan', lang: 'vie', bcp47: 'vi', script: 'Latn' },
    { name: 'Czech', text: 'Čínská policie vypsala odměny za dopadení tchajwanských vojenských hackerů', lang: 'ces', bcp47: 'cs', script: 'Latn' },
    { name: 'Polish', text: 'Chińska policja wyznaczyła nagrody za schwytanie tajwańskich hakerów wojskowych', lang: 'pol', bcp47: 'pl', script: 'Latn' },
    { name: 'Thai', text: 'ตำรวจจีนตั้งค่าหัวแฮกเกอร์ทหารไต้หวัน', lang: 'tha', bcp47: 'th', script: 'Thai' },
    { name: 'Arabic', text: 'الشرطة الصينية تعرض مكافآت للقبض على قراصنة عسكريين تايوانيين', lang: 'arb', bcp47: 'ar', script: 'Arab' },
  ])('$name', ({ text, lang, bcp47, script }) => {
    expect(detectLanguage(text)).toMatchObject({ lang, bcp47, script });
  });

  it.each([
    { name: 'a short Latin title takes the feed language', text: 'Taiwan: APT31', hint: 'de', lang: 'deu' },
    { name: 'Chinese with no telling characters takes the feed variant', text: '台北市長', hint: 'zh-Hant', bcp47: 'zh-Hant' },
    { name: 'a headline with no clear signal takes the feed language, not a franc guess', text: 'Ciberataque contra Taiwán', hint: 'es', lang: 'spa' },
    { name: 'a clear English headline in a French feed stays English', text: 'Taiwan says the island will defend itself', hint: 'fr', lang: 'eng' },
    { name: 'a hint in another script is ignored', text: 'Полиция Гуанчжоу объявила награду', hint: 'en', lang: 'rus' },
    { name: 'kana beat a Chinese feed hint', text: '台湾有事を想定', hint: 'zh-Hant', lang: 'jpn' },
  ])('feed language as a prior: $name', ({ text, hint, lang, bcp47 }) => {
    const detected = detectLanguage(text, hint);
    if (lang) expect(detected.lang).toBe(lang);
    if (bcp47) expect(detected.bcp47).toBe(bcp47);
  });

  it('says "und" when there are no letters', () => {
    expect(detectLanguage('2025-06-03 12:00 · 100%')).toMatchObject({ lang: 'und', bcp47: 'und' });
  });
});
