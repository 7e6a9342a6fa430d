import { useEffect, useState } from 'react';
import type { HostInfo } from '../../app/protocol';
import { useEditorContext } from './useEditorContext';

/** The host's kind and folders; null until it answered. */
export function useHostInfo(): HostInfo | null {
  const { host } = useEditorContext();
  const [info, setInfo] = useState<HostInfo | null>(null);
  useEffect(() => {
    let live = true;
    void host.info().then(
      (answer) => live && setInfo(answer),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host]);
  return info;
}
