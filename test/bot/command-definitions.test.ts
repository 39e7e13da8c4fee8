import { describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../src/bot/command-definitions.js';

// Discord's documented limits (DISCORD.md §5): checked here so a registration never fails in production.
const NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

describe('slash command definitions', () => {
  const commands = commandDefinitions();

  it('are the commands the issue names', () => {
    expect(commands.map((c) => c.name)).toEqual(['search', 'latest', 'story', 'group', 'why', 'feeds', 'route', 'status', 'help']);
  });

  it.each(commandDefinitions().map((c) => ({ name: c.name, command: c })))('/$name keeps within the limits', ({ command }) => {
    expect(command.name).toMatch(NAME);
    expect(command.name).toBe(command.name.toLowerCase());
    expect(command.description.length).toBeGreaterThan(0);
    expect(command.description.length).toBeLessThanOrEqual(100);
    expect((command.options ?? []).length).toBeLessThanOrEqual(25);
    expect(JSON.stringify(command).length).toBeLessThanOrEqual(8000);
    for (const option of command.options ?? []) {
      expect(option.name).toMatch(NAME);
      expect(option.description.length).toBeLessThanOrEqual(100);
    }
  });

  it('feed and route management need Manage Server', () => {
    const byName = Object.fromEntries(commands.map((c) => [c.name, c]));
    expect(byName.feeds!.default_member_permissions).toBe(String(1 << 5));
    expect(byName.route!.default_member_permissions).toBe(String(1 << 5));
    expect(byName.search!.default_member_permissions).toBeUndefined();
  });
});
