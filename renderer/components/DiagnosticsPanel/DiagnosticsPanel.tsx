import { memo, useMemo } from 'react';
import type { InputSizeFix } from '../../../app/analysis/types';
import { setInputAction } from '../../actions/designActions';
import { selectAction } from '../../actions/selectionActions';
import { useEditor } from '../../hooks/useEditor';
import { useEditorStore } from '../../hooks/useEditorStore';
import { useFocusNode } from '../../hooks/useFocusNode';
import { groupDiagnostics } from '../../store/groupDiagnostics';
import './DiagnosticsPanel.css';

const SHOWN_PLACES = 6;

/**
 * Every problem the analysis found, repeats folded into one row with their places; clicking
 * one centres its first node and selects all the nodes it names.
 */
function DiagnosticsPanelView() {
  const diagnostics = useEditor((s) => s.analysis.diagnostics);
  const groups = useMemo(() => groupDiagnostics(diagnostics), [diagnostics]);
  const focusNode = useFocusNode();
  const store = useEditorStore();
  const open = (nodes: readonly string[]) => {
    if (nodes[0] === undefined) return;
    focusNode(nodes[0]);
    if (nodes.length > 1) store.getState().run(selectAction, nodes);
  };
  return (
    <section className="diagnostics" aria-label="Diagnostics">
      <h2 className="panel-heading">
        Diagnostics <span className="diagnostics__count">{groups.length}</span>
      </h2>
      {groups.length === 0 ? <p className="diagnostics__none">No problems found.</p> : null}
      <ul className="diagnostics__list" role="list">
        {groups.map(({ first, nodes, count }) => (
          <li key={`${first.code}-${first.nodes.join(',')}`} role="listitem">
            <button type="button" className={`diagnostics__item diagnostics__item--${first.severity}`} onClick={() => open(nodes)} aria-label={`${first.severity}: ${first.message}`}>
              <span className={`diagnostics__icon diagnostics__icon--${first.severity}`} aria-hidden="true">
                ●
              </span>
              <span className="diagnostics__text">
                <span className="diagnostics__message">{first.message}</span>
                {count > 1 ? (
                  <span className="diagnostics__places">
                    The same in {count} places: {nodes.slice(0, SHOWN_PLACES).join(', ')}
                    {nodes.length > SHOWN_PLACES ? ', …' : ''}
                  </span>
                ) : null}
                {first.hint ? <span className="diagnostics__hint">{first.hint}</span> : null}
              </span>
            </button>
            {first.fix ? <FixButton fix={first.fix} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A diagnostic's fix as one undoable edit. */
function FixButton({ fix }: { fix: InputSizeFix }) {
  const store = useEditorStore();
  return (
    <button type="button" className="dialog-button diagnostics__fix" onClick={() => store.getState().run(setInputAction, { height: fix.height, width: fix.width })}>
      {fix.label}
    </button>
  );
}

export const DiagnosticsPanel = memo(DiagnosticsPanelView);
