import { main } from './main.js';

/** Whatever escapes (a bug, an error raised by a library outside the command's flow): one line, exit 2. */
function crash(e: unknown): void {
  const debug = process.argv.includes('--debug');
  const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
  process.stderr.write(`p135: lỗi không lường trước / unexpected error: ${message}\n`);
  if (debug && e instanceof Error && e.stack) process.stderr.write(`${e.stack}\n`);
  process.exit(2);
}
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

/**
 * Node ends a process whose event loop has nothing left to wait for, even while a promise is still
 * pending — with exit code 0. A command that never finished must not look like one that did.
 */
function neverFinished(): void {
  process.stderr.write('p135: lệnh dừng giữa chừng mà không xong; kết quả (nếu có) không đầy đủ / the command stopped before it finished; any output is incomplete\n');
  process.exitCode = 2;
}
process.on('beforeExit', neverFinished);

// The exit code is set, not forced, so that everything written to a pipe is flushed first.
main(process.argv).then((code) => {
  process.off('beforeExit', neverFinished);
  process.exitCode = code;
}, crash);
