/**
 * Which story each merged story went into, so a report assigned before a merge can be given the
 * story it belongs to after it. Merges chain (a into b, then b into c), so lookups follow them.
 */
export class StoryMerges {
  private readonly into = new Map<string, string>();

  record(absorbed: readonly string[], survivor: string): void {
    for (const story of absorbed) this.into.set(story, survivor);
  }

  /** The story `story` is part of now: itself, unless it was merged. */
  current(story: string): string {
    let at = story;
    for (let next = this.into.get(at); next !== undefined; next = this.into.get(at)) at = next;
    return at;
  }
}
