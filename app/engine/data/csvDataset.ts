/**
 * A CSV manifest dataset: `path,label` rows (an optional header row), paths relative to the
 * manifest's folder. Quoted fields may contain commas.
 */

import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { outsideRootsMessage, realPathInside } from '../../node/files/pathBoundary';
import { assembleFileDataset, sortClassNames } from './fileDataset';
import { DatasetError, type Dataset, type ScanOptions } from './types';

/** Splits one CSV line into fields (RFC 4180 quoting, no embedded newlines). */
function csvFields(line: string): string[] {
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

/** Rows that name a file outside `roots`, as `row N: path …` in the refusal; the rest with their real paths. */
async function keepInside(rows: readonly Row[], roots: readonly string[], manifest: string): Promise<Row[]> {
  const checked = await Promise.all(rows.map(async (row) => ({ row, real: await realPathInside(row.file, roots) })));
  const outside = checked.filter((c) => c.real === null).map((c) => `row ${c.row.line}: ${outsideRootsMessage(c.row.written, roots)}`);
  if (outside.length > 0) {
    const shown = outside.slice(0, 10).join('\n');
    throw new DatasetError(`${manifest} names images outside the allowed folders; fix or remove these rows:\n${shown}${outside.length > 10 ? `\n… and ${outside.length - 10} more` : ''}`);
  }
  return checked.map(({ row, real }) => ({ ...row, file: real! }));
}

interface Row {
  /** The absolute path (relative rows resolved against the manifest's folder). */
  file: string;
  /** The path as the row writes it, for messages. */
  written: string;
  label: string;
  /** 1-based line number in the manifest. */
  line: number;
}

export async function scanCsvDataset(manifest: string, inputSize: number, { roots, onProgress }: ScanOptions = {}): Promise<Dataset> {
  const text = await readFile(manifest, 'utf8');
  const lines = text.split(/\r?\n/);
  let rows: Row[] = [];
  const warnings: string[] = [];
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const fields = csvFields(line);
    if (i === 0 && fields[0].toLowerCase() === 'path') return;
    if (fields.length < 2 || fields[0] === '' || fields[1] === '') {
      warnings.push(`${manifest}:${i + 1}: expected 'path,label', got '${line.slice(0, 80)}'; row skipped.`);
      return;
    }
    rows.push({ file: isAbsolute(fields[0]) ? fields[0] : resolve(dirname(manifest), fields[0]), written: fields[0], label: fields[1], line: i + 1 });
  });
  if (roots) rows = await keepInside(rows, roots, manifest);
  if (rows.length === 0) throw new DatasetError(`${manifest} lists no images: each row must be 'path,label'.`);
  const classNames = sortClassNames(new Set(rows.map((r) => r.label)));
  const labelOf = new Map(classNames.map((name, i) => [name, i]));
  const entries = rows.map((r) => ({ id: r.file, label: labelOf.get(r.label) ?? 0 }));
  return assembleFileDataset({ root: manifest, kind: 'csv', classNames, entries, inputSize, warnings }, onProgress);
}
