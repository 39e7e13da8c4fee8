/** What the clustering stage reads of one story: its text, language, groups and when and where it was published. */
export interface ClusterInput {
  id: string;
  title: string;
  /** The lead or summary; may be ''. */
  text: string;
  /** BCP 47, as language detection gives it: en, zh-Hant, zh-Hans, ja, ko, ... */
  lang: string;
  /** Canonical threat-actor names (APT31, Volt Typhoon), as the topics stage found them. */
  groups: readonly string[];
  /** ISO 8601. */
  published: string;
  feedId: string;
  link?: string;
}
