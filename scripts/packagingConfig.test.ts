/**
 * electron-builder.yml: valid against electron-builder's own schema (the check `npm run dist`
 * runs first), and saying what the app needs — every platform's target, the design file
 * association, native modules outside the asar, and only files the build produces.
 */

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DESIGN_EXTENSION } from '../app/design/types';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
};

interface BuilderConfig {
  files: string[];
  asarUnpack: string[];
  fileAssociations: { ext: string; mimeType: string }[];
  linux: { target: string[]; icon: string };
  win: { target: string[] };
  mac: { target: string[] };
  directories: { buildResources: string };
  extraResources: { from: string; to: string }[];
}

const config = yaml.load(readFileSync(join(repo, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema validation', async () => {
    await expect(validateConfiguration(config, { isEnabled: false, add() {} })).resolves.toBeUndefined();
  });

  it('targets AppImage and deb, NSIS, and dmg', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
  });

  it('associates design files and uses the icon from assets/', () => {
    expect(config.fileAssociations.map((association) => `.${association.ext}`)).toEqual([DESIGN_EXTENSION]);
    expect(existsSync(join(repo, config.directories.buildResources, config.linux.icon))).toBe(true);
  });

  it('keeps the native TensorFlow.js bindings and sharp out of the asar archive', () => {
    for (const module of ['@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu', 'sharp', '@img']) {
      expect(config.asarUnpack, module).toContain(`node_modules/${module}/**`);
    }
  });

  it('ships the licence and the third-party notices beside the app', () => {
    expect(config.extraResources).toEqual([
      { from: 'LICENSE', to: 'LICENSE' },
      { from: 'dist/notices/THIRD-PARTY-NOTICES.md', to: 'THIRD-PARTY-NOTICES.md' },
    ]);
    expect(existsSync(join(repo, 'LICENSE'))).toBe(true);
  });

  it('packages the built bundles and assets, and the package main points into them', () => {
    expect(config.files).toEqual(expect.arrayContaining(['package.json', 'dist/**/*', 'assets/**/*']));
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { main: string; scripts: Record<string, string> };
    expect(pkg.main).toBe('dist/main/main.js');
    expect(pkg.scripts.dist).toBe('npm run build && electron-builder');
  });
});
