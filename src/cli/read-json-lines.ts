import { createInterface } from 'node:readline';
import type { z } from 'zod';

export type JsonLine<T> = { line: number; value: T } | { line: number; error: string };

/** JSON Lines from a stream, each validated; a bad line is reported with its number and the rest go on. */
export async function* readJsonLines<T>(input: NodeJS.ReadableStream, schema: z.ZodType<T>): AsyncGenerator<JsonLine<T>> {
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    if (!text.trim()) continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      yield { line, error: `not JSON (${(error as Error).message})` };
      continue;
    }
    const parsed = schema.safeParse(json);
    yield parsed.success
      ? { line, value: parsed.data }
      : { line, error: parsed.error.issues.map((issue) => `${issue.path.join('.') || '(line)'}: ${issue.message}`).join('; ') };
  }
}
