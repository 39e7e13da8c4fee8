import { Command, CommanderError } from 'commander';
import { StraitwatchError, errorMessage } from '../core/errors.js';
import { VERSION } from '../main.js';
import { registerClassify } from './commands/classify.js';
import { registerCluster } from './commands/cluster.js';
import { registerFeedsCheck } from './commands/feeds-check.js';
import { registerPoll } from './commands/poll.js';
import { registerRun } from './commands/run.js';
import { registerSchema } from './commands/schema.js';
import { registerRegisterCommands } from './commands/register-commands.js';
import { registerSearch } from './commands/search.js';
import { registerStats } from './commands/stats.js';
import { registerSummarize } from './commands/summarize.js';

export function buildProgram(): Command {
  const program = new Command('straitwatch')
    .description('Multilingual news monitor for Taiwan and state-sponsored hacking (APT) stories, with Discord alerts.')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();
  registerRun(program);
  registerPoll(program);
  registerFeedsCheck(program);
  registerStats(program);
  registerClassify(program);
  registerSummarize(program);
  registerCluster(program);
  registerSearch(program);
  registerRegisterCommands(program);
  registerSchema(program);
  return program;
}

/** Runs the CLI; returns the exit code. Errors are one readable line (or block) on stderr, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  // Commander answers `unknown --help` with the top-level help and exit 0; scripts probing for a command need a failure.
  const first = argv[2];
  if (first && !first.startsWith('-') && !program.commands.some((c) => c.name() === first || c.aliases().includes(first))) {
    process.stderr.write(`straitwatch: unknown command "${first}"; see straitwatch --help\n`);
    return 1;
  }
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    const message = error instanceof StraitwatchError ? error.message : `error: ${errorMessage(error)}`;
    process.stderr.write(`straitwatch: ${message}\n`);
    return 2;
  }
}
