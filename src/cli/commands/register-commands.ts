import type { Command } from 'commander';
import { REST, Routes } from 'discord.js';
import { StraitwatchError } from '../../core/errors.js';
import { readEnvironment } from '../../config/environment.js';
import { answeredCommandDefinitions } from '../../bot/straitwatch-bot.js';

export function registerRegisterCommands(program: Command): void {
  program
    .command('register-commands')
    .description('register the slash commands with Discord (globally, or in one server with --guild for instant updates)')
    .option('--guild <id>', 'a server id: commands appear there at once (global ones can take a while)')
    .action(async (options: { guild?: string }) => {
      const env = readEnvironment();
      if (!env.DISCORD_TOKEN) throw new StraitwatchError('config-invalid', 'register-commands needs DISCORD_TOKEN (the bot token from the Discord developer portal)');
      const rest = new REST({ ...(env.DISCORD_API_BASE && { api: env.DISCORD_API_BASE }) }).setToken(env.DISCORD_TOKEN);
      const application = (await rest.get(Routes.currentApplication())) as { id: string };
      const body = answeredCommandDefinitions();
      const route = options.guild ? Routes.applicationGuildCommands(application.id, options.guild) : Routes.applicationCommands(application.id);
      const saved = (await rest.put(route, { body })) as Array<{ name: string }>;
      process.stdout.write(`registered ${saved.map((c) => `/${c.name}`).join(' ')} ${options.guild ? `in server ${options.guild}` : 'globally'}\n`);
    });
}
