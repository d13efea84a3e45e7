import { checkFileSize, type InputError, inputError } from '@p135/io';

/** A file given to the app: its name and bytes, or why it was not read. */
export interface LoadedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Why the file was not read at all (too large, gone): shown as its one error. */
  readonly refused?: InputError;
}

/**
 * Reads a file the user picked or dropped; never rejects. A file over the readers' limit is refused
 * by its size before any of it is read (a tab must not load gigabytes only to refuse them), and a
 * file that cannot be read (moved, deleted, no permission) is refused as such.
 */
export async function readPicked(file: File): Promise<LoadedFile> {
  const tooLarge = checkFileSize(file.size);
  if (tooLarge) return { name: file.name, bytes: new Uint8Array(0), refused: tooLarge };
  try {
    return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch {
    return { name: file.name, bytes: new Uint8Array(0), refused: inputError({}, 'file.unreadable', 'không đọc được tệp; hãy chọn lại tệp', 'cannot read the file; pick it again') };
  }
}
