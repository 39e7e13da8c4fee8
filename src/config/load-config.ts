import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { StraitwatchError } from '../core/errors.js';
import { type Config, ConfigSchema } from './schema.js';

/** `feeds[3].url` style, the way a reader finds the key in the file. */
export function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(top level)';
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const where = issue.path.length ? `${formatIssuePath(issue.path)}: ` : '';
    return `${where}unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  // A record's key that fails its own schema: say what the key must be, not only that it is invalid.
  if (issue.code === 'invalid_key' && issue.issues.length > 0) return `${formatIssuePath(issue.path)}: ${issue.issues.map((inner) => inner.message).join('; ')}`;
  return `${formatIssuePath(issue.path)}: ${issue.message}`;
}

/** Validates already-parsed JSON; `source` names the file in the error. */
export function parseConfig(json: unknown, source: string): Config {
  const result = ConfigSchema.safeParse(json);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${describeIssue(issue)}`);
  throw new StraitwatchError('config-invalid', `${source} is invalid:\n${lines.join('\n')}`);
}

export function loadConfig(path: string): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new StraitwatchError('config-unreadable', `cannot read config ${path}: ${(error as Error).message}; pass --config FILE or set STRAITWATCH_CONFIG`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StraitwatchError('config-invalid', `${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  return parseConfig(json, path);
}
