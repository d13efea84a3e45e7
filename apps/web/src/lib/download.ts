/** Offers bytes to the user as a file, without any request: a blob URL and a download link. */
export function saveFile(bytes: Uint8Array | string, name: string, type: string): void {
  const blob = new Blob([bytes as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `danh-sach.csv` → `danh-sach-ket-qua.csv`: the name of a result file made from an input file. */
export function resultName(input: string, suffix: string, ext: string): string {
  const base = input.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '-') || 'p135';
  return `${base}-${suffix}.${ext}`;
}
