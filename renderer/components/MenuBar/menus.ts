/** The designer's menus; the desktop host's native menu sends the same commands. */

import { presets } from '../../../app/presets/index';
import type { EditorCommand } from '../../hooks/useCommands';

export interface MenuItem {
  command: EditorCommand;
  label: string;
}

export interface Menu {
  label: string;
  items: readonly MenuItem[];
}

export const menus: readonly Menu[] = [
  {
    label: 'File',
    items: [
      { command: 'new', label: 'New' },
      { command: 'open', label: 'Open…' },
      { command: 'save', label: 'Save' },
      { command: 'saveAs', label: 'Save As…' },
      { command: 'startScreen', label: 'Start screen' },
    ],
  },
  {
    label: 'Edit',
    items: [
      { command: 'undo', label: 'Undo' },
      { command: 'redo', label: 'Redo' },
      { command: 'cut', label: 'Cut' },
      { command: 'copy', label: 'Copy' },
      { command: 'paste', label: 'Paste' },
      { command: 'delete', label: 'Delete' },
      { command: 'selectAll', label: 'Select all' },
    ],
  },
  {
    label: 'View',
    items: [
      { command: 'zoomIn', label: 'Zoom in' },
      { command: 'zoomOut', label: 'Zoom out' },
      { command: 'fitView', label: 'Fit view' },
      { command: 'autoLayout', label: 'Auto layout' },
      { command: 'toggleExpand', label: 'Expand / collapse selected' },
      { command: 'expandAll', label: 'Expand all blocks' },
      { command: 'collapseAll', label: 'Collapse all blocks' },
      { command: 'togglePanels', label: 'Show / hide panels' },
    ],
  },
  {
    label: 'Presets',
    items: presets.map((preset) => ({ command: `preset:${preset.name}` as EditorCommand, label: preset.title })),
  },
];
