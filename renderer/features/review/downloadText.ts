/** Saves text as a file the way browsers and Electron both allow: a Blob URL on a temporary link. */
export function downloadText(fileName: string, text: string, type: string): void {
  // Excel reads UTF-8 CSV only with a byte-order mark.
  const blob = new Blob([type === 'text/csv' ? '\uFEFF' + text : text], { type: `${type};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
