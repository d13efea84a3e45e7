/**
 * Writes the corpus of official-shaped rosters beside this file (run once; the files are committed):
 *
 *   node packages/io/test/corpus/official/make.mjs
 *
 * SYNTHETIC files shaped like the lists district offices pass around (the people are made up): a
 * title block above the header (the issuing body, the list's name, the date line, a blank row), STT,
 * Ghi chú and Số điện thoại columns, the words officials write (`CT UBND xã`, `Trưởng thôn`,
 * `Chủ tịch Hội nông dân`, `Mông`, `x` marks, blanks for "no"), and a footer (`Tổng cộng`, the
 * signature block). The same list is written as CSV (UTF-8), XLSX (the title merged across the
 * columns), Excel's "Unicode Text" (UTF-16 LE with tabs, and a BE copy), Windows-1258, and in the
 * legacy TCVN3 and VNI encodings (which are refused with how to convert them). What each gives is
 * in cases.json here, checked by packages/io/test/official.test.ts and apps/cli/test/official.test.ts.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const HERE = dirname(fileURLToPath(import.meta.url));
const put = (name, data) => writeFileSync(join(HERE, name), data);

const TITLE = ['ỦY BAN NHÂN DÂN HUYỆN TRÀNG ĐỊNH', 'DANH SÁCH HỌC VIÊN LỚP BỒI DƯỠNG NÂNG CAO NĂNG LỰC CỘNG ĐỒNG VÀ CÁN BỘ CƠ SỞ NĂM 2020 – HUYỆN TRÀNG ĐỊNH', 'Tràng Định, ngày 15 tháng 6 năm 2020'];
const HEADER = ['STT', 'Mã', 'Họ và tên', 'Giới tính', 'Năm sinh', 'Dân tộc', 'Chức vụ', 'Mã huyện', 'Huyện', 'Mã xã', 'Xã', 'Xã thuộc CT135', 'Số điện thoại', 'Ghi chú'];
const D = ['180', 'Huyện Tràng Định'];
const K = ['05998', 'Xã Khánh Long'];
/** id, name, gender, birth year, ethnic group, role as written, commune listed, phone, note. */
const PEOPLE = [
  ['TD-001', 'Hoàng Văn Thắng', 'Nam', '1975', 'Tày', 'CT UBND xã', 'x', '0912000001', ''],
  ['TD-002', 'Nông Thị Hướng', 'Nữ', '1982', 'Nùng', 'Trưởng thôn', 'x', '', 'thôn Nà Lầu'],
  ['TD-003', 'Lý Văn Sử', 'nam', '1969', 'Mông', 'Chủ tịch Hội nông dân', 'X', '0912000003', ''],
  ['TD-004', 'Triệu Thị Mai', 'NỮ', '1990', 'Dao', 'Trưởng bản', '✓', '', 'mới'],
  ['TD-005', 'Vi Văn Bình', 'Nam', '1978', 'Sán Chay', 'PCT UBND xã', 'có', '', ''],
  ['TD-006', 'Lương Thị Hoa', 'Nữ', '1986', 'Kinh', 'Bí thư chi bộ thôn', '', '', 'xã ngoài CT135'],
];
const rows = PEOPLE.map((p, i) => [String(i + 1), p[0], p[1], p[2], p[3], p[4], p[5], ...D, ...K, p[6], p[7], p[8]]);
const FOOTER = [
  ['Tổng cộng: 06 người'],
  [],
  ['', '', 'Người lập biểu', '', '', '', '', '', '', '', 'TM. ỦY BAN NHÂN DÂN'],
  ['', '', '(Ký, ghi rõ họ tên)', '', '', '', '', '', '', '', 'CHỦ TỊCH'],
  ['', '', 'Nguyễn Văn An'],
];
const width = HEADER.length;
const padded = (cells) => [...cells, ...Array(Math.max(0, width - cells.length)).fill('')];
/** The sheet as Excel would save it: the title rows, a blank row, the header, the people, the footer. */
const GRID = [...TITLE.map((t) => padded([t])), padded([]), HEADER, ...rows, ...FOOTER.map(padded)];

const quote = (c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
const csvText = GRID.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
const tabText = GRID.map((r) => r.join('\t')).join('\r\n') + '\r\n';

// UTF-8 with a BOM, as Excel's "CSV UTF-8" writes it
put('titled.csv', `\uFEFF${csvText}`);

// Excel's "Unicode Text": UTF-16 LE with a BOM, tabs; and a big-endian copy
const utf16 = (text, bigEndian) => {
  const out = Buffer.alloc(2 + text.length * 2);
  out.writeUInt16BE(bigEndian ? 0xfeff : 0xfffe, 0);
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (bigEndian) out.writeUInt16BE(u, 2 + 2 * i);
    else out.writeUInt16LE(u, 2 + 2 * i);
  }
  return out;
};
put('unicode-text.txt', utf16(tabText, false));
put('unicode-text-be.txt', utf16(tabText, true));

// Windows-1258: a precomposed letter where the code page has one, else the letter and a combining tone mark
const cp1258 = new Map();
const decoder = new TextDecoder('windows-1258');
for (let b = 0x80; b <= 0xff; b++) cp1258.set(decoder.decode(Uint8Array.of(b)), b);
const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
function encode1258(text) {
  const out = [];
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0);
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    if (cp1258.has(ch)) {
      out.push(cp1258.get(ch));
      continue;
    }
    // the letter with its hat, breve or horn (precomposed in the code page), then the tone as a combining mark
    const [base, ...marks] = [...ch.normalize('NFD')];
    const tones = marks.filter((m) => TONES.has(m));
    const head = (base + marks.filter((m) => !TONES.has(m)).join('')).normalize('NFC');
    const byte = head.codePointAt(0) < 0x80 ? head.codePointAt(0) : cp1258.get(head);
    if (byte === undefined || tones.some((t) => !cp1258.has(t))) throw new Error(`no Windows-1258 bytes for ${JSON.stringify(ch)}`);
    out.push(byte, ...tones.map((t) => cp1258.get(t)));
  }
  return Buffer.from(out);
}
/** The single-byte code pages have no ✓: those lists mark with x. */
const legacyText = csvText.replaceAll('✓', 'x');
put('windows-1258.csv', encode1258(legacyText));

// TCVN3 (ABC): one byte per letter; capitals with tones are written with the lower-case codes (the .VnTimeH fonts)
const TCVN3 = {
  à: 0xb5,
  ả: 0xb6,
  ã: 0xb7,
  á: 0xb8,
  ạ: 0xb9,
  ă: 0xa8,
  ằ: 0xbb,
  ẳ: 0xbc,
  ẵ: 0xbd,
  ắ: 0xbe,
  ặ: 0xc6,
  â: 0xa9,
  ầ: 0xc7,
  ẩ: 0xc8,
  ẫ: 0xc9,
  ấ: 0xca,
  ậ: 0xcb,
  đ: 0xae,
  è: 0xcc,
  ẻ: 0xce,
  ẽ: 0xcf,
  é: 0xd0,
  ẹ: 0xd1,
  ê: 0xaa,
  ề: 0xd2,
  ể: 0xd3,
  ễ: 0xd4,
  ế: 0xd5,
  ệ: 0xd6,
  ì: 0xd7,
  ỉ: 0xd8,
  ĩ: 0xdc,
  í: 0xdd,
  ị: 0xde,
  ò: 0xdf,
  ỏ: 0xe1,
  õ: 0xe2,
  ó: 0xe3,
  ọ: 0xe4,
  ô: 0xab,
  ồ: 0xe5,
  ổ: 0xe6,
  ỗ: 0xe7,
  ố: 0xe8,
  ộ: 0xe9,
  ơ: 0xac,
  ờ: 0xea,
  ở: 0xeb,
  ỡ: 0xec,
  ớ: 0xed,
  ợ: 0xee,
  ù: 0xef,
  ủ: 0xf1,
  ũ: 0xf2,
  ú: 0xf3,
  ụ: 0xf4,
  ư: 0xad,
  ừ: 0xf5,
  ử: 0xf6,
  ữ: 0xf7,
  ứ: 0xf8,
  ự: 0xf9,
  ỳ: 0xfa,
  ỷ: 0xfb,
  ỹ: 0xfc,
  ý: 0xfd,
  ỵ: 0xfe,
  Ă: 0xa1,
  Â: 0xa2,
  Ê: 0xa3,
  Ô: 0xa4,
  Ơ: 0xa5,
  Ư: 0xa6,
  Đ: 0xa7,
};
const encodeTcvn3 = (text) =>
  Buffer.from(
    [...text.normalize('NFC')].map((ch) => {
      const code = ch.codePointAt(0);
      if (code < 0x80) return code;
      const byte = TCVN3[ch] ?? TCVN3[ch.toLowerCase()];
      return byte ?? 0x3f;
    }),
  );
put('tcvn3.csv', encodeTcvn3(legacyText));

// VNI Windows: the letter, then a byte for its marks
const VNI_TONES = { '\u0300': 'ø', '\u0301': 'ù', '\u0309': 'û', '\u0303': 'õ', '\u0323': 'ï' };
const VNI_HAT_TONES = { '\u0300': 'à', '\u0301': 'á', '\u0309': 'å', '\u0303': 'ã', '\u0323': 'ä' };
const VNI_BREVE_TONES = { '\u0300': 'è', '\u0301': 'é', '\u0309': 'ú', '\u0303': 'ü', '\u0323': 'ë' };
function vni(ch) {
  if (ch === 'đ') return 'ñ';
  if (ch === 'Đ') return 'Ñ';
  const [base, ...marks] = [...ch.normalize('NFD')];
  if (!marks.length) return ch;
  const tone = marks.find((m) => m in VNI_TONES);
  if (marks.includes('\u0302')) return base + (tone ? VNI_HAT_TONES[tone] : 'â');
  if (marks.includes('\u0306')) return base + (tone ? VNI_BREVE_TONES[tone] : 'ê');
  if (marks.includes('\u031b')) return (base === 'o' || base === 'O' ? (base === 'o' ? 'ô' : 'Ô') : base === 'u' ? 'ö' : 'Ö') + (tone ? VNI_TONES[tone] : '');
  return base + VNI_TONES[tone];
}
const vniText = [...legacyText.normalize('NFC')].map(vni).join('');
put('vni.csv', Buffer.from([...vniText].map((c) => (c.codePointAt(0) < 0x100 ? c.codePointAt(0) : 0x3f))));

// XLSX: the title merged across the columns, as offices lay out a printed list
const book = new ExcelJS.Workbook();
const sheet = book.addWorksheet('Danh sách');
for (const r of GRID) sheet.addRow(r.map((c, k) => (k === 4 && /^\d{4}$/.test(c) ? Number(c) : c)));
for (let r = 1; r <= TITLE.length; r++) sheet.mergeCells(r, 1, r, width);
sheet.getRow(2).font = { bold: true };
const footerAt = TITLE.length + 2 + rows.length + 1;
sheet.mergeCells(footerAt, 1, footerAt, 3);
put('titled.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
