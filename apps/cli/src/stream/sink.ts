import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { createWriteStream, unlinkSync, type WriteStream } from 'node:fs';
import { rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { unwritable } from '@p135/io/node';
import { CliError } from '../errors.js';

/**
 * Where streamed results go, as they are made: standard output, or `-o FILE`. A file is written
 * under a temporary name beside it and renamed into place only when complete, so a run that stops
 * on an error never leaves a partial file (nor replaces a previous one).
 */
export interface Sink {
  /**
   * Writes text or bytes; the promise (if any) settles when the stream can take more (backpressure).
   * `written`, if given, is called once the data has left for good (its memory may then be reused).
   */
  write(data: string | Uint8Array, written?: () => void): Promise<void> | undefined;
  /** Everything was written: flush it, and put the file in place. */
  commit(): Promise<void>;
  /** Stop: a temporary file is removed (what went to standard output cannot be taken back). */
  abort(): Promise<void>;
  /** Has anything been written where a reader can see it (standard output)? */
  readonly shown: boolean;
  /** Can what was written be taken back (a file not yet in place), or not (standard output)? */
  readonly retractable: boolean;
}

/** Output queued for the disk before deciding waits for it (backpressure). */
const WRITE_AHEAD_BYTES = 1024 * 1024;

function stdoutSink(): Sink {
  let shown = false;
  return {
    write(data, written) {
      shown = true;
      // A closed pipe (EPIPE) ends the process quietly (quietOnBrokenPipe); 'drain' is then never needed.
      return process.stdout.write(data, written) ? undefined : once(process.stdout, 'drain').then(() => undefined);
    },
    commit: () => new Promise<void>((resolve) => process.stdout.write('', () => resolve())),
    abort: async () => {},
    get shown() {
      return shown;
    },
    retractable: false,
  };
}

async function fileSink(path: string): Promise<Sink> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const failed = (e: unknown) => new CliError([unwritable(path, e)]);
  // Up to 1 MiB may wait to be written before deciding pauses, so that deciding and writing overlap.
  const stream: WriteStream = createWriteStream(temp, { highWaterMark: WRITE_AHEAD_BYTES });
  let error: unknown;
  stream.on('error', (e) => {
    error = e;
  });
  const removeTemp = () => {
    try {
      unlinkSync(temp);
    } catch {
      // already gone, or never made
    }
  };
  process.once('exit', removeTemp); // however the process ends, no temporary file stays behind
  try {
    await once(stream, 'open');
  } catch (e) {
    process.removeListener('exit', removeTemp);
    throw failed(e);
  }
  return {
    write(data, written) {
      if (error) throw failed(error);
      if (stream.write(data, written)) return undefined;
      return new Promise<void>((resolve, reject) => {
        const done = () => {
          stream.off('drain', done);
          stream.off('error', done);
          if (error) reject(failed(error));
          else resolve();
        };
        stream.on('drain', done);
        stream.on('error', done);
      });
    },
    async commit() {
      if (error) throw failed(error);
      stream.end();
      try {
        // `finished`, not once('close'): a stream that failed (a full disk) may have closed already.
        await finished(stream);
        if (error) throw error;
        await rename(temp, path);
      } catch (e) {
        throw failed(e);
      } finally {
        removeTemp();
        process.removeListener('exit', removeTemp);
      }
    },
    async abort() {
      stream.destroy();
      if (!stream.closed) await once(stream, 'close').catch(() => {});
      removeTemp();
      process.removeListener('exit', removeTemp);
    },
    shown: false,
    retractable: true,
  };
}

/** Standard output (no `-o`, or `-o -`), or a file put in place when complete. */
export function openSink(output: string | undefined): Promise<Sink> {
  return output && output !== '-' ? fileSink(output) : Promise.resolve(stdoutSink());
}

/** Writes bytes (none: nothing, `written` called at once), waiting while the sink is full (backpressure). */
export async function writeTo(sink: Sink, bytes: Uint8Array, written?: () => void): Promise<void> {
  if (!bytes.length) return written?.();
  const wait = sink.write(bytes, written);
  if (wait) await wait;
}
