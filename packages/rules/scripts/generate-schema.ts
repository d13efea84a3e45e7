/**
 * Writes the JSON Schemas of packs and pack test files, generated from the zod schemas:
 *   pnpm --filter @p135/rules generate-schema
 * A test fails when the committed files differ from what this writes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {} from '../src/index.js';
import { packJsonSchema, packTestsJsonSchema } from '../src/pack/json-schema.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../schema');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'pack.schema.json'), `${JSON.stringify(packJsonSchema(), null, 2)}\n`);
writeFileSync(join(dir, 'pack-tests.schema.json'), `${JSON.stringify(packTestsJsonSchema(), null, 2)}\n`);
console.log(`wrote ${dir}/pack.schema.json and pack-tests.schema.json`);
