import { z } from 'zod';
import { CodeSchema, CommuneCodeSchema, DistrictCodeSchema, RecordIdSchema, YearSchema } from './common.js';

/**
 * A place's standing on the Program 135 lists (KH.II.1): `listed` on Decision 900/QĐ-TTg (communes)
 * or 414/QĐ-UBDT (villages), `struckOff` by Decision 1747/QĐ-TTg (communes) or 958/QĐ-UBDT (villages).
 */
export const ListStatusSchema = z.strictObject({
  listed: z.boolean(),
  struckOff: z.boolean().default(false),
});

export const DistrictRefSchema = z.strictObject({
  code: DistrictCodeSchema,
  name: z.string().max(200).optional(),
});

export const CommuneRefSchema = z.strictObject({
  code: CommuneCodeSchema,
  name: z.string().max(200).optional(),
  p135: ListStatusSchema,
});

export const VillageRefSchema = z.strictObject({
  name: z.string().min(1).max(200),
  code: z.string().max(32).optional(),
  p135: ListStatusSchema,
});

export const CLASS_LEVELS = ['province', 'district', 'commune'] as const;
export const ClassLevelSchema = z.enum(CLASS_LEVELS);

export const GENDERS = ['female', 'male'] as const;

/** One person who may be put forward for training. */
export const CandidateSchema = z.strictObject({
  id: RecordIdSchema,
  name: z.string().trim().min(1, { message: 'a name is required' }).max(200),
  gender: z.enum(GENDERS, { message: 'gender is "female" or "male"' }),
  birthYear: YearSchema,
  /** Code of one of Vietnam's 54 ethnic groups (Decision 121-TCTK/PPCĐ), "01" Kinh to "54". */
  ethnicity: z.string().regex(/^[0-9]{2}$/, { message: 'an ethnic group code has 2 digits, "01" (Kinh) to "54"' }),
  /** A role code of the glossary (or one a pack adds); `other` for anyone else. */
  role: CodeSchema,
  district: DistrictRefSchema,
  commune: CommuneRefSchema,
  village: VillageRefSchema.optional(),
  /** Years in which the person attended a province-level Program 135 class. */
  provinceTrainingYears: z.array(YearSchema).max(50).default([]),
  /** Levels of the plan-year classes the person has attended (province, district, commune). */
  planYearClasses: z.array(ClassLevelSchema).max(10).default([]),
});

export type Candidate = z.output<typeof CandidateSchema>;
export type CandidateInput = z.input<typeof CandidateSchema>;
export type ListStatus = z.output<typeof ListStatusSchema>;
