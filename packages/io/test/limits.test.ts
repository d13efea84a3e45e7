import { describe, expect, it } from 'vitest';
import { checkFileSize } from '../src/index.js';
import { READ_LIMITS } from '../src/limits.js';

describe('a file is refused by its size before any of it is read', () => {
  it('at the limit it may be read; one byte over, it is refused with the limit named, in Vietnamese and English', () => {
    expect(checkFileSize(READ_LIMITS.maxBytes)).toBeUndefined();
    const refused = checkFileSize(READ_LIMITS.maxBytes + 1);
    expect(refused?.code).toBe('input.too_large');
    expect(refused?.message.vi).toBe('tệp lớn hơn giới hạn 64 MiB');
    expect(refused?.message.en).toBe('the file is larger than the limit of 64 MiB');
  });

  it('a smaller limit of the caller’s is the one that holds', () => {
    expect(checkFileSize(2048, { maxBytes: 2048 })).toBeUndefined();
    expect(checkFileSize(2049, { maxBytes: 2048 })?.message.vi).toBe('tệp lớn hơn giới hạn 2 KiB');
  });
});
