import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createRunStore, type RunStore, type RunStoreState } from '../store/runStore';

/** The app's one runs store; tests and stories provide their own through the context. */
const RunStoreContext = createContext<RunStore>(createRunStore());

export function useRunStore(): RunStore {
  return useContext(RunStoreContext);
}

/** Reads one narrow slice of the runs store; the component re-renders only when it changes. */
export function useRun<T>(selector: (state: RunStoreState) => T): T {
  return useStore(useRunStore(), selector);
}
