import type { RouteConfig } from '../config/schema.js';
import type { Destination } from '../core/alert.js';
import type { Story } from '../core/story.js';
import { destinationsFor } from '../deliver/match-routes.js';

/** The routing function the pipeline gets: a classified story to its destinations. */
export function createRouter(routes: readonly RouteConfig[]): (story: Story) => Destination[] {
  return (story) =>
    story.classification
      ? destinationsFor(
          {
            feedId: story.feedId,
            bcp47: story.classification.bcp47,
            topics: story.classification.topics,
            groups: story.classification.groups,
            scores: story.classification.scores,
          },
          routes,
        )
      : [];
}
