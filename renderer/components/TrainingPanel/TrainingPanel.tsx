import { memo } from 'react';
import { useRun } from '../../hooks/useRun';
import { currentRun, isDesignLocked } from '../../store/runStore';
import { PastRuns } from '../PastRuns/PastRuns';
import { RunCharts } from '../RunCharts/RunCharts';
import { RunResults } from '../RunResults/RunResults';
import { ComputeSection } from './ComputeSection';
import { DatasetSection } from './DatasetSection';
import { HyperparameterForm } from './HyperparameterForm';
import { RunControls } from './RunControls';
import './TrainingPanel.css';

interface TrainingPanelProps {
  /** Opens the prediction panel on a checkpoint. */
  onPredict(path: string): void;
}

/** Set up a run (dataset, hyperparameters, backend, memory), run it, watch it and compare runs. */
function TrainingPanelView({ onPredict }: TrainingPanelProps) {
  const run = useRun(currentRun);
  const locked = useRun(isDesignLocked);
  return (
    <div className="training-panel">
      <div className="training-panel__setup" aria-label="Training setup" role="group">
        <DatasetSection disabled={locked} />
        <ComputeSection disabled={locked} />
        <HyperparameterForm disabled={locked} />
      </div>
      <div className="training-panel__run">
        <RunControls />
        {run ? <RunCharts run={run} /> : null}
        {run ? <RunResults run={run} onPredict={onPredict} /> : null}
        <PastRuns />
      </div>
    </div>
  );
}

export const TrainingPanel = memo(TrainingPanelView);
