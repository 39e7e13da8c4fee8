import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildHanVariantTables } from '../../scripts/han-variant-tables.js';
import { countHanVariants } from '../../src/core/han-variants.js';
import { foldText } from '../../src/core/fold-text.js';

describe('Han variant tables', () => {
  it('match what opencc-js derives today (else run: npx tsx scripts/build-han-variants.ts)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../src/core/han-variants.json', import.meta.url), 'utf8')) as unknown;
    expect(committed).toEqual(buildHanVariantTables());
  }, 30_000);

  it.each([
    { text: '臺灣國防部：共機擾台', traditional: 5, simplified: 0 },
    { text: '台湾海峡局势引关注', traditional: 0, simplified: 4 },
    { text: '台北市長', traditional: 1, simplified: 0 },
    { text: '台北', traditional: 0, simplified: 0 },
  ])('counts $text', ({ text, traditional, simplified }) => {
    expect(countHanVariants(text)).toEqual({ traditional, simplified });
  });

  it.each([
    { text: '臺灣 資通電軍', folded: '台湾 资通电军' },
    { text: 'ＡＰＴ３１ l’État', folded: "apt31 l'état" },
  ])('folds $text', ({ text, folded }) => {
    expect(foldText(text)).toBe(folded);
  });
});
