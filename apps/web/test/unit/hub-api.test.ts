import { describe, expect, it } from 'vitest';
import { keptName, problemOf, resultsMediaType } from '../../src/lib/hub-api';

describe('the hub client (what the page sends, how it reads a refusal)', () => {
  it('sends a results file as the hub reads it: the workbook by its bytes, CSV by its name, else JSON', () => {
    expect(resultsMediaType('ket-qua.json', new Uint8Array([0x50, 0x4b, 3, 4]))).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(resultsMediaType('Kết quả.CSV', new TextEncoder().encode('a,b'))).toBe('text/csv');
    expect(resultsMediaType('district-180.json', new TextEncoder().encode('{}'))).toBe('application/json');
  });

  it('keeps a file name the hub accepts (letters, digits, spaces, ._()-; at most 100 characters)', () => {
    expect(keptName('Kết quả huyện 180 (lần 2).xlsx')).toBe('Kết quả huyện 180 (lần 2).xlsx');
    expect(keptName('a/b\\c:"d".json')).toBe('a-b-c-d-.json');
    expect(keptName(`${'x'.repeat(200)}.csv`)).toHaveLength(100);
    expect(keptName('///')).toBe('-');
    expect(keptName('')).toBe('ket-qua');
  });

  it('reads a problem defensively: what is missing stays empty, never a crash', () => {
    expect(problemOf(401, { title: 'Cần mã truy cập', detail: 'x', errors: [{ path: '$', message: { vi: 'a', en: 'b' } }, { bad: 1 }], errorCount: 3 })).toEqual({
      status: 401,
      title: 'Cần mã truy cập',
      detail: 'x',
      errors: [{ path: '$', message: { vi: 'a', en: 'b' } }],
      errorCount: 3,
    });
    expect(problemOf(502, undefined)).toEqual({ status: 502, title: 'HTTP 502', detail: '', errors: [], errorCount: 0 });
    expect(problemOf(500, 'oops').title).toBe('HTTP 500');
  });
});
