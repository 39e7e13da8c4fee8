import { z } from 'zod';
import { ConfigSchema } from './schema.js';

/** The JSON Schema that feeds.json's "$schema" points at, generated from the same zod definition the loader uses. */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ConfigSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, title: 'straitwatch feeds.json', $id: 'https://github.com/straitwatch/straitwatch/feeds.schema.json' };
}
