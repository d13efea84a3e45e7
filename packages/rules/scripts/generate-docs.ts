/**
 * Writes docs/pack-reference.md (facts by scope, operators, units) and docs/error-codes.md (every
 * problem code) from the code:
 *   pnpm --filter @p135/rules generate-docs
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packReferenceMarkdown } from '../src/pack/reference-doc.js';
import { errorCodesMarkdown } from '../src/problems/codes-doc.js';

const docs = join(dirname(fileURLToPath(import.meta.url)), '../../../docs');
for (const [name, text] of [
  ['pack-reference.md', packReferenceMarkdown()],
  ['error-codes.md', errorCodesMarkdown()],
] as const) {
  writeFileSync(join(docs, name), text);
  console.log(`wrote ${join(docs, name)}`);
}
