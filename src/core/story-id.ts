import { createHash } from 'node:crypto';

/** A short, stable hex digest. 80 bits: collisions are negligible at the scale of a news archive. */
export function digest(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex').slice(0, 20);
}

/**
 * Ids are scoped by feed: guids like "1" or "post-42" repeat across outlets, and folding one
 * story reported by many feeds is the dedup stage's job, not the id's.
 */
export function storyId(feedId: string, key: { guid?: string; link?: string; contentHash: string }): string {
  if (key.guid) return digest(feedId, 'guid', key.guid);
  if (key.link) return digest(feedId, 'link', key.link);
  return digest(feedId, 'hash', key.contentHash);
}
