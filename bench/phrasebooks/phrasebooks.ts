import { de } from './de.js';
import { en } from './en.js';
import { fr } from './fr.js';
import { ja } from './ja.js';
import { ko } from './ko.js';
import type { Phrasebook, Topic } from './phrasebook.js';
import { ru } from './ru.js';
import { zhHans } from './zh-hans.js';
import { zhHant } from './zh-hant.js';

/** Share of the 1,000 outlets publishing in each language: English-heavy, then the region's languages. */
export const OUTLET_LANGUAGES: ReadonlyArray<{ book: Phrasebook; weight: number }> = [
  { book: en, weight: 30 },
  { book: zhHant, weight: 14 },
  { book: zhHans, weight: 10 },
  { book: ja, weight: 10 },
  { book: ko, weight: 8 },
  { book: ru, weight: 8 },
  { book: fr, weight: 10 },
  { book: de, weight: 10 },
];

/** Most of a general outlet's items are off-topic; the monitor's beats are the minority. */
export const TOPIC_WEIGHTS: ReadonlyArray<{ topic: Topic; weight: number }> = [
  { topic: 'taiwan', weight: 25 },
  { topic: 'apt', weight: 15 },
  { topic: 'security', weight: 20 },
  { topic: 'other', weight: 40 },
];

export const ENGLISH = en;

export const ACTORS = ['APT41', 'APT40', 'Volt Typhoon', 'Salt Typhoon', 'Flax Typhoon', 'Mustang Panda', 'Lazarus', 'Kimsuky', 'APT28', 'Sandworm', 'UNC3886', 'Earth Lusca'];
export const VENDORS = ['Ivanti', 'Fortinet', 'Cisco', 'Citrix', 'Palo Alto Networks', 'Microsoft', 'SonicWall', 'Juniper'];
