import type { InputError } from '@p135/io';
import type { Candidate, Decision, Lang, Pack, Plan, PlanReport } from '@p135/rules';

/**
 * Messages between the page and the engine worker, which reads files, decides rosters, checks
 * plans and writes exports off the page's thread, so the page answers while it works.
 */
export type Request =
  /** asOf: the date whose parameter values decide (absent: the pack's default). */
  | { kind: 'roster'; job: number; packId: string; asOf?: string; name: string; bytes: Uint8Array }
  /** withRoster: check the plan's trainees against the roster the worker holds (the user chose it for the plan). */
  | { kind: 'plan'; job: number; packId: string; asOf?: string; name: string; bytes: Uint8Array; withRoster: boolean }
  | { kind: 'export'; job: number; packId: string; asOf?: string; lang: Lang; format: ExportFormat; indices: readonly number[]; name: string }
  /** A pack file: read and validated (its base: a bundled pack or one loaded before); a valid one is kept for the jobs that name its id. */
  | { kind: 'pack'; job: number; name: string; bytes: Uint8Array }
  | { kind: 'cancel'; job: number };

export type ExportFormat = 'csv' | 'xlsx';

export type Phase = 'read' | 'decide' | 'check' | 'export';

export interface RosterDone {
  readonly kind: 'roster';
  readonly job: number;
  readonly errors: readonly InputError[];
  /** What the reader did that the person should know (the header row taken, columns left out, a footer, the decoding): nothing wrong. */
  readonly warnings: readonly InputError[];
  /** The people and their decisions, in order (gathered from the RosterParts before it). */
  readonly candidates: readonly Candidate[];
  readonly decisions: readonly Decision[];
}

export interface PlanDone {
  readonly kind: 'plan';
  readonly job: number;
  readonly errors: readonly InputError[];
  /** What the reader did that the person should know (the decoding used): nothing wrong. */
  readonly warnings: readonly InputError[];
  readonly plan?: Plan;
  readonly report?: PlanReport;
  /** How many people the plan was checked against (the chosen roster, or the plan's own list), or null with none. */
  readonly rosterSize: number | null;
  /** Where those people came from: the roster the user chose, the plan file's own list, or nowhere. */
  readonly rosterSource: 'roster' | 'plan' | 'none';
}

export interface PackDone {
  readonly kind: 'pack';
  readonly job: number;
  /** Every problem of the file, each at its JSON path (as `p135 pack validate` lists them). */
  readonly errors: readonly InputError[];
  readonly warnings: readonly InputError[];
  /** The pack as validated (its base applied), when it has no error. */
  readonly pack?: Pack;
}

export interface ExportDone {
  readonly kind: 'export';
  readonly job: number;
  readonly bytes: Uint8Array;
  readonly name: string;
  readonly type: string;
}

/** A slice of a decided roster, sent ahead of its RosterDone so no single message is large. */
export interface RosterPart {
  readonly kind: 'roster-part';
  readonly job: number;
  readonly candidates: readonly Candidate[];
  readonly decisions: readonly Decision[];
}

export type Reply =
  | RosterDone
  | RosterPart
  | PlanDone
  | ExportDone
  | PackDone
  | { kind: 'progress'; job: number; phase: Phase; done: number; total: number }
  | { kind: 'cancelled'; job: number }
  | { kind: 'failed'; job: number; message: string };

export type Done = RosterDone | PlanDone | ExportDone | PackDone;
