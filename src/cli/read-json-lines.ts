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

/**
 * The valid lines of a JSON Lines command's stdin: a bad line is reported on stderr as
 * "straitwatch COMMAND: line N: why" and skipped; `bad()` says how many were, for the exit code.
 */
export function validLines<T>(command: string, input: NodeJS.ReadableStream, schema: z.ZodType<T>): { lines: AsyncGenerator<T>; bad: () => number } {
  let bad = 0;
  async function* lines(): AsyncGenerator<T> {
    for await (const entry of readJsonLines(input, schema)) {
      if ('value' in entry) yield entry.value;
      else {
        bad++;
        process.stderr.write(`straitwatch ${command}: line ${entry.line}: ${entry.error}\n`);
      }
    }
  }
  return { lines: lines(), bad: () => bad };
}
