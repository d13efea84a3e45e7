import { z } from 'zod';
import { CodeSchema, CommuneCodeSchema, DecimalTextSchema, DistrictCodeSchema, IsoDateSchema, MoneySchema, RecordIdSchema } from './common.js';
import { MAX_CLASS_TRAINEES } from './plan.js';

/**
 * Results of what was held (KH.III.3): what a district (or Ban Dân tộc, for the province's own
 * classes and study tours) reports after the classes. One schema; the types are inferred below.
 */

const endNotBeforeStart = (v: { start: string; end: string }) => v.end >= v.start;
const endMessage = { message: 'the end date is before the start date', path: ['end'] };

/** Money actually spent on one line of the plan's estimate. */
export const SpendingSchema = z
  .strictObject({
    line: RecordIdSchema.meta({ description: 'Id of a budget line of the plan, e.g. "NS-04".' }),
    amount: MoneySchema,
  })
  .meta({ description: 'Actual spending on one budget line of the plan, in whole đồng.' });

/** A class that was held: which planned class it is (or none), where, when, who came, what it cost. */
export const HeldClassSchema = z
  .strictObject({
    id: RecordIdSchema,
    /** Id of the class in the plan; null for a class that was not planned. */
    planClass: RecordIdSchema.nullable().default(null),
    track: CodeSchema,
    district: DistrictCodeSchema.optional(),
    commune: CommuneCodeSchema.optional(),
    /** Where it was held (a hall, a commune centre), as written by the district. */
    place: z.string().trim().min(1, { message: 'the place where the class was held is required' }).max(300),
    start: IsoDateSchema,
    end: IsoDateSchema,
    days: DecimalTextSchema,
    /** Ids of the trainees who attended, in the roster. */
    trainees: z.array(RecordIdSchema).max(MAX_CLASS_TRAINEES),
    spending: z.array(SpendingSchema).max(100).default([]),
  })
  .refine(endNotBeforeStart, endMessage);

/** A study tour that went: which planned tour (or none), who went, what it cost. */
export const HeldStudyTourSchema = z
  .strictObject({
    id: RecordIdSchema,
    planTour: RecordIdSchema.nullable().default(null),
    destination: z.string().max(200).optional(),
    start: IsoDateSchema,
    end: IsoDateSchema,
    members: z.array(RecordIdSchema).max(MAX_CLASS_TRAINEES),
    spending: z.array(SpendingSchema).max(100).default([]),
  })
  .refine(endNotBeforeStart, endMessage);

/** One results report: a district's (district code) or Ban Dân tộc's own (district null). */
export const ResultsSchema = z.strictObject({
  id: RecordIdSchema.optional(),
  /** The reporting district; null for the province's own classes and study tours (Ban Dân tộc). */
  district: DistrictCodeSchema.nullable(),
  districtName: z.string().max(200).optional(),
  /** The date the report was sent to Ban Dân tộc (KH.III.3). */
  sentOn: IsoDateSchema,
  note: z.string().max(2000).optional(),
  classes: z.array(HeldClassSchema).max(20_000),
  studyTours: z.array(HeldStudyTourSchema).max(100).default([]),
});

export type Spending = z.output<typeof SpendingSchema>;
export type HeldClass = z.output<typeof HeldClassSchema>;
export type HeldStudyTour = z.output<typeof HeldStudyTourSchema>;
export type Results = z.output<typeof ResultsSchema>;
export type ResultsInput = z.input<typeof ResultsSchema>;
