import type { Command } from 'commander';
import { configJsonSchema } from '../../config/json-schema.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of feeds.json (npm run schema writes feeds.schema.json)')
    .action(() => {
      process.stdout.write(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
    });
}
