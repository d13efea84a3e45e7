import { describe, expect, it } from 'vitest';
import { readPicked } from '../../src/lib/files';

/** A picked file as the browser gives it, counting how often its bytes were asked for. */
function picked(name: string, size: number, read: () => Promise<ArrayBuffer>) {
  const file = { name, size, reads: 0, arrayBuffer: () => (file.reads++, read()) };
  return file;
}

describe('a file the user picks', () => {
  it('over the size limit, is refused by its size and never read', async () => {
    const file = picked('danh-sach.csv', 65 * 1024 * 1024, async () => new ArrayBuffer(0));
    const loaded = await readPicked(file as unknown as File);
    expect(file.reads).toBe(0);
    expect(loaded.refused?.code).toBe('input.too_large');
    expect(loaded.refused?.message.vi).toBe('tệp lớn hơn giới hạn 64 MiB');
  });

  it('that can no longer be read (moved, deleted) is refused as such, never thrown', async () => {
    const file = picked('ke-hoach.json', 10, () => Promise.reject(new DOMException('gone', 'NotReadableError')));
    const loaded = await readPicked(file as unknown as File);
    expect(loaded.refused?.code).toBe('file.unreadable');
    expect(loaded.bytes.length).toBe(0);
  });

  it('within the limit, is read whole', async () => {
    const loaded = await readPicked(picked('a.csv', 3, async () => new Uint8Array([65, 66, 67]).buffer) as unknown as File);
    expect(loaded.refused).toBeUndefined();
    expect([...loaded.bytes]).toEqual([65, 66, 67]);
  });
});
