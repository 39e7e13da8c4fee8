import { describe, expect, it } from 'vitest';
import { understanding } from '../support/pipeline-harness.js';

// The built-in lexicons and catalog, through the function the pipeline and `classify` share.
const understand = understanding();

describe('understand: the story straitwatch exists for', () => {
  it.each([
    { name: 'English (Focus Taiwan)', title: 'China offers bounties for 20 alleged members of Taiwan military cyber unit', summary: 'Guangzhou police accused the ICEFC of hacking; Czech officials separately blamed APT31 for an attack on the foreign ministry.', groups: ['APT31'] },
    { name: 'Traditional Chinese (CNA)', title: '中國懸賞通緝20名「資通電軍」 國防部：不會被恫嚇', summary: '廣州市公安局公布20名台灣資通電軍人員資料並懸賞通緝。', groups: [] },
    { name: 'Simplified Chinese (Xinhua)', title: '广州公安悬赏通缉20名台湾“资通电军”犯罪嫌疑人', summary: '广州市公安局发布悬赏通告，通缉台湾民进党当局“资通电军”20名犯罪嫌疑人。', groups: [] },
  ])('$name is taiwan + apt', ({ title, summary, groups }) => {
    const result = understand({ title, summary });
    expect(result.topics.sort()).toEqual(['apt', 'taiwan']);
    expect(result.groups).toEqual(groups);
  });
});

describe('understand: false friends stay out', () => {
  it.each([
    { name: 'Thailand', title: 'Thai PM dissolves parliament ahead of election', summary: 'Thailand will vote in March, the government in Bangkok said.' },
    { name: 'Debian apt', title: 'How to fix "sudo apt upgrade" errors on Ubuntu', summary: 'Run apt-get update before apt install when the package lists are stale.' },
    { name: 'apartment ad', title: 'Sunny 2-bed apt. for rent near the park', summary: 'Spacious apt with balcony, available June.' },
    { name: 'apt the adjective', title: 'An apt metaphor for the markets', summary: 'The comparison proved apt as stocks fell again.' },
    { name: 'Taiwanese food abroad', title: 'Taiwanese bubble tea chain opens its first London shop', summary: 'The brand, famous for its brown-sugar boba, plans ten more stores.' },
    { name: 'Hong Kong only', title: 'Hong Kong court jails activists under national security law', summary: 'The 45 defendants were convicted of subversion.' },
    { name: 'criminal ransomware', title: 'LockBit ransomware gang hits regional hospital', summary: 'The criminal group demanded a ransom in bitcoin; patient data was leaked.' },
    { name: 'a typhoon in the Philippines', title: 'Typhoon Kong-rey lashes northern Philippines', summary: 'Thousands were evacuated as the storm made landfall.' },
  ])('$name', ({ title, summary }) => {
    expect(understand({ title, summary }).topics).toEqual([]);
  });
});
