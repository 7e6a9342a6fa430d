import { describe, expect, it } from 'vitest';
import { presets } from '../presets';
import type { CommandEntry, MenuHost, EditorCommand } from './menuModel';
import { buildMenuModel, menuForHost, shortcutText } from './menuModel';

const commandsOn = (host: MenuHost): EditorCommand[] =>
  menuForHost(buildMenuModel(presets), host).flatMap((section) => section.entries.filter((entry): entry is CommandEntry => entry.type === 'command').map((entry) => entry.command));

const designerCommands: EditorCommand[] = ['autoLayout', 'toggleExpand', 'expandAll', 'collapseAll', 'startScreen'];
const hostCommands: EditorCommand[] = ['new', 'open', 'save', 'saveAs', 'exportPng', 'exportSvg', 'exportModel', 'importModel', 'undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll', 'zoomIn', 'zoomOut', 'fitView', 'togglePanels', 'validate', 'train', 'stop', 'predict', 'newExperiment', 'experiments', 'about'];
const presetCommands = presets.map((preset): EditorCommand => `preset:${preset.name}`);

describe('menu model', () => {
  it('lists every command the page handles exactly once, presets included', () => {
    const web = commandsOn('web');
    expect(new Set(web).size).toBe(web.length);
    expect(web).toEqual(expect.arrayContaining([...designerCommands, ...presetCommands, 'new', 'open', 'save', 'saveAs', 'exportPng', 'exportSvg', 'exportModel', 'importModel', 'undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll', 'zoomIn', 'zoomOut', 'fitView', 'togglePanels', 'newExperiment', 'experiments', 'about']));
    expect(menuForHost(buildMenuModel(presets), 'web').map((section) => section.label)).toEqual(['File', 'Edit', 'View', 'Presets', 'Help']);
  });

  it('gives the desktop every host command once and no designer-only command', () => {
    const desktop = commandsOn('desktop');
    expect([...desktop].sort()).toEqual([...hostCommands, ...presetCommands].sort());
    expect(desktop.filter((command) => designerCommands.includes(command))).toEqual([]);
  });

  it('lists one entry per preset with its title and note', () => {
    const section = buildMenuModel(presets).find((s) => s.id === 'presets')!;
    expect(section.entries).toEqual(presets.map((preset) => expect.objectContaining({ type: 'command', label: preset.title, tooltip: preset.note, command: `preset:${preset.name}` })));
    expect(buildMenuModel([]).find((s) => s.id === 'presets')!.entries).toEqual([]);
  });

  it('spells Mod per platform and picks the platform’s own keys', () => {
    expect(shortcutText('Mod+Shift+S', false)).toBe('Ctrl+Shift+S');
    expect(shortcutText('Mod+Shift+S', true)).toBe('Cmd+Shift+S');
    expect(shortcutText({ mac: 'Cmd+Shift+Z', other: 'Ctrl+Y' }, true)).toBe('Cmd+Shift+Z');
    expect(shortcutText({ mac: 'Backspace', other: 'Delete' }, false)).toBe('Delete');
  });
});
