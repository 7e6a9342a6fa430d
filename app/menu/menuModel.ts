/**
 * The one menu model both hosts show: File, Edit, View, Presets, Run and Help as plain data.
 * main/ turns it into the native Electron menu, the renderer into its in-page menu bar; each
 * keeps only the items meant for it (`hosts`).
 */

import type { MenuCommand } from '../protocol';
import type { PresetInfo } from '../presets';
import { APP_NAME } from '../versions';

/** Commands only the in-page designer offers; the renderer handles them with the menu commands. */
export const DESIGNER_COMMANDS = ['autoLayout', 'toggleExpand', 'expandAll', 'collapseAll', 'startScreen'] as const;
export type DesignerCommand = (typeof DESIGNER_COMMANDS)[number];

/** Everything a menu, a shortcut or a host event can ask the editor to do. */
export type EditorCommand = MenuCommand | DesignerCommand;

export type MenuHost = 'desktop' | 'web';

/**
 * Keys in a platform-neutral form: `Mod` is Cmd on macOS and Ctrl elsewhere ('Mod+Shift+S').
 * Where the platforms differ beyond that, one form per platform.
 */
export type ShortcutKeys = string | { readonly mac: string; readonly other: string };

export interface CommandEntry {
  readonly type: 'command';
  readonly id: string;
  readonly label: string;
  readonly command: EditorCommand;
  /** The native accelerator. */
  readonly shortcut?: ShortcutKeys;
  /** The key the page's own keymap answers, where the browser keeps the native one for itself. */
  readonly pageShortcut?: ShortcutKeys;
  readonly tooltip?: string;
  readonly hosts?: readonly MenuHost[];
}

/** Host-built entries the model only places: Open Recent, Quit, full screen, developer tools. */
export type MenuSlotName = 'recent' | 'quit' | 'fullscreen' | 'devTools';

export type MenuEntry =
  | CommandEntry
  | { readonly type: 'separator'; readonly hosts?: readonly MenuHost[] }
  | { readonly type: 'link'; readonly label: string; readonly url: string; readonly hosts?: readonly MenuHost[] }
  | { readonly type: 'slot'; readonly slot: MenuSlotName; readonly hosts?: readonly MenuHost[] };

export interface MenuSection {
  readonly id: 'file' | 'edit' | 'view' | 'presets' | 'run' | 'help';
  readonly label: string;
  readonly entries: readonly MenuEntry[];
  readonly hosts?: readonly MenuHost[];
}

export const PAPER_URL = 'https://arxiv.org/abs/1602.07261';
export const PROJECT_URL = 'https://github.com/inception-studio/inception-studio#readme';

const DESKTOP: readonly MenuHost[] = ['desktop'];
const WEB: readonly MenuHost[] = ['web'];

const command = (cmd: EditorCommand, label: string, extra: Partial<Omit<CommandEntry, 'type' | 'command' | 'label'>> = {}): CommandEntry => ({
  type: 'command',
  id: cmd,
  label,
  command: cmd,
  ...extra,
});
const separator = (hosts?: readonly MenuHost[]): MenuEntry => ({ type: 'separator', hosts });

export function buildMenuModel(presets: readonly PresetInfo[]): readonly MenuSection[] {
  return [
    {
      id: 'file',
      label: 'File',
      entries: [
        command('new', 'New Design', { shortcut: 'Mod+N', pageShortcut: 'Mod+Alt+N' }),
        command('open', 'Open…', { shortcut: 'Mod+O' }),
        { type: 'slot', slot: 'recent', hosts: DESKTOP },
        separator(),
        command('save', 'Save', { shortcut: 'Mod+S' }),
        command('saveAs', 'Save As…', { shortcut: 'Mod+Shift+S' }),
        command('exportPng', 'Export as PNG…', { shortcut: 'Mod+E', tooltip: 'The design canvas as a PNG image' }),
        command('exportSvg', 'Export as SVG…', { tooltip: 'The design canvas as an SVG drawing' }),
        separator(),
        command('exportModel', 'Export model…', { tooltip: 'The network as ONNX, a PyTorch folder or a portable TF.js model' }),
        command('importModel', 'Import model…', { tooltip: 'Weights trained elsewhere (train.py, a PyTorch export, an exported .onnx) as a model directory' }),
        separator(),
        command('newExperiment', 'New Experiment…', { tooltip: 'Compare designs, settings or seeds: several runs, one report' }),
        command('experiments', 'Experiments…', { tooltip: 'The queue and comparison of every experiment' }),
        command('startScreen', 'Start screen', { hosts: WEB }),
        { type: 'slot', slot: 'quit', hosts: DESKTOP },
      ],
    },
    {
      id: 'edit',
      label: 'Edit',
      entries: [
        command('undo', 'Undo', { shortcut: 'Mod+Z' }),
        command('redo', 'Redo', { shortcut: { mac: 'Cmd+Shift+Z', other: 'Ctrl+Y' }, pageShortcut: 'Mod+Shift+Z' }),
        separator(),
        command('cut', 'Cut', { shortcut: 'Mod+X' }),
        command('copy', 'Copy', { shortcut: 'Mod+C' }),
        command('paste', 'Paste', { shortcut: 'Mod+V' }),
        command('delete', 'Delete', { shortcut: { mac: 'Backspace', other: 'Delete' }, pageShortcut: 'Delete' }),
        separator(),
        command('selectAll', 'Select All', { shortcut: 'Mod+A' }),
      ],
    },
    {
      id: 'view',
      label: 'View',
      entries: [
        command('zoomIn', 'Zoom In', { shortcut: 'Mod+=', pageShortcut: '+' }),
        command('zoomOut', 'Zoom Out', { shortcut: 'Mod+-', pageShortcut: '-' }),
        command('fitView', 'Fit to Window', { shortcut: 'Mod+0', pageShortcut: 'F' }),
        command('autoLayout', 'Auto Layout', { pageShortcut: 'L', hosts: WEB }),
        command('toggleExpand', 'Expand / Collapse Selected', { pageShortcut: 'E', hosts: WEB }),
        command('expandAll', 'Expand All Blocks', { pageShortcut: 'Mod+Shift+E', hosts: WEB }),
        command('collapseAll', 'Collapse All Blocks', { pageShortcut: 'Mod+Alt+E', hosts: WEB }),
        separator(),
        command('togglePanels', 'Toggle Panels', { shortcut: 'Mod+\\', pageShortcut: 'Mod+B' }),
        separator(DESKTOP),
        { type: 'slot', slot: 'fullscreen', hosts: DESKTOP },
        { type: 'slot', slot: 'devTools', hosts: DESKTOP },
      ],
    },
    {
      id: 'presets',
      label: 'Presets',
      entries: presets.map((preset) => ({ ...command(`preset:${preset.name}`, preset.title), tooltip: preset.note })),
    },
    {
      id: 'run',
      label: 'Run',
      hosts: DESKTOP,
      entries: [
        command('validate', 'Validate', { shortcut: 'Mod+Shift+V' }),
        command('train', 'Train…', { shortcut: 'F5' }),
        command('stop', 'Stop', { shortcut: 'Shift+F5' }),
        separator(),
        command('predict', 'Predict…', { shortcut: 'Mod+Shift+P' }),
      ],
    },
    {
      id: 'help',
      label: 'Help',
      entries: [
        { type: 'link', label: 'Inception-v4 and Inception-ResNet (paper)', url: PAPER_URL, hosts: DESKTOP },
        { type: 'link', label: 'Documentation', url: PROJECT_URL, hosts: DESKTOP },
        separator(DESKTOP),
        command('about', `About ${APP_NAME}`),
      ],
    },
  ];
}

const shownOn = (host: MenuHost, hosts: readonly MenuHost[] | undefined): boolean => !hosts || hosts.includes(host);

/** The sections and entries one host shows, in order. */
export function menuForHost(model: readonly MenuSection[], host: MenuHost): readonly MenuSection[] {
  return model.filter((section) => shownOn(host, section.hosts)).map((section) => ({ ...section, entries: section.entries.filter((entry) => shownOn(host, entry.hosts)) }));
}

/** The keys for one platform, still with `Mod`. */
export function keysFor(keys: ShortcutKeys, mac: boolean): string {
  return typeof keys === 'string' ? keys : mac ? keys.mac : keys.other;
}

/** Keys as a menu shows them: `Mod` spelt out for the platform ('Cmd+S' on macOS, 'Ctrl+S' elsewhere). */
export function shortcutText(keys: ShortcutKeys, mac: boolean): string {
  return keysFor(keys, mac).replace(/\bMod\b/g, mac ? 'Cmd' : 'Ctrl');
}
