/**
 * Browser downloads of bytes the window holds: how exports reach the user's own machine when
 * the web host runs elsewhere (a GPU server over SSH). The file lands in the browser's
 * download folder under `name`.
 */

import { base64ToBytes } from '../dom/base64';

export function downloadBase64(name: string, base64: string, type: string): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(base64)], { type }));
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
