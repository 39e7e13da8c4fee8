import type { ClusterInput } from '../../src/cluster/cluster-input.js';
import { loadClusterSet } from '../eval/evaluate-clusters.js';

/**
 * The Hualien earthquake of 3 April 2024 from the labeled dev set, in publication order. At a
 * crossLanguage threshold of 0.65, NHK (ja) and CNA (zh-Hant) share too little to fold and start two stories; Yahoo, LTN and Focus Taiwan
 * join CNA's; Xinhua's report of China's own figures (zh-Hans) matches none outright but agrees with
 * all four of CNA's story; Yonhap (ko) matches both sides, which merges them.
 */
const IDS = ['c-dev-046', 'c-dev-047', 'c-dev-048', 'c-dev-049', 'c-dev-050', 'c-dev-051', 'c-dev-052'];

export function hualienReports(): ClusterInput[] {
  const byId = new Map(loadClusterSet('dev').map((item) => [item.id, item]));
  return IDS.map((id) => {
    const item = byId.get(id)!;
    return { id, title: item.title, text: item.summary, lang: item.feedLanguage, groups: [], published: item.published, feedId: item.feed };
  });
}
