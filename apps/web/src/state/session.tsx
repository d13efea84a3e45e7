import type { InputError } from '@p135/io';
import { type Candidate, type Decision, type Lang, type Plan, type PlanReport, placesOf } from '@p135/rules';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { engine, type Progress } from '../engine/client';
import type { ExportFormat } from '../engine/protocol';
import type { LoadedFile } from '../lib/files';
import { type RosterRow, rosterRows } from '../lib/roster-rows';
import { forgetFiles, loadSaved, saveFile, savePlanWithRoster } from '../lib/saved';
import { usePack } from './pack';

/** A roster file and what became of it. */
export type RosterState =
  | { readonly status: 'empty' }
  | { readonly status: 'working'; readonly file: LoadedFile; readonly progress: Progress }
  | { readonly status: 'invalid'; readonly file: LoadedFile; readonly errors: readonly InputError[]; readonly warnings: readonly InputError[] }
  | { readonly status: 'failed'; readonly file: LoadedFile; readonly message: string }
  | { readonly status: 'cancelled'; readonly file: LoadedFile }
  | {
      readonly status: 'ready';
      readonly file: LoadedFile;
      /** What the reader did that the person should know (see `InputNotices`). */
      readonly warnings: readonly InputError[];
      readonly packId: string;
      readonly candidates: readonly Candidate[];
      readonly decisions: readonly Decision[];
      readonly rows: readonly RosterRow[];
    };

/** A plan file and its check. */
export type PlanState =
  | { readonly status: 'empty' }
  | { readonly status: 'working'; readonly file: LoadedFile; readonly progress: Progress }
  | { readonly status: 'invalid'; readonly file: LoadedFile; readonly errors: readonly InputError[]; readonly warnings: readonly InputError[] }
  | { readonly status: 'failed'; readonly file: LoadedFile; readonly message: string }
  | {
      readonly status: 'ready';
      readonly file: LoadedFile;
      /** What the reader did that the person should know (see `InputNotices`). */
      readonly warnings: readonly InputError[];
      readonly packId: string;
      readonly plan: Plan;
      readonly report: PlanReport;
      /** People the plan was checked against; null when there was no roster. */
      readonly rosterSize: number | null;
      /** The roster the user chose for the plan, the plan file's own list, or none: what concerns the roster is then left out. */
      readonly rosterSource: 'roster' | 'plan' | 'none';
      readonly rosterName: string | undefined;
    };

interface SessionValue {
  readonly roster: RosterState;
  readonly plan: PlanState;
  loadRoster(file: LoadedFile): Promise<void>;
  cancelRoster(): void;
  /** Loads a plan; its trainees are checked against the loaded roster only when `withRoster` (the user's choice). */
  loadPlan(file: LoadedFile, withRoster?: boolean): Promise<void>;
  /** The roster file the plan is checked against, chosen by the user; undefined when none. */
  readonly planRoster: LoadedFile | undefined;
  /** Checks the plan against the loaded roster (true) or without any roster (false). */
  choosePlanRoster(on: boolean): Promise<void>;
  /** Unloads the roster and the plan and removes them from the browser's storage. */
  forget(): Promise<void>;
  exportRoster(format: ExportFormat, indices: readonly number[], lang: Lang, name: string): Promise<{ bytes: Uint8Array; name: string; type: string } | undefined>;
}

const SessionContext = createContext<SessionValue | null>(null);

const WAITING: Progress = { phase: 'read', done: 0, total: 0 };

/**
 * The files the user loaded and their results, shared by the roster and plan views and kept when
 * switching views. Changing the pack decides the roster and checks the plan again.
 */
/** The date field of a worker job: none for the pack's default date. */
const datedOn = (asOf: string): { asOf?: string } => (asOf ? { asOf } : {});

export function SessionProvider({ children }: { children: ReactNode }) {
  const { packId, asOf, book } = usePack();
  // The active rulebook, for the names of places in the roster's rows.
  const bookRef = useRef(book);
  bookRef.current = book;
  const [roster, setRoster] = useState<RosterState>({ status: 'empty' });
  const [plan, setPlan] = useState<PlanState>({ status: 'empty' });
  const rosterJob = useRef<{ id: number; cancel: () => void } | undefined>(undefined);
  const planJob = useRef<{ id: number; cancel: () => void } | undefined>(undefined);
  const rosterFile = useRef<LoadedFile | undefined>(undefined);
  const planFile = useRef<LoadedFile | undefined>(undefined);
  // The roster the user chose for the plan (a state for the page, a ref for the jobs).
  const [planRoster, setPlanRoster] = useState<LoadedFile | undefined>(undefined);
  const planRosterRef = useRef<LoadedFile | undefined>(undefined);
  const setChosen = useCallback((file: LoadedFile | undefined) => {
    planRosterRef.current = file;
    setPlanRoster(file);
    void savePlanWithRoster(file !== undefined);
  }, []);
  const packRef = useRef(packId);
  packRef.current = packId;
  // The date whose values decide, for the worker's jobs ('' for the pack's default).
  const asOfRef = useRef(asOf);
  asOfRef.current = asOf;

  const checkPlan = useCallback(async (file: LoadedFile) => {
    planJob.current?.cancel();
    if (file.refused) {
      planJob.current = undefined;
      setPlan({ status: 'invalid', file, errors: [file.refused], warnings: [] });
      return;
    }
    const pack = packRef.current;
    const chosen = planRosterRef.current;
    const withRoster = chosen !== undefined && chosen === rosterFile.current;
    const job = engine.run<'plan'>({ kind: 'plan', packId: pack, ...datedOn(asOfRef.current), name: file.name, bytes: file.bytes, withRoster }, (progress) => {
      if (planJob.current?.id === job.id) setPlan({ status: 'working', file, progress });
    });
    planJob.current = job;
    setPlan({ status: 'working', file, progress: WAITING });
    try {
      const r = await job.result;
      if (planJob.current?.id !== job.id || r === 'cancelled') return;
      if (!r.plan || !r.report) setPlan({ status: 'invalid', file, errors: r.errors, warnings: r.warnings });
      else
        setPlan({
          status: 'ready',
          file,
          warnings: r.warnings,
          packId: pack,
          plan: r.plan,
          report: r.report,
          rosterSize: r.rosterSize,
          rosterSource: r.rosterSource,
          rosterName: r.rosterSource === 'roster' ? chosen?.name : r.rosterSource === 'plan' ? file.name : undefined,
        });
    } catch (err) {
      if (planJob.current?.id === job.id) setPlan({ status: 'failed', file, message: err instanceof Error ? err.message : String(err) });
    }
  }, []);

  const decideRoster = useCallback(async (file: LoadedFile) => {
    rosterJob.current?.cancel();
    if (file.refused) {
      rosterJob.current = undefined;
      setRoster({ status: 'invalid', file, errors: [file.refused], warnings: [] });
      return;
    }
    const pack = packRef.current;
    const job = engine.run<'roster'>({ kind: 'roster', packId: pack, ...datedOn(asOfRef.current), name: file.name, bytes: file.bytes }, (progress) => {
      if (rosterJob.current?.id === job.id) setRoster({ status: 'working', file, progress });
    });
    rosterJob.current = job;
    setRoster({ status: 'working', file, progress: WAITING });
    try {
      const r = await job.result;
      if (rosterJob.current?.id !== job.id) return;
      rosterJob.current = undefined;
      if (r === 'cancelled') setRoster({ status: 'cancelled', file });
      else if (r.errors.length) setRoster({ status: 'invalid', file, errors: r.errors, warnings: r.warnings });
      else
        setRoster({
          status: 'ready',
          file,
          warnings: r.warnings,
          packId: pack,
          candidates: r.candidates,
          decisions: r.decisions,
          rows: rosterRows(r.candidates, r.decisions, placesOf(bookRef.current.pack)),
        });
    } catch (err) {
      if (rosterJob.current?.id !== job.id) return;
      rosterJob.current = undefined;
      setRoster({ status: 'failed', file, message: err instanceof Error ? err.message : String(err) });
    }
  }, []);

  const loadRoster = useCallback(
    async (file: LoadedFile) => {
      rosterFile.current = file;
      void saveFile('roster', file);
      // A new roster is not the one the user chose for the plan: the plan is checked without it
      // until the user chooses it.
      const hadRoster = planRosterRef.current !== undefined;
      if (hadRoster) setChosen(undefined);
      await decideRoster(file);
      if (hadRoster && planFile.current) await checkPlan(planFile.current);
    },
    [decideRoster, checkPlan, setChosen],
  );

  const loadPlan = useCallback(
    async (file: LoadedFile, withRoster = false) => {
      planFile.current = file;
      void saveFile('plan', file);
      setChosen(withRoster ? rosterFile.current : undefined);
      await checkPlan(file);
    },
    [checkPlan, setChosen],
  );

  const choosePlanRoster = useCallback(
    async (on: boolean) => {
      setChosen(on ? rosterFile.current : undefined);
      if (planFile.current) await checkPlan(planFile.current);
    },
    [checkPlan, setChosen],
  );

  const cancelRoster = useCallback(() => rosterJob.current?.cancel(), []);

  const forget = useCallback(async () => {
    rosterJob.current?.cancel();
    planJob.current?.cancel();
    rosterJob.current = planJob.current = undefined;
    rosterFile.current = planFile.current = undefined;
    setChosen(undefined);
    setRoster({ status: 'empty' });
    setPlan({ status: 'empty' });
    await forgetFiles();
  }, [setChosen]);

  // After a reload: the files kept in the browser are loaded again, unless the user loaded one first.
  const restoring = useRef(false);
  useEffect(() => {
    if (restoring.current) return;
    restoring.current = true;
    void (async () => {
      const saved = await loadSaved();
      if (rosterFile.current || planFile.current) return;
      if (saved.roster) await loadRoster(saved.roster);
      if (saved.plan && !planFile.current) await loadPlan(saved.plan, saved.planWithRoster === true && saved.roster !== undefined);
    })();
  }, [loadRoster, loadPlan]);

  const exportRoster = useCallback(async (format: ExportFormat, indices: readonly number[], lang: Lang, name: string) => {
    const r = await engine.run<'export'>({ kind: 'export', packId: packRef.current, ...datedOn(asOfRef.current), lang, format, indices, name }).result;
    return r === 'cancelled' ? undefined : r;
  }, []);

  // A different pack, or another date, decides differently: decide the roster and check the plan again.
  const firstPack = useRef(`${packId}@${asOf}`);
  useEffect(() => {
    if (`${packId}@${asOf}` === firstPack.current) return;
    firstPack.current = `${packId}@${asOf}`;
    void (async () => {
      if (rosterFile.current) await decideRoster(rosterFile.current);
      if (planFile.current) await checkPlan(planFile.current);
    })();
  }, [packId, asOf, decideRoster, checkPlan]);

  const value = useMemo(
    () => ({ roster, plan, loadRoster, cancelRoster, loadPlan, planRoster, choosePlanRoster, forget, exportRoster }),
    [roster, plan, loadRoster, cancelRoster, loadPlan, planRoster, choosePlanRoster, forget, exportRoster],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
