import { fileURLToPath } from 'node:url';

/** The app's folder (apps/web). */
export const APP_DIR = fileURLToPath(new URL('../', import.meta.url));
/** Where the browser tests write screenshots (git-ignored). */
export const SHOTS_DIR = fileURLToPath(new URL('../.screenshots/', import.meta.url));
/** The repository's example folder. */
export const EXAMPLES = fileURLToPath(new URL('../../../examples/lang-son-2020/', import.meta.url));
