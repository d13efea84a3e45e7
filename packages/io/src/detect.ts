import { type InputError, inputError } from './place.js';
import { looksLikeZip } from './zip.js';

export const INPUT_FORMATS = ['csv', 'json', 'jsonl', 'xlsx'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

const BY_EXTENSION: Readonly<Record<string, InputFormat>> = { csv: 'csv', txt: 'csv', json: 'json', jsonl: 'jsonl', ndjson: 'jsonl', xlsx: 'xlsx' };

const extensionOf = (name: string) => /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();

/** Is the text one JSON value per line (JSON Lines) rather than one document? */
function looksLikeJsonLines(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 64 * 1024)).trim();
  if (!head.startsWith('{')) return false;
  const lines = head.split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.length > 1 && lines.slice(0, 3).every((l) => l.trim().startsWith('{') && l.trim().endsWith('}'));
}

/**
 * The format of an input: XLSX when the bytes are a ZIP file, whatever the name says; else by the
 * extension; else by the content (`[` JSON, `{` per line JSON Lines, anything else CSV).
 */
export function detectFormat(name: string, bytes: Uint8Array): InputFormat | InputError {
  if (looksLikeZip(bytes)) return 'xlsx';
  const ext = extensionOf(name);
  if (ext === 'xls') {
    return inputError({}, 'input.xls', 'tệp XLS (Excel 97–2003) không được hỗ trợ; hãy lưu dưới dạng XLSX hoặc CSV UTF-8', 'XLS files (Excel 97–2003) are not supported; save as XLSX or CSV UTF-8');
  }
  if (ext && Object.hasOwn(BY_EXTENSION, ext)) return BY_EXTENSION[ext] as InputFormat;
  let i = 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0xef || bytes[i] === 0xbb || bytes[i] === 0xbf)) i++;
  if (bytes[i] === 0x5b) return 'json';
  if (bytes[i] === 0x7b) return looksLikeJsonLines(bytes) ? 'jsonl' : 'json';
  return 'csv';
}
