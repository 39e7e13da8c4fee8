import { z } from 'zod';

/** One line of `classify` and `summarize` input: a story as JSON (extra fields are ignored). */
export const StoryLine = z.looseObject({
  id: z.union([z.string(), z.number()]).transform(String),
  title: z.string(),
  summary: z.string().optional(),
  content: z.string().optional(),
  feedLanguage: z.string().optional(),
  /** The story's language, when the caller knows it (summarize); detected otherwise. */
  lang: z.string().optional(),
});
