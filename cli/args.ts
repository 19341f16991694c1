// Command-line arguments of `npm run generate`: parsed with node:util parseArgs (strict, so an
// unknown flag is an error rather than silently ignored), checked, and the usage text.
import path from 'node:path';
import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run generate -- <spec.json> --out <scene.glb> [--stats]

Generates the scene a spec describes and writes it as binary glTF (GLB).

  <spec.json>        scene spec (see public/examples/)
  -o, --out <file>   where to write the GLB; written to a temporary file beside it, then renamed,
                     so a failed run leaves any existing file untouched
  --stats            print one JSON object of timings, sizes and counts to stdout
  -h, --help         show this help

Exit status: 0 written; 1 the spec, generation or writing failed; 2 bad arguments; 130 interrupted.`;

/** Bad arguments: reported with the usage hint, exit status 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export type GenerateArgs =
  { help: true } | { help: false; spec: string; out: string; stats: boolean };

/** Paths are taken relative to where the user typed the command: npm runs scripts from the package
 * root, and records the caller's directory in INIT_CWD for the script it was asked to run. */
export function callerDirectory(env: NodeJS.ProcessEnv = process.env): string {
  return env.npm_lifecycle_event === 'generate' && env.INIT_CWD ? env.INIT_CWD : process.cwd();
}

export function parseGenerateArgs(argv: readonly string[], cwd = callerDirectory()): GenerateArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        stats: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // Node's wording for an unknown option goes on about '--' positionals; the first sentence is
    // what the user needs.
    throw new UsageError((error as Error).message.replace(/\. To specify a positional.*$/s, ''));
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (positionals.length === 0) throw new UsageError('missing the spec file to generate from');
  if (positionals.length > 1) {
    throw new UsageError(
      `expected one spec file, got ${positionals.length}: ${positionals.join(' ')}`,
    );
  }
  if (values.out === undefined) throw new UsageError('missing --out <scene.glb>');
  if (values.out.trim() === '') throw new UsageError('--out: expected a file path, got nothing');
  const spec = path.resolve(cwd, positionals[0]!);
  const out = path.resolve(cwd, values.out);
  if (spec === out) throw new UsageError('--out: refusing to overwrite the spec file itself');
  return { help: false, spec, out, stats: values.stats };
}
