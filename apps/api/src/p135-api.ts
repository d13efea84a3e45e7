#!/usr/bin/env node
/** The `p135-api` command (admin.ts). */
import { runAdmin } from './admin.js';

const code = await runAdmin(
  process.argv.slice(2),
  process.env,
  (s) => process.stdout.write(s),
  (s) => process.stderr.write(s),
);
process.exitCode = code;
