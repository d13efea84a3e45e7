/**
 * `p135-api`: the hub's administration from the command line, on the same database as the server
 * (`P135_DATA_DIR` or `DATABASE_URL`).
 *   p135-api token create --district 180 [--label "Huyện Tràng Định"]   a district's token
 *   p135-api token create --province [--label "Ban Dân tộc"]             the province's token
 *   p135-api token list                                                   the tokens (never the token itself)
 * A token is printed once, on its own line; only its SHA-256 is kept. Every creation is audited (actor `admin`).
 */
import { HubStore, StoreError } from '@p135/store';

const USAGE = `Cách dùng / usage:
  p135-api token create --district <mã 3 chữ số / 3-digit code> [--label <tên / name>]
  p135-api token create --province [--label <tên / name>]
  p135-api token list
Nơi lưu / where: P135_DATA_DIR=<thư mục / directory> (SQLite) hoặc / or DATABASE_URL=postgres://… (PostgreSQL)
`;

type Parsed = { command: 'create'; role: string; label: string } | { command: 'list' } | { command: 'help' } | { error: string };

/** The arguments, read strictly: an unknown or repeated option is an error. */
export function parseAdminArgs(args: readonly string[]): Parsed {
  const [group, command, ...rest] = args;
  if (group === undefined || group === 'help' || group === '--help' || group === '-h') return { command: 'help' };
  if (group !== 'token') return { error: `lệnh "${group.slice(0, 40)}" không có / unknown command "${group.slice(0, 40)}"` };
  if (command === 'list' && rest.length === 0) return { command: 'list' };
  if (command !== 'create') return { error: `dùng "token create" hoặc "token list" / use "token create" or "token list"` };
  let district: string | undefined;
  let province = false;
  let label: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--province' && !province) province = true;
    else if (a === '--district' && district === undefined && rest[i + 1] !== undefined) district = rest[++i];
    else if (a === '--label' && label === undefined && rest[i + 1] !== undefined) label = rest[++i];
    else return { error: `tùy chọn "${String(a).slice(0, 40)}" không đúng hoặc bị lặp / option "${String(a).slice(0, 40)}" is wrong or repeated` };
  }
  if (province === (district !== undefined)) return { error: 'chọn một: --district <mã> hoặc --province / choose one: --district <code> or --province' };
  if (district !== undefined && !/^[0-9]{3}$/.test(district))
    return { error: `mã huyện "${district.slice(0, 20)}" phải có 3 chữ số, ví dụ 180 / district code "${district.slice(0, 20)}" must have 3 digits, e.g. 180` };
  const role = province ? 'province' : `district:${district}`;
  return { command: 'create', role, label: label ?? (province ? 'Ban Dân tộc' : `Huyện ${district}`) };
}

export async function runAdmin(args: readonly string[], env: Readonly<Record<string, string | undefined>>, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const parsed = parseAdminArgs(args);
  if ('error' in parsed) {
    err(`${parsed.error}\n${USAGE}`);
    return 2;
  }
  if (parsed.command === 'help') {
    out(USAGE);
    return 0;
  }
  let store: HubStore;
  try {
    store = await HubStore.open({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.P135_DATA_DIR || undefined });
  } catch (e) {
    err(`${e instanceof StoreError ? e.message : 'không mở được cơ sở dữ liệu / cannot open the database'}\n`);
    return 2;
  }
  try {
    if (parsed.command === 'list') {
      for (const t of await store.tokens()) out(`${t.id}\t${t.role}\t${t.createdAt}\t${t.label}\n`);
      return 0;
    }
    const t = await store.createToken(parsed.role, parsed.label, 'admin');
    err(`Mã truy cập cho ${t.role} (${t.label}), id ${t.id}: chỉ hiện một lần, hãy lưu lại / token for ${t.role}, id ${t.id}: shown once, keep it\n`);
    out(`${t.token}\n`);
    return 0;
  } catch (e) {
    err(`${e instanceof StoreError ? e.message : 'lỗi cơ sở dữ liệu / database error'}\n`);
    return 1;
  } finally {
    await store.close();
  }
}
