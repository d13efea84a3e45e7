/**
 * The hub's settings, from the environment. The hub is off unless `P135_DATA_DIR` (an embedded
 * SQLite file in that directory) or `DATABASE_URL` (PostgreSQL, which wins) is set; then it needs
 * the province's plan and roster (`P135_HUB_PLAN`, `P135_HUB_ROSTER`): submissions are checked
 * against them, and the consolidation is made from them.
 */
import { z } from 'zod';

export interface HubConfig {
  readonly dataDir: string | undefined;
  readonly databaseUrl: string | undefined;
  readonly planFile: string;
  readonly rosterFile: string;
}

const path = z.string().min(1).max(4096);

export const HubEnvSchema = z.object({
  P135_DATA_DIR: path.optional(),
  DATABASE_URL: z.string().min(1).max(4096).optional(),
  P135_HUB_PLAN: path.optional(),
  P135_HUB_ROSTER: path.optional(),
});

export type HubConfigResult = { ok: true; config: HubConfig | undefined } | { ok: false; message: string };

/** The hub's settings; `config: undefined` when the hub is off (no data directory, no database URL). */
export function readHubConfig(env: Readonly<Record<string, string | undefined>>): HubConfigResult {
  const known = Object.fromEntries(Object.keys(HubEnvSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const r = HubEnvSchema.safeParse(known);
  if (!r.success) {
    const names = r.error.issues.map((i) => String(i.path[0] ?? '?')).join(', ');
    return { ok: false, message: `Cấu hình sai / invalid configuration: ${names}: phải là một đường dẫn hoặc địa chỉ, tối đa 4096 ký tự / must be a path or URL of at most 4096 characters` };
  }
  const e = r.data;
  if (!e.P135_DATA_DIR && !e.DATABASE_URL) return { ok: true, config: undefined };
  const missing = [...(e.P135_HUB_PLAN ? [] : ['P135_HUB_PLAN']), ...(e.P135_HUB_ROSTER ? [] : ['P135_HUB_ROSTER'])];
  if (missing.length)
    return {
      ok: false,
      message: `Cấu hình sai / invalid configuration: ${missing.join(', ')}: cổng tổng hợp cần kế hoạch và danh sách học viên của tỉnh (ví dụ examples/lang-son-2020/plan.json, candidates.csv) / the hub needs the province's plan and roster (e.g. examples/lang-son-2020/plan.json, candidates.csv)`,
    };
  return { ok: true, config: { dataDir: e.P135_DATA_DIR, databaseUrl: e.DATABASE_URL, planFile: e.P135_HUB_PLAN as string, rosterFile: e.P135_HUB_ROSTER as string } };
}
