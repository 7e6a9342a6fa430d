/**
 * A CSV manifest dataset: `path,label` rows (an optional header row), paths relative to the
 * manifest's folder. Quoted fields may contain commas.
 */

import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { ProgressCallback } from '../../training/progress';
import { assembleFileDataset, sortClassNames } from './fileDataset';
import { DatasetError, type Dataset } from './types';

/** Splits one CSV line into fields (RFC 4180 quoting, no embedded newlines). */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

export async function scanCsvDataset(manifest: string, inputSize: number, onProgress?: ProgressCallback): Promise<Dataset> {
  const text = await readFile(manifest, 'utf8');
  const lines = text.split(/\r?\n/);
  const rows: { file: string; label: string }[] = [];
  const warnings: string[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const fields = csvFields(line);
    if (i === 0 && fields[0].toLowerCase() === 'path') return;
    if (fields.length < 2 || fields[0] === '' || fields[1] === '') {
      warnings.push(`${manifest}:${i + 1}: expected 'path,label', got '${line.slice(0, 80)}'; row skipped.`);
      return;
    }
    rows.push({ file: isAbsolute(fields[0]) ? fields[0] : resolve(dirname(manifest), fields[0]), label: fields[1] });
  });
  if (rows.length === 0) throw new DatasetError(`${manifest} lists no images: each row must be 'path,label'.`);
  const classNames = sortClassNames(new Set(rows.map((r) => r.label)));
  const labelOf = new Map(classNames.map((name, i) => [name, i]));
  const entries = rows.map((r) => ({ id: r.file, label: labelOf.get(r.label) ?? 0 }));
  return assembleFileDataset({ root: manifest, kind: 'csv', classNames, entries, inputSize, warnings }, onProgress);
}
