import { Handle, Position, useUpdateNodeInternals } from '@xyflow/react';
import { memo, useEffect, useRef } from 'react';
import './InputPorts.css';

interface InputPortsProps {
  nodeId: string;
  title: string;
  ports: number;
  connected: number;
}

/** Ordered target handles along the top edge; concatenation order is left to right. */
function InputPortsView({ nodeId, title, ports, connected }: InputPortsProps) {
  const updateNodeInternals = useUpdateNodeInternals();
  // React Flow measures handles on mount; it needs telling only when the port count changes.
  const measured = useRef(ports);
  useEffect(() => {
    if (measured.current === ports) return;
    measured.current = ports;
    updateNodeInternals(nodeId);
  }, [nodeId, ports, updateNodeInternals]);
  return (
    <>
      {Array.from({ length: ports }, (_, port) => (
        <Handle
          key={port}
          type="target"
          id={`in-${port}`}
          position={Position.Top}
          className={port >= connected ? 'input-port input-port--free' : 'input-port'}
          style={{ left: `${((port + 1) / (ports + 1)) * 100}%` }}
          aria-label={`${title} input ${port + 1}`}
          title={`Input ${port + 1}${port >= connected ? ' (free)' : ''}`}
        >
          {ports > 1 ? <span className="input-port__number">{port + 1}</span> : null}
        </Handle>
      ))}
    </>
  );
}

export const InputPorts = memo(InputPortsView);
