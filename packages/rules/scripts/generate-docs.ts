/**
 * Writes docs/pack-reference.md (facts by scope, operators, units) from the code:
 *   pnpm --filter @p135/rules generate-docs
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packReferenceMarkdown } from '../src/pack/reference-doc.js';

const file = join(dirname(fileURLToPath(import.meta.url)), '../../../docs/pack-reference.md');
writeFileSync(file, packReferenceMarkdown());
console.log(`wrote ${file}`);
