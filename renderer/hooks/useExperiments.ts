import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createExperimentStore, type ExperimentStore, type ExperimentStoreState } from '../store/experimentStore';

/** The app's one experiments store; tests provide their own through the context. */
const ExperimentStoreContext = createContext<ExperimentStore>(createExperimentStore());

export function useExperimentStore(): ExperimentStore {
  return useContext(ExperimentStoreContext);
}

/** Reads one narrow slice of the experiments store. */
export function useExperiments<T>(selector: (state: ExperimentStoreState) => T): T {
  return useStore(useExperimentStore(), selector);
}
