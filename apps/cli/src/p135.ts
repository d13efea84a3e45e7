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

// The exit code is set, not forced, so that everything written to a pipe is flushed first.
main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  crash,
);
