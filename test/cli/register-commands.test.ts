import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../support/fake-discord.js';
import { FakeGateway } from '../support/fake-gateway.js';
import { runCli } from '../support/run-cli.js';

describe('straitwatch register-commands', () => {
  let discord: FakeDiscord;
  let gateway: FakeGateway;
  beforeAll(async () => {
    discord = await FakeDiscord.start();
    gateway = await FakeGateway.start({ discord });
  });
  afterAll(async () => {
    await gateway.close();
    await discord.close();
  });

  it('registers the answered commands in one server with --guild, or globally', async () => {
    const env = { DISCORD_TOKEN: gateway.token, DISCORD_API_BASE: discord.apiBase };
    const inGuild = await runCli(['register-commands', '--guild', gateway.guildId], env);
    expect(inGuild.code, inGuild.stderr).toBe(0);
    expect(inGuild.stdout).toBe(`registered /search /latest /story /group /why /feeds /route /status /help in server ${gateway.guildId}\n`);
    expect(gateway.commands(gateway.guildId).map((c) => c.name)).toEqual(['search', 'latest', 'story', 'group', 'why', 'feeds', 'route', 'status', 'help']);
    const global = await runCli(['register-commands'], env);
    expect(global.code, global.stderr).toBe(0);
    expect(gateway.commands().map((c) => c.name)).toEqual(['search', 'latest', 'story', 'group', 'why', 'feeds', 'route', 'status', 'help']);
  });

  it('says what it needs without a token', async () => {
    const result = await runCli(['register-commands'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('register-commands needs DISCORD_TOKEN');
  });
});
