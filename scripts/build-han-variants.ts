// Regenerates src/core/han-variants.json from opencc-js: npx tsx scripts/build-han-variants.ts
import { writeFileSync } from 'node:fs';
import { buildHanVariantTables } from './han-variant-tables.js';

const tables = buildHanVariantTables();
writeFileSync(new URL('../src/core/han-variants.json', import.meta.url), `${JSON.stringify(tables)}\n`);
console.log(`han-variants.json: ${tables.traditionalToSimplified.length} Traditional → Simplified pairs, ${[...tables.simplifiedOnly].length} Simplified-only characters`);
