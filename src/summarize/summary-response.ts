import { z } from 'zod';
import { SUMMARY_LIMITS } from './summary-prompt.js';

const ModelSummary = z.object({
  headline: z.string().trim().min(1),
  summary: z.string().trim().min(1),
  topics: z.array(z.string()).default([]),
  groups: z.array(z.string()).default([]),
});

export type ModelSummary = z.infer<typeof ModelSummary>;

export type ParsedModelSummary = { ok: true; value: ModelSummary } | { ok: false; reason: 'malformed-json' | 'schema'; detail: string };

function cutGraphemes(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    if (out.length + segment.length > max - 1) break;
    out += segment;
  }
  return `${out.trimEnd()}…`;
}

/**
 * Whatever a model says goes out to Discord: links and mentions are removed here, not only
 * escaped later, and everything is capped. "@everyone" in a summary becomes "everyone".
 */
export function sanitizeModelText(text: string, max: number): string {
  const cleaned = text
    .replace(/<(@[!&]?|#)\d+>/g, '')
    .replace(/@(everyone|here)\b/gi, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\b(?:https?|ftp):\/\/\S+/gi, '')
    .replace(/\bdiscord(?:\.gg|app\.com\/invite|\.com\/invite)\/\S+/gi, '')
    .replace(/[ \t]+/g, ' ')
    .trim();
  return cutGraphemes(cleaned, max);
}

/** The model's answer text to a checked, sanitized summary, or why it was refused. */
export function parseModelSummary(content: string | null | undefined): ParsedModelSummary {
  let json: unknown;
  try {
    json = JSON.parse(content ?? '');
  } catch (error) {
    return { ok: false, reason: 'malformed-json', detail: (error as Error).message };
  }
  const parsed = ModelSummary.safeParse(json);
  if (!parsed.success) return { ok: false, reason: 'schema', detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const value = parsed.data;
  return {
    ok: true,
    value: {
      headline: sanitizeModelText(value.headline, SUMMARY_LIMITS.headline),
      summary: sanitizeModelText(value.summary, SUMMARY_LIMITS.summary),
      topics: value.topics.slice(0, SUMMARY_LIMITS.list).map((t) => sanitizeModelText(t, 40)),
      groups: value.groups.slice(0, SUMMARY_LIMITS.list).map((g) => sanitizeModelText(g, 60)),
    },
  };
}
