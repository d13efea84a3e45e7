/**
 * `node dist/server.js`: reads the environment (config.ts), loads the packs, listens, and
 * closes gracefully on SIGTERM/SIGINT (stops accepting, finishes requests in flight, ends the
 * worker threads). A bad setting or an unreadable packs directory stops it with one line.
 */
import { createServer } from './app.js';
import { readConfig } from './config.js';
import { readHubConfig } from './hub/config.js';

async function main(): Promise<void> {
  const read = readConfig(process.env);
  if (!read.ok) {
    process.stderr.write(`${read.message}\n`);
    process.exit(2);
  }
  const config = read.config;
  const hubRead = readHubConfig(process.env);
  if (!hubRead.ok) {
    process.stderr.write(`${hubRead.message}\n`);
    process.exit(2);
  }
  let app: Awaited<ReturnType<typeof createServer>>;
  try {
    app = await createServer({ ...config, logger: { level: config.logLevel }, ...(hubRead.config ? { hub: { config: hubRead.config } } : {}) });
  } catch (err) {
    // The hub's own errors (plan, roster, database) say what is wrong in one line.
    if (err instanceof Error && err.name === 'WebDirError') {
      process.stderr.write(`Không khởi động được / cannot start: ${err.message}\n`);
      process.exit(2);
    }
    if (err instanceof Error && (err.name === 'HubStartError' || err.name === 'StoreError')) {
      process.stderr.write(`Không khởi động được cổng tổng hợp / cannot start the hub: ${err.message}\n`);
      process.exit(2);
    }
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'not found' : code === 'ENOTDIR' ? 'not a directory' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    const what = code && config.packsDir ? `P135_PACKS_DIR=${JSON.stringify(config.packsDir)}: ${why}` : why;
    process.stderr.write(`Không khởi động được / cannot start: ${what}\n`);
    process.exit(2);
  }

  let closing = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      app.log.error('requests still in flight after the time limit; exiting');
      process.exit(1);
    }, config.requestTimeoutMs + 5_000);
    force.unref();
    app.close().then(
      () => {
        app.log.info('closed');
        process.exit(0);
      },
      (err: unknown) => {
        app.log.error({ err }, 'error while closing');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    process.stderr.write(`Không lắng nghe được / cannot listen on ${config.host}:${config.port}: ${(err as Error).message}\n`);
    process.exit(2);
  }
}

void main();
