import { z } from 'zod';
import { StraitwatchError } from '../core/errors.js';
import { DEFAULT_CONFIG_PATH, DEFAULT_DB_PATH } from './defaults.js';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

/** `FOO=` in a shell or .env file means "not set". */
const unsetWhenEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema);

/** Every environment variable straitwatch reads, validated in one place. */
const EnvironmentSchema = z.object({
  STRAITWATCH_CONFIG: z.string().min(1).default(DEFAULT_CONFIG_PATH),
  STRAITWATCH_DB: z.string().min(1).default(DEFAULT_DB_PATH),
  STRAITWATCH_ALLOW_PRIVATE_NETWORKS: flag,
  STRAITWATCH_INSTANCE: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  STRAITWATCH_OPS_CHANNEL: unsetWhenEmpty(z.string().regex(/^\d{15,21}$/, 'must be a Discord channel id (15-21 digits)').optional()),
  DISCORD_TOKEN: unsetWhenEmpty(z.string().min(1).optional()),
  DISCORD_API_BASE: unsetWhenEmpty(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://discord.com/api' }).optional()),
  OPENAI_API_KEY: unsetWhenEmpty(z.string().min(1).optional()),
  OPENAI_BASE_URL: unsetWhenEmpty(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:11434/v1' }).optional()),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  /** Embeddings for cross-language story folding, from the same endpoint; "none" turns them off. */
  OPENAI_EMBEDDING_MODEL: z.string().min(1).default('text-embedding-3-small'),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().min(1000).default(30_000),
  OPENAI_MAX_REQUESTS_PER_HOUR: z.coerce.number().int().min(0).default(120),
  OPENAI_MAX_TOKENS_PER_DAY: z.coerce.number().int().min(0).default(300_000),
  SUMMARY_LANGUAGE: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 tag such as "en", "fr" or "zh-Hant"')
    .default('en'),
});

export type Environment = z.infer<typeof EnvironmentSchema>;

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const result = EnvironmentSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message} (got "${env[String(issue.path[0])]}")`);
  throw new StraitwatchError('config-invalid', `environment is invalid:\n${lines.join('\n')}`);
}
