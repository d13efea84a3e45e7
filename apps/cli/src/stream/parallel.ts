import { existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CsvHeader, CsvLimits, InputError } from '@p135/io';
import type { Lang, Pack } from '@p135/rules';
import { OWN_BUFFER_BYTES } from './batch.js';
import type { BlockJob, BlockResult } from './block.js';
import type { StreamedOutput } from './encode.js';
import { HashSeen } from './id-hashes.js';
import type { DecideOutput, OnPiece, PassResult, StreamedInput } from './passes.js';
import { writeTo } from './sink.js';

/** What a worker needs to decide as the main thread would: the same pack, date, words and format. */
export interface WorkerSetup {
  readonly pack: Pack;
  readonly asOf: string;
  readonly lang: Lang;
  readonly format: StreamedOutput;
  readonly limits: CsvLimits;
  readonly tally: { readonly check?: boolean; readonly require?: string[] };
}

export interface ParallelOptions {
  /** Worker threads (2 or more). */
  readonly threads: number;
  /** Bytes of input in a piece (the first is smaller, so that the others can start soon). */
  readonly blockBytes: number;
}

const LF = 0x0a;
/** The first piece: small, since the others wait for the header it holds. */
const FIRST_BYTES = 64 * 1024;
/** Bytes read from the file at a time, at least. */
const READ_BYTES = 64 * 1024;
/** A piece with no line break in this many bytes (a file with CR line ends only): read the usual way. */
const MAX_PIECE_BYTES = 16 * 1024 * 1024;
const WORKER_FILE = fileURLToPath(new URL('./decide-worker.js', import.meta.url));

/** Can pieces be decided in worker threads here? (Not when run from the sources, where no worker file is built.) */
export const workersAvailable = (): boolean => existsSync(WORKER_FILE);

/** A piece of the input: bytes cut after a line break, in a buffer of their own (moved to a worker and back). */
interface Piece {
  /** Where the bytes start in the file. */
  readonly start: number;
  /** The bytes: empty once moved to a worker (until they come back with its answer). */
  readonly bytes: Uint8Array;
  /** How many bytes (kept: `bytes` empties when moved). */
  readonly length: number;
  readonly last: boolean;
}

/**
 * A file as pieces cut after their last line break, the first one small, each read straight into
 * a buffer of its own taken from `spare` (buffers come back once a worker is done with them, so a
 * long run allocates no new ones, and no byte is copied on the way in but the few after a cut).
 * Undefined: a piece had no line break (a file with CR line ends only).
 */
async function* piecesOf(path: string, blockBytes: number, spare: ArrayBuffer[]): AsyncGenerator<Piece | undefined> {
  const capacity = blockBytes + READ_BYTES;
  const fresh = (need: number): Uint8Array => {
    const buffer = need <= capacity ? (spare.pop() ?? new ArrayBuffer(capacity)) : new ArrayBuffer(need);
    return new Uint8Array(buffer);
  };
  const file = await open(path, 'r');
  try {
    let into = fresh(capacity);
    let used = 0;
    let start = 0;
    let target = Math.min(FIRST_BYTES, blockBytes);
    for (;;) {
      if (into.length - used < READ_BYTES) {
        if (used + READ_BYTES > MAX_PIECE_BYTES) {
          yield undefined;
          return;
        }
        const larger = fresh(Math.max(used + READ_BYTES, into.length * 2));
        larger.set(into.subarray(0, used));
        into = larger;
      }
      const { bytesRead } = await file.read(into, used, Math.min(into.length - used, Math.max(target - used, READ_BYTES)), start + used);
      if (bytesRead === 0) break;
      used += bytesRead;
      if (used < target) continue;
      const cut = into.lastIndexOf(LF, used - 1) + 1;
      if (cut === 0) continue; // no line break yet: read on (up to MAX_PIECE_BYTES)
      const next = fresh(Math.max(capacity, used - cut));
      next.set(into.subarray(cut, used));
      yield { start, bytes: into.subarray(0, cut), length: cut, last: false };
      start += cut;
      into = next;
      used -= cut;
      target = blockBytes;
    }
    yield { start, bytes: into.subarray(0, used), length: used, last: true };
  } finally {
    await file.close();
  }
}

type Answer = BlockResult & { readonly worker: number; readonly input?: ArrayBuffer };

/** Worker threads answering pieces, each with its own rulebook. */
class Pool {
  readonly #workers: Worker[] = [];
  readonly #load: number[] = [];
  readonly #waiting = new Map<number, { resolve: (a: Answer) => void; worker: number }>();
  #seq = 0;
  #broken = false;
  #lastWorker = 0;

  constructor(threads: number, setup: WorkerSetup) {
    for (let w = 0; w < threads; w++) {
      const worker = new Worker(WORKER_FILE, { workerData: setup });
      worker.on('message', (m: { seq: number; result: BlockResult; input: ArrayBuffer }) => {
        const waiting = this.#waiting.get(m.seq);
        if (!waiting) return;
        this.#waiting.delete(m.seq);
        this.#load[w] = (this.#load[w] as number) - 1;
        waiting.resolve({ ...m.result, worker: w, input: m.input });
      });
      // A worker that fails (or cannot start) answers "not ok" to whatever it had: the usual way takes over.
      const fail = () => {
        this.#broken = true;
        for (const [seq, waiting] of this.#waiting) {
          if (waiting.worker !== w) continue;
          this.#waiting.delete(seq);
          waiting.resolve({ ok: false, worker: w });
        }
      };
      worker.on('error', fail);
      worker.on('exit', fail);
      this.#workers.push(worker);
      this.#load.push(0);
    }
  }

  /** Sends a piece (its buffer moves to the worker, and comes back with the answer) to the least busy worker. */
  run(job: BlockJob): Promise<Answer> {
    if (this.#broken) return Promise.resolve({ ok: false, worker: -1 });
    let w = 0;
    for (let k = 1; k < this.#load.length; k++) if ((this.#load[k] as number) < (this.#load[w] as number)) w = k;
    const seq = this.#seq++;
    this.#lastWorker = w;
    this.#load[w] = (this.#load[w] as number) + 1;
    return new Promise((resolve) => {
      this.#waiting.set(seq, { resolve, worker: w });
      (this.#workers[w] as Worker).postMessage({ seq, job }, [job.bytes.buffer as ArrayBuffer]);
    });
  }

  /**
   * Has every worker but the one given decide a copy of a piece, its answer dropped: while the
   * first piece is decided (the others wait for its header), the rest warm up on it.
   */
  warm(job: BlockJob, except: number): void {
    this.#workers.forEach((worker, w) => {
      if (w === except || this.#broken) return;
      const bytes = job.bytes.slice();
      worker.postMessage({ seq: -1, job: { ...job, bytes } }, [bytes.buffer]);
    });
  }

  /** The worker the last piece was sent to. */
  get last(): number {
    return this.#lastWorker;
  }

  /** Gives an output buffer back to the worker that filled it, once written. */
  reuse(worker: number, buffer: ArrayBuffer): void {
    if (!this.#broken) this.#workers[worker]?.postMessage({ reuse: buffer }, [buffer]);
  }

  async close(): Promise<void> {
    this.#broken = true;
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}

interface InFlight {
  readonly piece: Piece;
  /** The length of what was sent: the piece, with the start of a record cut in two in front when it was known. */
  readonly length: number;
  /** Where what was sent starts in the file. */
  readonly from: number;
  readonly answer: Promise<Answer>;
}

/**
 * `decidePass` on worker threads, for a CSV file: the file is cut into pieces after line breaks;
 * each worker reads, checks and decides whole pieces, and the results are written in the file's
 * order, byte for byte what one thread writes. The duplicate-id check runs here, across pieces
 * (on hashes of the ids: see id-hashes.ts).
 * A piece is sent before the one before it is done, on the guess that it starts a record; when a
 * line break was inside quotes (the piece before ends with part of a record), it is sent again
 * with that part in front.
 *
 * Only the way without problems is taken: at the first problem of any kind this gives up and
 * resolves to undefined (what was written must then be discarded, and the file read the usual
 * way, which finds, places and words every problem).
 */
export async function parallelDecidePass(
  input: StreamedInput,
  setup: WorkerSetup,
  out: DecideOutput,
  onPiece: OnPiece,
  options: ParallelOptions,
): Promise<(PassResult & { readonly pieces: number }) | undefined> {
  const { sink, encoder, tally } = out;
  const pool = new Pool(options.threads, setup);
  const spare: ArrayBuffer[] = [];
  const pieces = piecesOf(input.path, options.blockBytes, spare);
  const seen = new HashSeen();
  const flights: InFlight[] = [];
  let header: CsvHeader | undefined;
  const warnings: InputError[] = [];
  /** Where the next record starts: the end of what was accepted, less the bytes of a record left unfinished (`carried`). */
  let next = 0;
  let carried = new Uint8Array(0);
  let people = 0;
  let rows = 0;
  let sent = 0;
  let exhausted = false;
  /** Sends a piece: with what was carried in front when the piece before it is done (`known`), else on the guess that it starts a record. */
  const send = (piece: Piece, known: boolean): InFlight => {
    let bytes = piece.bytes;
    if (known && carried.length) {
      bytes = new Uint8Array(carried.length + piece.bytes.length);
      bytes.set(carried);
      bytes.set(piece.bytes, carried.length);
    }
    const from = known ? next : piece.start;
    const job: BlockJob = { bytes, first: from === 0, last: piece.last, ...(header ? { header } : {}) };
    sent++;
    return { piece, length: bytes.length, from, answer: pool.run(job) };
  };
  /** Keeps every worker busy, two pieces each; false when the input cannot be cut into pieces. */
  const fill = async (): Promise<boolean> => {
    while (!exhausted && flights.length < options.threads * 2) {
      const n = await pieces.next();
      if (n.done) {
        exhausted = true;
        break;
      }
      if (!n.value) return false;
      flights.push(send(n.value, flights.length === 0));
    }
    return true;
  };
  try {
    // The first piece alone: it gives the header and the delimiter the others are read with.
    const first = await pieces.next();
    if (first.done || !first.value) return undefined;
    const warmUp = first.value.last ? undefined : first.value.bytes.slice();
    flights.push(send(first.value, true));
    if (warmUp) pool.warm({ bytes: warmUp, first: true, last: false }, pool.last);
    exhausted = first.value.last;
    for (let flight = flights.shift(); flight; flight = flights.shift()) {
      let answer = await flight.answer;
      if (flight.from !== next) {
        // Sent on a guess that did not hold: send it again (its bytes came back), from where the record really starts.
        if (!answer.input) return undefined;
        const piece = { ...flight.piece, bytes: new Uint8Array(answer.input, 0, flight.piece.length) };
        flight = send(piece, true);
        answer = await flight.answer;
      }
      if (answer.input && answer.input.byteLength >= options.blockBytes) spare.push(answer.input);
      if (!answer.ok) return undefined;
      if (answer.header) header = answer.header;
      if (answer.warnings) warnings.push(...answer.warnings.map((w) => ({ ...w, place: { ...w.place, file: input.name } })));
      if (!header) return undefined;
      if (!seen.addAll(answer.ids, answer.people)) return undefined; // perhaps a repeated id: the usual way says
      if (answer.people) {
        if (people === 0) await writeTo(sink, Buffer.from(encoder.start, 'utf8'));
        const { buffer } = answer.out;
        const worker = answer.worker;
        const mine = buffer.byteLength >= OWN_BUFFER_BYTES;
        await writeTo(sink, answer.out, mine ? () => pool.reuse(worker, buffer as ArrayBuffer) : undefined);
      }
      people += answer.people;
      rows += answer.rows;
      tally.merge(answer.tally);
      const end = flight.from + flight.length;
      if (answer.tail) {
        if (!answer.input || answer.tail > MAX_PIECE_BYTES) return undefined;
        // the start of a record cut in two: the last bytes of what was sent (which came back)
        carried = new Uint8Array(answer.input, flight.length - answer.tail, answer.tail).slice();
      } else carried = new Uint8Array(0);
      next = end - answer.tail;
      onPiece(people, rows, end);
      if (!(await fill())) return undefined;
    }
    if (carried.length) return undefined;
    if (people === 0) await writeTo(sink, Buffer.from(encoder.start, 'utf8'));
    return { people, errors: [], warnings, pieces: sent };
  } finally {
    await pieces.return(undefined);
    await pool.close();
  }
}
