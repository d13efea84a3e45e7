import { z } from 'zod';
import { CandidateSchema } from './candidate.js';
import {
  CodeSchema,
  CommuneCodeSchema,
  DecimalTextSchema,
  DistrictCodeSchema,
  IsoDateSchema,
  MoneySchema,
  RecordIdSchema,
} from './common.js';

export const MAX_CLASS_TRAINEES = 5_000;

const endNotBeforeStart = (v: { start: string; end: string }) => v.end >= v.start;
const endMessage = { message: 'the end date is before the start date', path: ['end'] };

/** A class of one track, with the ids of its trainees. */
export const ClassSchema = z
  .strictObject({
    id: RecordIdSchema,
    track: CodeSchema,
    district: DistrictCodeSchema.optional(),
    commune: CommuneCodeSchema.optional(),
    start: IsoDateSchema,
    end: IsoDateSchema,
    days: DecimalTextSchema,
    trainees: z.array(RecordIdSchema).max(MAX_CLASS_TRAINEES),
  })
  .refine(endNotBeforeStart, endMessage);

/** A study-tour delegation (KH.II.3). */
export const StudyTourSchema = z
  .strictObject({
    id: RecordIdSchema,
    destination: z.string().max(200).optional(),
    start: IsoDateSchema,
    end: IsoDateSchema,
    members: z.array(RecordIdSchema).max(MAX_CLASS_TRAINEES),
  })
  .refine(endNotBeforeStart, endMessage);

/** One line of the plan's estimate: what it pays for (a track code, or another code) and how much. */
export const BudgetLineSchema = z.strictObject({
  id: RecordIdSchema,
  category: CodeSchema,
  label: z.string().max(500).optional(),
  amount: MoneySchema,
});

/** A plan: its classes, study tours and budget lines, and optionally the roster they draw on. */
export const PlanSchema = z.strictObject({
  id: RecordIdSchema.optional(),
  title: z.string().max(500).optional(),
  year: z.int().min(1900).max(2100).optional(),
  note: z.string().max(2000).optional(),
  classes: z.array(ClassSchema).max(5_000),
  studyTours: z.array(StudyTourSchema).max(100).default([]),
  budget: z.array(BudgetLineSchema).max(10_000).default([]),
  candidates: z.array(CandidateSchema).max(200_000).optional(),
});

export type TrainingClass = z.output<typeof ClassSchema>;
export type StudyTour = z.output<typeof StudyTourSchema>;
export type BudgetLine = z.output<typeof BudgetLineSchema>;
export type Plan = z.output<typeof PlanSchema>;
export type PlanInput = z.input<typeof PlanSchema>;
