import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../app/protocol';
import { presets } from '../../app/presets';
import type { MenuActions } from './menuTemplate';
import { buildMenuTemplate, PAPER_URL } from './menuTemplate';

function build(platform: NodeJS.Platform, recent: string[] = []) {
  const calls: string[] = [];
  const actions: MenuActions = {
    command: (command: MenuCommand) => calls.push(`command:${command}`),
    openRecent: (path) => calls.push(`recent:${path}`),
    clearRecent: () => calls.push('clear'),
    openExternal: (url) => calls.push(`open:${url}`),
  };
  const template = buildMenuTemplate({ platform, appName: 'Inception Studio', presets, recent, development: false }, actions);
  return { template, calls };
}

const submenu = (template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] =>
  template.find((item) => item.label?.replace('&', '') === label)?.submenu as MenuItemConstructorOptions[];
const byLabel = (items: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions => items.find((item) => item.label === label)!;
const click = (item: MenuItemConstructorOptions): void => (item.click as () => void)();

describe('menu template', () => {
  it('has the File, Edit, View, Presets, Run and Help menus (plus the app menu on macOS)', () => {
    expect(build('linux').template.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Presets', '&Run', '&Help']);
    expect(build('darwin').template.map((item) => item.label)).toEqual(['Inception Studio', '&File', '&Edit', '&View', '&Presets', '&Run', '&Help']);
  });

  it('uses each platform’s accelerators', () => {
    const linuxEdit = submenu(build('linux').template, 'Edit');
    const macEdit = submenu(build('darwin').template, 'Edit');
    expect(byLabel(linuxEdit, 'Redo').accelerator).toBe('Ctrl+Y');
    expect(byLabel(macEdit, 'Redo').accelerator).toBe('Cmd+Shift+Z');
    expect(byLabel(submenu(build('win32').template, 'File'), 'Save As…').accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(submenu(build('win32').template, 'File').some((item) => item.role === 'quit')).toBe(true);
    expect(submenu(build('darwin').template, 'File').some((item) => item.role === 'quit')).toBe(false);
  });

  it('sends a menu command for every item, including one per paper preset', () => {
    const { template, calls } = build('linux');
    for (const label of ['File', 'Edit', 'View', 'Run']) {
      for (const item of submenu(template, label)) if (item.click && item.label !== 'Open Recent') click(item);
    }
    for (const item of submenu(template, 'Presets')) click(item);
    expect(calls).toEqual([
      ...['new', 'open', 'save', 'saveAs', 'exportPng', 'exportSvg', 'exportModel', 'importModel', 'newExperiment', 'experiments', 'undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll', 'zoomIn', 'zoomOut', 'fitView', 'togglePanels', 'validate', 'train', 'stop', 'predict'].map((c) => `command:${c}`),
      ...presets.map((preset) => `command:preset:${preset.name}`),
    ]);
    expect(submenu(template, 'Presets').map((item) => item.label)).toContain('Inception-v4');
  });

  it('lists recent files and clears them; Help opens the paper', () => {
    const { template, calls } = build('linux', ['/d/a.incept.json']);
    const recent = byLabel(submenu(template, 'File'), 'Open Recent').submenu as MenuItemConstructorOptions[];
    click(byLabel(recent, 'a.incept.json'));
    click(byLabel(recent, 'Clear Recent'));
    click(submenu(template, 'Help')[0]);
    expect(calls).toEqual(['recent:/d/a.incept.json', 'clear', `open:${PAPER_URL}`]);
    const empty = byLabel(submenu(build('linux').template, 'File'), 'Open Recent').submenu as MenuItemConstructorOptions[];
    expect(empty).toEqual([{ label: 'No Recent Designs', enabled: false }]);
  });

  it('opens the app’s own About dialog from Help, and from the app menu on macOS', () => {
    const linux = build('linux');
    click(byLabel(submenu(linux.template, 'Help'), 'About Inception Studio'));
    const mac = build('darwin');
    click(byLabel(submenu(mac.template, 'Inception Studio'), 'About Inception Studio'));
    expect([...linux.calls, ...mac.calls]).toEqual(['command:about', 'command:about']);
  });
});
