// Output shared by the benchmarks: plain-text tables, the machine description, and the JSON result
// files under bench/results/ (gitignored).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Left-aligned columns, two spaces apart, with a dashed rule under the head. A row shorter than the
 * head lets its last cell run on (an error message) without widening that column.
 */
export function textTable(head: string[], rows: string[][]): string {
  const fits = (r: string[], i: number) => r.length === head.length || i < r.length - 1;
  const widths = head.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (fits(r, i) ? (r[i] ?? '').length : 0))),
  );
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function machineInfo<T extends Record<string, unknown>>(extra: T = {} as T) {
  return {
    cpu: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    ...extra,
  };
}

/** Writes bench/results/<name>-<date>.json and <name>-latest.json; returns the first's path. */
export function writeResult(name: string, result: Record<string, unknown>): string {
  const dir = path.join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const date = new Date().toISOString();
  const text = `${JSON.stringify({ benchmark: name, date, ...result }, null, 2)}\n`;
  const file = path.join(dir, `${name}-${date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, text);
  writeFileSync(path.join(dir, `${name}-latest.json`), text);
  return path.relative(root, file);
}
