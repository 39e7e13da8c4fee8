import type { ClusterInput } from '../../src/cluster/cluster-input.js';

/**
 * Four reports of one event (5 June 2025: Guangzhou police offer bounties for 20 people they say
 * serve Taiwan's ICEFC), in the languages that carried it first, written as the outlets' leads read.
 */
export const BOUNTY_REPORTS: ClusterInput[] = [
  {
    id: 'en-bounty',
    title: "China offers bounty for 20 alleged Taiwanese military hackers",
    text: "Police in Guangzhou on Thursday offered rewards for information on 20 people they said were hackers working for Taiwan's Information, Communications and Electronic Force Command (ICEFC), accusing them of attacks on mainland targets.",
    lang: 'en',
    groups: [],
    published: '2025-06-05T09:10:00Z',
    feedId: 'reuters',
  },
  {
    id: 'zh-hant-bounty',
    title: '中國懸賞通緝20名「資通電軍」 國防部：不會被恫嚇',
    text: '廣州市公安局5日發布懸賞通告，通緝20名據稱隸屬國軍資通電軍的人員，指控他們對大陸發動網路攻擊。國防部回應，不會被中共恫嚇。',
    lang: 'zh-Hant',
    groups: [],
    published: '2025-06-05T11:30:00Z',
    feedId: 'cna',
  },
  {
    id: 'zh-hans-bounty',
    title: '广州警方悬赏通缉20名台湾“资通电军”犯罪嫌疑人',
    text: '广州市公安局天河区分局5日发布悬赏通告，对20名台湾“资通电军”犯罪嫌疑人悬赏通缉。',
    lang: 'zh-Hans',
    groups: [],
    published: '2025-06-05T07:45:00Z',
    feedId: 'xinhua',
  },
  {
    id: 'ja-bounty',
    title: '中国、台湾軍のハッカー20人を指名手配 広州市公安局',
    text: '中国広東省の広州市公安局は5日、台湾軍の資通電軍に所属するとする20人を指名手配し、懸賞金をかけたと発表した。',
    lang: 'ja',
    groups: [],
    published: '2025-06-05T12:00:00Z',
    feedId: 'nhk',
  },
];
