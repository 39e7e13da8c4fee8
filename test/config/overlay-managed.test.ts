import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { overlayManaged } from '../../src/config/overlay-managed.js';

const file = parseConfig(
  {
    feeds: [
      { id: 'cna-en', url: 'https://focustaiwan.tw/rss' },
      { id: 'xinhua', url: 'https://example.cn/rss' },
    ],
    routes: [{ webhook: 'https://discord.com/api/webhooks/123456789012345678/token' }],
  },
  'test',
);
const row = (feedId: string, definition: unknown) => ({ feedId, definition, changedBy: 'admin', changedAt: '2026-11-25T00:00:00Z' });

describe('overlayManaged', () => {
  it('adds, replaces and removes feeds, and says where each is defined', () => {
    const out = overlayManaged(file, [row('xinhua', null), row('new', { id: 'new', url: 'https://new.example/rss' }), row('cna-en', { id: 'cna-en', url: 'https://focustaiwan.tw/new-rss' })], []);
    expect(out.feeds.map((f) => [f.id, f.url])).toEqual([
      ['cna-en', 'https://focustaiwan.tw/new-rss'],
      ['new', 'https://new.example/rss'],
    ]);
    expect(out.feeds[1]).toMatchObject({ interval: '5m', enabled: true, tags: [] });
    expect(Object.fromEntries(out.feedOrigin)).toEqual({ 'cna-en': 'discord', new: 'discord' });
    expect(out.problems).toEqual([]);
  });

  it('puts managed routes after the file ones, numbered', () => {
    const out = overlayManaged(file, [], [{ id: 4, definition: { channel: '223456789012345678', topics: ['apt'] } }]);
    expect(out.routes).toHaveLength(2);
    expect(out.managedRouteIds.get(out.routes[1]!)).toBe(4);
    expect(out.managedRouteIds.get(out.routes[0]!)).toBeUndefined();
  });

  it('names a stored change that no longer validates, and leaves it out', () => {
    const out = overlayManaged(file, [row('broken', { id: 'broken', url: 'gopher://x' })], [{ id: 2, definition: { topics: ['apt'] } }]);
    expect(out.feeds.map((f) => f.id)).toEqual(['cna-en', 'xinhua']);
    expect(out.problems).toEqual([
      'feed "broken" added from Discord is invalid (url: must be an http(s) URL); remove it with /feeds remove',
      'route #2 added from Discord is invalid ((top level): a route needs exactly one of "channel" or "webhook"); remove it with /route remove',
    ]);
  });
});
