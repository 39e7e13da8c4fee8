import { z } from 'zod';
import { StraitwatchError } from '../core/errors.js';
import { DEFAULT_CONFIG_PATH, DEFAULT_DB_PATH } from './defaults.js';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

/** Every environment variable straitwatch reads, validated in one place. */
const EnvironmentSchema = z.object({
  STRAITWATCH_CONFIG: z.string().min(1).default(DEFAULT_CONFIG_PATH),
  STRAITWATCH_DB: z.string().min(1).default(DEFAULT_DB_PATH),
  STRAITWATCH_ALLOW_PRIVATE_NETWORKS: flag,
  STRAITWATCH_INSTANCE: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Environment = z.infer<typeof EnvironmentSchema>;

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const result = EnvironmentSchema.safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message} (got "${env[String(issue.path[0])]}")`);
  throw new StraitwatchError('config-invalid', `environment is invalid:\n${lines.join('\n')}`);
}
