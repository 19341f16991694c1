import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callerDirectory, parseGenerateArgs, USAGE, UsageError } from '../../cli/args';

const cwd = '/home/user/scenes';

describe('generate CLI arguments', () => {
  it('takes a spec and --out (or -o), resolved against the caller directory', () => {
    expect(parseGenerateArgs(['a.json', '--out', 'b.glb', '--stats'], cwd)).toEqual({
      help: false,
      spec: path.join(cwd, 'a.json'),
      out: path.join(cwd, 'b.glb'),
      stats: true,
    });
    expect(parseGenerateArgs(['-o', '/abs/b.glb', 'a.json'], cwd)).toMatchObject({
      out: '/abs/b.glb',
      stats: false,
    });
  });

  it('answers --help and -h with usage, whatever else is there', () => {
    expect(parseGenerateArgs(['--help'], cwd)).toEqual({ help: true });
    expect(parseGenerateArgs(['a.json', '-h'], cwd)).toEqual({ help: true });
    expect(USAGE).toMatch(
      /^Usage: npm run generate -- <spec\.json> --out <scene\.glb> \[--stats\]/,
    );
  });

  it.each([
    [[], 'missing the spec file'],
    [['a.json'], 'missing --out'],
    [['a.json', '--out'], "'-o, --out <value>' argument missing"],
    [['a.json', '--out', ''], '--out: expected a file path'],
    [['a.json', 'b.json', '--out', 'c.glb'], 'expected one spec file, got 2'],
    [['a.json', '--out', 'c.glb', '--bogus'], "Unknown option '--bogus'"],
    [['a.json', '--out', 'c.glb', '--stats=yes'], "'--stats' does not take an argument"],
    [['a.json', '--out', 'a.json'], 'refusing to overwrite the spec'],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parseGenerateArgs(argv, cwd)).toThrow(UsageError);
    expect(() => parseGenerateArgs(argv, cwd)).toThrow(message);
  });

  it("uses npm's INIT_CWD only when npm is running the generate script", () => {
    const init = { INIT_CWD: '/somewhere/else' };
    expect(callerDirectory({ ...init, npm_lifecycle_event: 'generate' })).toBe('/somewhere/else');
    expect(callerDirectory({ ...init, npm_lifecycle_event: 'test' })).toBe(process.cwd());
    expect(callerDirectory({})).toBe(process.cwd());
  });
});
