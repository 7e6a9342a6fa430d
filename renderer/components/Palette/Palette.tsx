import { memo, useMemo, useState, type DragEvent, type KeyboardEvent } from 'react';
import { allNodeTypes } from '../../../app/design/nodeTypes';
import { insertAfterAction } from '../../actions/editActions';
import { useEditorStore } from '../../hooks/useEditorStore';
import { PALETTE_MIME } from './paletteDrag';
import { paletteGroups } from './paletteGroups';
import './Palette.css';

const infos = allNodeTypes().map((nodeType) => nodeType.info);

/** Blocks and layers to add: drag onto the canvas, or double-click / Enter to add after the selection. */
function PaletteView() {
  const store = useEditorStore();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => paletteGroups(infos, query), [query]);

  const add = (type: string) => store.getState().run(insertAfterAction, { type });
  const onDragStart = (event: DragEvent, type: string) => {
    event.dataTransfer.setData(PALETTE_MIME, type);
    event.dataTransfer.effectAllowed = 'copy';
  };
  const onKeyDown = (event: KeyboardEvent, type: string) => {
    if (event.key === 'Enter') add(type);
  };

  return (
    <aside className="palette" aria-label="Palette">
      <input
        className="palette__search"
        type="search"
        placeholder="Search blocks and layers"
        aria-label="Search palette"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <div className="palette__groups">
        {groups.length === 0 ? <p className="palette__empty">Nothing matches “{query}”.</p> : null}
        {groups.map((group) => (
          <section key={group.category} className="palette__group" aria-label={group.category}>
            <h3 className="palette__heading">{group.category}</h3>
            <ul className="palette__items" role="list">
              {group.items.map((info) => (
                <li
                  key={info.type}
                  className="palette__item"
                  role="listitem"
                  tabIndex={0}
                  draggable
                  aria-label={info.label}
                  title={info.description}
                  onDragStart={(event) => onDragStart(event, info.type)}
                  onDoubleClick={() => add(info.type)}
                  onKeyDown={(event) => onKeyDown(event, info.type)}
                >
                  {info.label}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}

export const Palette = memo(PaletteView);
