/**
 * Browser downloads of bytes the window holds: how exports reach the user's own machine when
 * the web host runs elsewhere (a GPU server over SSH). The file lands in the browser's
 * download folder under `name`.
 */

import { base64ToBytes } from '../dom/base64';

export function downloadBase64(name: string, base64: string, type: string): void {
  downloadBlob(name, new Blob([base64ToBytes(base64)], { type }));
}

/** Text made in the window (the layer table's CSV), downloaded as a file. */
export function downloadText(name: string, text: string, type: string): void {
  downloadBlob(name, new Blob([text], { type }));
}

function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference to the blob once it started.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
