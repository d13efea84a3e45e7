import { z } from 'zod';
import type { DeepReadonly } from './results.js';
import { IsoDateSchema } from './common.js';
import { BudgetSummarySchema, FindingSchema, MoneyDigitsSchema, PackRefSchema, TextSchema } from './results.js';

/**
 * The results reports the package builds (KH.III.3, KH.III.1): a district's report and the
 * provincial consolidation. Every figure is exact: counts are integers, days and rates decimal
 * strings, money whole đồng as digit strings.
 */

const Text = TextSchema;
const Decimal = z
  .string()
  .regex(/^-?[0-9]+(\.[0-9]+)?$/)
  .meta({ description: 'An exact decimal as text, e.g. "3.5".' });
const SignedMoney = z
  .string()
  .regex(/^-?[0-9]+$/)
  .meta({ description: 'Whole đồng, negative when over.' });
const Count = z.int().min(0);

/** What a printed report carries above and below its tables: all words from the pack's messages. */
export const ReportHeadingSchema = z.strictObject({
  issuer: Text,
  /** The national motto printed opposite the issuer. */
  motto: Text,
  title: Text,
  recipient: Text,
  dateline: Text,
  signatures: z.array(Text),
  /** The results' own note (e.g. "example data"), shown under the title. */
  note: z.string().optional(),
});

export const PriorityCountSchema = z.strictObject({ ruleId: z.string(), clause: z.string(), label: Text, trainees: Count });

/** Who attended the classes of one track (or all tracks, for the total row). */
export const TraineeTallySchema = z.strictObject({
  /** A track code, or "total". */
  track: z.string(),
  label: Text,
  /** Distinct people. */
  trainees: Count,
  /** Places taken (a person in two classes counts twice). */
  attendances: Count,
  female: Count,
  male: Count,
  /** Members of an ethnic minority (every group but Kinh). */
  minority: Count,
  /** Members of the 16 very-small groups of Decree 57/2017/NĐ-CP. */
  verySmall: Count,
  /** Attendees who meet each priority criterion of the track, by the pack's own priority rules. */
  priority: z.array(PriorityCountSchema),
  /** Σ trainees × days over the classes. */
  traineeDays: Decimal,
});

export const TrackClassesSchema = z.strictObject({
  track: z.string(),
  label: Text,
  clause: z.string(),
  planned: Count,
  held: Count,
  /** Held classes that are classes of the plan. */
  heldPlanned: Count,
  /** Held classes that are not in the plan. */
  unplanned: Count,
  /** Ids of the plan's classes not reported as held. */
  notHeld: z.array(z.string()),
});

export const PlaceClassesSchema = z.strictObject({ code: z.string(), name: z.string().optional(), track: z.string(), trackLabel: Text, planned: Count, held: Count, trainees: Count });

export const SpendingLineSchema = z.strictObject({
  line: z.string(),
  category: z.string(),
  label: z.string().optional(),
  /** The line's amount in the plan's estimate. */
  estimate: MoneyDigitsSchema,
  spent: MoneyDigitsSchema,
  /** estimate − spent. */
  remaining: SignedMoney,
  within: z.boolean(),
});

export const SpendingTableSchema = z.strictObject({
  lines: z.array(SpendingLineSchema),
  total: z.strictObject({ estimate: MoneyDigitsSchema, spent: MoneyDigitsSchema, remaining: SignedMoney }),
});

export const HeldClassRowSchema = z.strictObject({
  id: z.string(),
  planClass: z.string().nullable(),
  track: z.string(),
  district: z.string().optional(),
  commune: z.string().optional(),
  place: z.string(),
  start: IsoDateSchema,
  end: IsoDateSchema,
  days: Decimal,
  plannedDays: Decimal.nullable(),
  trainees: Count,
  spent: MoneyDigitsSchema,
});

export const HeldTourRowSchema = z.strictObject({
  id: z.string(),
  planTour: z.string().nullable(),
  reportedBy: z.string().nullable(),
  destination: z.string().optional(),
  start: IsoDateSchema,
  end: IsoDateSchema,
  members: Count,
  spent: MoneyDigitsSchema,
});

export const TimelinessSchema = z.strictObject({
  /** The pack's \`report.deadline\`; null when the pack has none (then every report is on time). */
  deadline: IsoDateSchema.nullable(),
  deadlineClause: z.string(),
  sentOn: IsoDateSchema.nullable(),
  status: z.enum(['on_time', 'late', 'missing']),
  /** Days after the deadline; 0 when on time or missing. */
  daysLate: Count,
});

export const DistrictReportSchema = z.strictObject({
  kind: z.literal('district'),
  /** The reporting district; null for Ban Dân tộc's own classes. */
  district: z.string().nullable(),
  districtName: z.string(),
  heading: ReportHeadingSchema,
  timeliness: TimelinessSchema,
  classes: z.strictObject({ byTrack: z.array(TrackClassesSchema), byCommune: z.array(PlaceClassesSchema), held: z.array(HeldClassRowSchema) }),
  trainees: z.strictObject({ byTrack: z.array(TraineeTallySchema), total: TraineeTallySchema }),
  studyTours: z.array(HeldTourRowSchema),
  spending: SpendingTableSchema,
  findings: z.array(FindingSchema),
  errors: Count,
  warnings: Count,
  pack: PackRefSchema,
});

export const TargetRateSchema = z.strictObject({
  track: z.string(),
  label: Text,
  clause: z.string(),
  /** The plan's number of classes of the track (the pack's parameter). */
  targetClasses: Count,
  held: Count,
  /** held ÷ target, to 4 decimal places (rounded half up); null without a target. */
  rate: Decimal.nullable(),
  /** Trainees per class in the pack (a target, "about N"); null if the track has none. */
  targetSize: Count.nullable(),
  attendances: Count,
  /** attendances ÷ held classes, to 2 decimal places (rounded half up). */
  averageSize: Decimal.nullable(),
});

export const DistrictStatusSchema = TimelinessSchema.extend({
  district: z.string(),
  districtName: z.string(),
  held: Count,
  trainees: Count,
  spent: MoneyDigitsSchema,
  errors: Count,
  warnings: Count,
});

export const ProvinceReportSchema = z.strictObject({
  kind: z.literal('province'),
  heading: ReportHeadingSchema,
  asOf: IsoDateSchema,
  districts: z.array(DistrictStatusSchema),
  missing: z.array(z.string()),
  late: z.array(z.string()),
  targets: z.array(TargetRateSchema),
  classes: z.strictObject({ byTrack: z.array(TrackClassesSchema), byDistrict: z.array(PlaceClassesSchema) }),
  trainees: z.strictObject({ byTrack: z.array(TraineeTallySchema), total: TraineeTallySchema, reportedTwice: Count }),
  studyTours: z.array(HeldTourRowSchema),
  spending: SpendingTableSchema,
  /** Spending against the ceiling and the caps (study tours ≤ 10%), exact. */
  budget: BudgetSummarySchema,
  findings: z.array(FindingSchema),
  errors: Count,
  warnings: Count,
  pack: PackRefSchema,
});

export type ReportHeading = DeepReadonly<z.output<typeof ReportHeadingSchema>>;
export type PriorityCount = DeepReadonly<z.output<typeof PriorityCountSchema>>;
export type TraineeTally = DeepReadonly<z.output<typeof TraineeTallySchema>>;
export type TrackClasses = DeepReadonly<z.output<typeof TrackClassesSchema>>;
export type PlaceClasses = DeepReadonly<z.output<typeof PlaceClassesSchema>>;
export type SpendingLine = DeepReadonly<z.output<typeof SpendingLineSchema>>;
export type SpendingTable = DeepReadonly<z.output<typeof SpendingTableSchema>>;
export type HeldClassRow = DeepReadonly<z.output<typeof HeldClassRowSchema>>;
export type HeldTourRow = DeepReadonly<z.output<typeof HeldTourRowSchema>>;
export type Timeliness = DeepReadonly<z.output<typeof TimelinessSchema>>;
export type DistrictReport = DeepReadonly<z.output<typeof DistrictReportSchema>>;
export type TargetRate = DeepReadonly<z.output<typeof TargetRateSchema>>;
export type DistrictStatus = DeepReadonly<z.output<typeof DistrictStatusSchema>>;
export type ProvinceReport = DeepReadonly<z.output<typeof ProvinceReportSchema>>;
