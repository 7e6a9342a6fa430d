import { useEffect, useState } from 'react';
import { joinPath } from '../documents/hostPaths';
import { checkpointChoice, type CheckpointChoice } from '../export/modelExportName';
import { ask } from '../store/runCommands';
import { useEditorContext } from './useEditorContext';

/**
 * The checkpoints on the host of every run of the design `designName` (this session's and
 * earlier ones), newest run first: what File › Export model… offers besides the design itself.
 */
export function useRunCheckpoints(designName: string): readonly CheckpointChoice[] {
  const { host } = useEditorContext();
  const [choices, setChoices] = useState<readonly CheckpointChoice[]>([]);
  useEffect(() => {
    let live = true;
    void (async () => {
      const runs = await ask(() => host.listRuns({ designName }));
      if (!runs.ok) return;
      const found: CheckpointChoice[] = [];
      for (const run of [...runs.value].sort((a, b) => b.startedAt.localeCompare(a.startedAt))) {
        const folder = joinPath(run.runDir, 'checkpoints');
        const listed = await ask(() => host.listDirectory({ path: folder }));
        if (!listed.ok) continue;
        for (const which of ['best', 'last']) {
          if (listed.value.some((entry) => entry.kind === 'directory' && entry.name === which)) found.push(checkpointChoice(joinPath(folder, which)));
        }
      }
      if (live) setChoices(found);
    })();
    return () => {
      live = false;
    };
  }, [host, designName]);
  return choices;
}
