/**
 * The province hub's API, as the page calls it: on the page's own origin only (the page's CSP is
 * `connect-src 'self'`), and only when the page was served by a hub — the API then marks
 * `index.html` with `<meta name="p135-hub" content="v1/hub/">`, so an offline copy of the app
 * (vite preview, any static server, the service worker's cache) makes no request at all.
 * Every call carries the token (`Authorization: Bearer`) and the language of the API's messages.
 * Nothing here decides anything: answers are shown as the API gives them.
 */
import type { DistrictReport, Finding, Lang, ProvinceReport } from '@p135/rules';

/** Where the session keeps the token: this tab only, gone when it closes (never localStorage or IndexedDB). */
export const TOKEN_KEY = 'p135.hub.token';

/** The hub's base URL from the page's marker, or undefined when the page was not served by a hub. */
export function hubBaseOf(doc: Document): string | undefined {
  const content = doc.querySelector('meta[name="p135-hub"]')?.getAttribute('content');
  if (!content || !/^[a-z0-9/]+\/$/.test(content)) return undefined;
  const url = new URL(content, doc.baseURI);
  return url.origin === new URL(doc.baseURI).origin ? url.href : undefined;
}

export interface HubMe {
  readonly id: string;
  readonly role: string;
  readonly label: string;
  /** The district code of a district token; null for the province's. */
  readonly district: string | null;
}

export interface SubmissionMeta {
  readonly district: string;
  readonly version: number;
  readonly receivedAt: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly sha256: string;
  readonly size: number;
  readonly errors: number;
  readonly warnings: number;
  readonly submittedBy: string;
}

export interface Submitted {
  readonly submission: SubmissionMeta;
  readonly errors: number;
  readonly warnings: number;
  readonly findings: readonly Finding[];
}

export interface Consolidation {
  readonly asOf: string;
  readonly computedAt: string;
  readonly submissions: readonly SubmissionMeta[];
  readonly report: ProvinceReport;
}

/** An API problem (RFC 9457), as sent, in the language asked for. */
export interface HubProblem {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: readonly { readonly path: string; readonly message: Readonly<Record<Lang, string>> }[];
  readonly errorCount: number;
}

export type HubAnswer<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: HubProblem };

/** The hub could not be reached at all (offline, stopped): status 0; the view says so in its words. */
const UNREACHABLE: HubProblem = { status: 0, title: '', detail: '', errors: [], errorCount: 0 };

/** A problem body read defensively: whatever is missing is left empty. */
export function problemOf(status: number, body: unknown): HubProblem {
  const o = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const errors = Array.isArray(o.errors)
    ? o.errors.flatMap((e: unknown) => {
        const x = typeof e === 'object' && e !== null ? (e as Record<string, unknown>) : {};
        const m = typeof x.message === 'object' && x.message !== null ? (x.message as Record<string, unknown>) : {};
        return typeof m.vi === 'string' && typeof m.en === 'string' ? [{ path: text(x.path), message: { vi: m.vi, en: m.en } }] : [];
      })
    : [];
  return { status, title: text(o.title) || `HTTP ${status}`, detail: text(o.detail), errors, errorCount: typeof o.errorCount === 'number' ? o.errorCount : errors.length };
}

/** The media type the hub reads a results file as: the workbook (a ZIP), its CSV, or JSON. */
export function resultsMediaType(name: string, bytes: Uint8Array): string {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (/\.(csv|txt)$/i.test(name)) return 'text/csv';
  return 'application/json';
}

/** A file name the hub keeps (letters, digits, spaces and `._()-`, at most 100 characters). */
export function keptName(name: string): string {
  const cleaned = name.replace(/[^\p{L}\p{N} ._()-]+/gu, '-').slice(-100);
  return cleaned.trim() === '' ? 'ket-qua' : cleaned;
}

/** A file the hub sent: its bytes, name and media type. */
export interface HubFile {
  readonly bytes: Uint8Array;
  readonly name: string;
  readonly type: string;
}

/** The file name in a Content-Disposition header (the UTF-8 form first). */
function dispositionName(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

/** The hub's endpoints, for one token and one language. */
export class HubClient {
  constructor(
    private readonly base: string,
    private readonly token: string,
    private readonly lang: Lang,
  ) {}

  private url(path: string, query: Readonly<Record<string, string>> = {}): string {
    const u = new URL(path, this.base);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
    u.searchParams.set('lang', this.lang);
    return u.href;
  }

  private async call(path: string, init: RequestInit = {}, query: Readonly<Record<string, string>> = {}): Promise<HubAnswer<Response>> {
    let response: Response;
    try {
      response = await fetch(this.url(path, query), {
        ...init,
        cache: 'no-store',
        credentials: 'omit',
        headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${this.token}` },
      });
    } catch {
      return { ok: false, problem: UNREACHABLE };
    }
    if (response.ok) return { ok: true, value: response };
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    return { ok: false, problem: problemOf(response.status, body) };
  }

  private async json<T>(path: string, init: RequestInit = {}, query: Readonly<Record<string, string>> = {}): Promise<HubAnswer<T>> {
    const r = await this.call(path, init, query);
    if (!r.ok) return r;
    try {
      return { ok: true, value: (await r.value.json()) as T };
    } catch {
      return { ok: false, problem: UNREACHABLE };
    }
  }

  private async file(path: string, fallback: string, query: Readonly<Record<string, string>> = {}): Promise<HubAnswer<HubFile>> {
    const r = await this.call(path, {}, query);
    if (!r.ok) return r;
    const bytes = new Uint8Array(await r.value.arrayBuffer());
    return { ok: true, value: { bytes, name: dispositionName(r.value.headers.get('content-disposition'), fallback), type: r.value.headers.get('content-type') ?? 'application/octet-stream' } };
  }

  me = () => this.json<HubMe>('me');

  submit = (name: string, bytes: Uint8Array) =>
    this.json<Submitted>('submissions', { method: 'POST', body: bytes as BodyInit, headers: { 'content-type': resultsMediaType(name, bytes) } }, { name: keptName(name) });

  versions = (district: string) => this.json<{ district: string; versions: SubmissionMeta[] }>(`districts/${encodeURIComponent(district)}/submissions`);

  /** One version's district report (its timeliness against the pack's deadline, its findings), as the API makes it. */
  report = (district: string, version: number) => this.json<DistrictReport>(`districts/${encodeURIComponent(district)}/submissions/${version}/report`, {}, { format: 'json' });

  original = (meta: SubmissionMeta) => this.file(`districts/${encodeURIComponent(meta.district)}/submissions/${meta.version}/original`, meta.fileName);

  consolidation = () => this.json<Consolidation>('consolidation', {}, { format: 'json' });

  consolidationFile = (format: 'xlsx' | 'html') => this.file('consolidation', `tong-hop.${format}`, { format });

  history = () => this.json<{ versions: SubmissionMeta[] }>('history');
}

/** The token kept for this tab, if any. */
export function savedToken(): string | undefined {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

export function keepToken(token: string | undefined): void {
  try {
    if (token === undefined) sessionStorage.removeItem(TOKEN_KEY);
    else sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // A browser that refuses session storage: the token lives in the page's memory only.
  }
}

/** When the hub received a version (ISO 8601, UTC), in Vietnam's time, written the language's way. */
export function receivedText(iso: string, lang: Lang): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'Asia/Ho_Chi_Minh' }).format(d);
}
