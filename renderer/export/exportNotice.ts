/** What an export's outcome says in the status bar; a browser download offers to keep a copy on the host. */

import type { Result } from '../../app/protocol';
import type { ExportNotice } from '../store/runStore';
import type { ExportOutcome } from './exportImage';

export function exportNoticeOf(result: Result<ExportOutcome>): ExportNotice | null {
  if (!result.ok) return { text: `Export failed: ${result.error}`, offer: null };
  const outcome = result.value;
  switch (outcome.kind) {
    case 'saved':
      return { text: `Exported ${outcome.file.path}`, offer: null };
    case 'downloaded':
      return { text: `Downloaded ${outcome.exported.name}`, offer: outcome.exported };
    case 'cancelled':
      return null;
  }
}
