import { memo, useMemo, useState } from 'react';
import { layerCsv } from '../../../app/analysis/layerCsv';
import { summarizeLayers } from '../../../app/analysis/layerSummary';
import { exportBaseName } from '../../export/exportName';
import { downloadText } from '../../export/download';
import { formatBytes, formatCount, formatExact, formatShape } from '../../format/quantities';
import { useEditor } from '../../hooks/useEditor';
import { useFocusNode } from '../../hooks/useFocusNode';
import { LAYER_COLUMNS, layerRows, nextSort, type LayerSort } from './layerRows';
import './LayerTable.css';

/**
 * Every layer of the design, like Keras `summary()` or MATLAB `analyzeNetwork`: sortable by
 * any column, filtered by text; a click on a row selects its node on the canvas; CSV export.
 */
function LayerTableView() {
  const analysis = useEditor((s) => s.analysis);
  const file = useEditor((s) => s.file);
  const name = useEditor((s) => s.document.name);
  const focusNode = useFocusNode();
  const [filter, setFilter] = useState('');
  const [sort, setSort] = useState<LayerSort>({ column: null, descending: false });
  const layers = useMemo(() => summarizeLayers(analysis), [analysis]);
  const rows = useMemo(() => layerRows(layers, filter, sort), [layers, filter, sort]);
  const exportCsv = () => downloadText(`${exportBaseName(file, name)}-layers.csv`, layerCsv(rows), 'text/csv');

  return (
    <section className="layer-table" aria-label="Layer table">
      <div className="layer-table__bar">
        <input type="search" className="layer-table__filter" aria-label="Filter layers" placeholder="Filter: name, block, type, shape" value={filter} onChange={(event) => setFilter(event.target.value)} />
        <span className="layer-table__count" aria-label="Layers shown">
          {rows.length === layers.length ? `${layers.length} layers` : `${rows.length} of ${layers.length} layers`}
        </span>
        <button type="button" onClick={exportCsv}>
          Export CSV
        </button>
      </div>
      <div className="layer-table__scroll">
        <table>
          <thead>
            <tr>
              {LAYER_COLUMNS.map(({ key, label }) => (
                <th key={key} scope="col" aria-sort={sort.column !== key ? 'none' : sort.descending ? 'descending' : 'ascending'}>
                  <button type="button" onClick={() => setSort(nextSort(sort, key))}>
                    {label}
                    {sort.column === key ? (sort.descending ? ' ▾' : ' ▴') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((layer) => (
              <tr key={layer.id} onClick={() => focusNode(layer.node)} aria-label={`Layer ${layer.id}`}>
                <td>{layer.id}</td>
                <td>{layer.type}</td>
                <td>{formatShape(layer.output ?? undefined)}</td>
                <td title={formatExact(layer.params)}>{formatCount(layer.params)}</td>
                <td title={formatExact(layer.macs)}>{formatCount(layer.macs)}</td>
                <td>{formatBytes(layer.activationBytes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export const LayerTable = memo(LayerTableView);
