import { z } from 'zod';
import { CodeSchema, PackIdSchema, VersionSchema } from './common.js';
import {
  BudgetRulesSchema,
  ClauseSchema,
  DatedValueSchema,
  DisabledRuleSchema,
  DottedIdSchema,
  LocalizedSchema,
  PACK_FORMAT,
  PackMetaSchema,
  ParameterSchema,
  ParameterValueSchema,
  RateSchema,
  RoleSchema,
  RuleSchema,
  TrackSchema,
  VocabularySchema,
} from './pack.js';
import { PlacesSchema } from './places.js';

/** Changing a parameter of the base: any of its fields; the result is validated as a whole. */
export const ParameterOverrideSchema = z
  .strictObject({
    label: LocalizedSchema.optional(),
    value: ParameterValueSchema.optional(),
    clause: z.string().optional(),
    assumption: LocalizedSchema.optional(),
    values: z.array(DatedValueSchema).max(50).optional(),
  })
  .refine((o) => Object.keys(o).length > 0, { message: 'an override changes at least one field' });

const addReplace = <T extends z.ZodType>(item: T) => z.strictObject({ add: z.array(item).max(2000).optional(), replace: z.array(item).max(2000).optional() });

/**
 * A pack that adapts another: it names its base and says what differs. Everything it does
 * not mention comes from the base. Adding an id that exists, or replacing, overriding or
 * disabling one that does not, is an error; the resulting pack is then validated whole.
 */
export const PackExtensionSchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  format: z.literal(PACK_FORMAT),
  id: PackIdSchema,
  version: VersionSchema,
  extends: z.strictObject({
    pack: PackIdSchema,
    /** The base's version this pack was written against; a different one is an error. */
    version: VersionSchema.optional(),
  }),
  /** Fields of the base's metadata to change (title, year, decision, status…). */
  meta: PackMetaSchema.partial().optional(),
  clauses: addReplace(ClauseSchema).optional(),
  tracks: addReplace(TrackSchema).optional(),
  roles: addReplace(RoleSchema).optional(),
  parameters: z
    .strictObject({
      override: z.record(DottedIdSchema, ParameterOverrideSchema).optional(),
      add: z.record(DottedIdSchema, ParameterSchema).optional(),
    })
    .optional(),
  rates: addReplace(RateSchema)
    .extend({ remove: z.array(DottedIdSchema).max(500).optional() })
    .optional(),
  budget: BudgetRulesSchema.optional(),
  rules: addReplace(RuleSchema)
    .extend({
      /** Rule ids to turn off: an id, or `{ id, reason: { vi, en }, clause }` saying why (shown by `pack diff`). */
      disable: z
        .array(z.union([DottedIdSchema, DisabledRuleSchema]))
        .max(2000)
        .optional(),
    })
    .optional(),
  messages: z.record(DottedIdSchema, LocalizedSchema).optional(),
  /** Words added to the base's vocabulary (each list is appended to the base's): a province's own spellings, without code. */
  vocabulary: VocabularySchema.partial().optional(),
  /** The province's own districts and communes, replacing the base's whole (absent: the base's). */
  places: PlacesSchema.optional(),
  /** Role codes a parameter list gains, e.g. `{ "roles.commune_community": ["village_head"] }`. */
  appendToLists: z.record(DottedIdSchema, z.array(CodeSchema.or(z.string().regex(/^\d{2}$/))).max(500)).optional(),
});

export type PackExtension = z.output<typeof PackExtensionSchema>;
