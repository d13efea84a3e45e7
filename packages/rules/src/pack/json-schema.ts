import { z } from 'zod';
import { PackExtensionSchema } from '../schemas/pack-extension.js';
import { PackTestSuiteSchema } from '../schemas/pack-tests.js';
import { PackSchema } from '../schemas/pack.js';

/**
 * JSON Schemas (draft 2020-12) generated from the zod schemas, for editors to validate and
 * complete pack files. Checks the schema language cannot say (a clause that must exist, a
 * parameter cited by a rule) are made by `parsePack` only.
 */
export function packJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(z.union([PackSchema, PackExtensionSchema]), { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { ...schema, title: 'Program 135 rule pack (a whole pack, or one that extends another)' };
}

export function packTestsJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PackTestSuiteSchema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { ...schema, title: 'Program 135 rule pack test vectors' };
}
