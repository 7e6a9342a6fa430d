import { useCommands } from '../../hooks/useCommands';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useEditor } from '../../hooks/useEditor';
import { useExperiments } from '../../hooks/useExperiments';
import { useHostEvents } from '../../hooks/useHostEvents';
import { useRecovery } from '../../hooks/useRecovery';
import { useShortcuts } from '../../hooks/useShortcuts';
import { useUnloadGuard } from '../../hooks/useUnloadGuard';
import { AboutDialog } from '../AboutDialog/AboutDialog';
import { ModelExportDialog } from '../ModelExportDialog/ModelExportDialog';
import { ModelImportDialog } from '../ModelImportDialog/ModelImportDialog';
import { Canvas } from '../Canvas/Canvas';
import { ExperimentDialog } from '../Experiments/ExperimentDialog';
import { ExperimentsPanel } from '../Experiments/ExperimentsPanel';
import { FileDialog } from '../FileDialog/FileDialog';
import { MenuBar } from '../MenuBar/MenuBar';
import { Overview } from '../Overview/Overview';
import { Palette } from '../Palette/Palette';
import { PresetDialog } from '../PresetDialog/PresetDialog';
import { ProblemDialog } from '../ProblemDialog/ProblemDialog';
import { RecoveryDialog } from '../RecoveryDialog/RecoveryDialog';
import { RunDock } from '../RunDock/RunDock';
import { SidePanels } from '../SidePanels/SidePanels';
import { StartScreen } from '../StartScreen/StartScreen';
import { StatusBar } from '../StatusBar/StatusBar';
import './Workspace.css';

/** Menu bar, palette, canvas, side panels, run dock and status bar, wired to commands and shortcuts. */
export function Workspace() {
  const run = useCommands();
  const overlay = useEditor((s) => s.ui.startScreen || s.ui.fileDialog !== null || s.ui.recovery.length > 0 || s.ui.about || s.ui.presetDialog !== null || s.ui.modelExport !== null || s.ui.modelImport || s.problem !== null);
  const panelsHidden = useEditor((s) => s.ui.panelsHidden);
  const experimentsShown = useExperiments((s) => s.view !== null);
  useShortcuts(run, !overlay && !experimentsShown);
  useHostEvents(run);
  useDocumentTitle();
  useRecovery();
  useUnloadGuard();
  return (
    <div className="workspace">
      <MenuBar run={run} keyboard={!overlay && !experimentsShown} />
      <div className="workspace__body">
        {panelsHidden ? null : (
          <div className="workspace__left">
            <Palette />
            <Overview />
          </div>
        )}
        <Canvas />
        {panelsHidden ? null : <SidePanels />}
      </div>
      <RunDock run={run} />
      <StatusBar />
      <StartScreen run={run} />
      <PresetDialog />
      <FileDialog />
      <RecoveryDialog />
      <ProblemDialog />
      <AboutDialog />
      <ModelExportDialog />
      <ModelImportDialog />
      <ExperimentDialog />
      <ExperimentsPanel />
    </div>
  );
}
