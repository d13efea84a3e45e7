import type { InputError, ResultsReport } from '@p135/io';
import type { Lang, Plan, Pack } from '@p135/rules';
import type { LoadedFile } from '../lib/files';

/**
 * Messages between the reports view and its worker, which reads the plan, the roster and the
 * results files with `@p135/io` (the CLI's readers), builds the report with `@p135/rules`, and
 * writes its downloads, off the page's thread. Every request carries what it needs: the worker
 * keeps nothing between requests.
 */
export type ReportRequest =
  | {
      kind: 'build';
      job: number;
      packId: string;
      /** The pack itself when it is not bundled (one the user loaded, validated by the engine worker). */
      pack?: Pack;
      level: 'district' | 'province';
      plan: LoadedFile;
      roster: LoadedFile;
      results: readonly LoadedFile[];
      asOf?: string;
    }
  | { kind: 'render'; job: number; format: ReportFormat; lang: Lang; report: ResultsReport };

export type ReportFormat = 'xlsx' | 'csv' | 'html';

export type ReportReply =
  | { kind: 'built'; job: number; errors: readonly InputError[]; report?: ResultsReport; plan?: Plan }
  | { kind: 'rendered'; job: number; bytes: Uint8Array; type: string }
  | { kind: 'failed'; job: number; message: string };
