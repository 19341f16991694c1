// The projects UI's pure helpers: relative and clock times, what the save status says for every
// SaveStatus, which versions "Compare" compares for the user's picks, and the storage figures.
import { describe, expect, it } from 'vitest';
import type { SessionState } from '../../src/projects/project-session';
import type { VersionMeta } from '../../src/storage/project-repository';
import { saveStatusView } from '../../src/ui/projects/save-status';
import { hitRate, usageShare, usageText } from '../../src/ui/projects/storage-figures';
import { formatClock, formatDateTime, formatRelativeTime } from '../../src/ui/projects/time-format';
import { comparison, livePicks, togglePick } from '../../src/ui/projects/version-picks';

const at = (y: number, mo: number, d: number, h = 12, mi = 0, s = 0) =>
  new Date(y, mo - 1, d, h, mi, s).getTime();

describe('times', () => {
  it('formats the clock and a full date in local time', () => {
    expect(formatClock(at(2025, 3, 4, 9, 5))).toBe('09:05');
    expect(formatDateTime(at(2025, 3, 4, 14, 30))).toBe('4 Mar 2025, 14:30');
  });

  it('says how long ago, then a date once it is a week old', () => {
    const now = at(2025, 3, 10, 15, 0);
    expect(formatRelativeTime(now - 10_000, now)).toBe('just now');
    expect(formatRelativeTime(now - 60_000, now)).toBe('1 min ago');
    expect(formatRelativeTime(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(formatRelativeTime(now - 3 * 3600_000, now)).toBe('3 h ago');
    expect(formatRelativeTime(at(2025, 3, 9, 8, 15), now)).toBe('yesterday 08:15');
    expect(formatRelativeTime(at(2025, 3, 6, 8, 15), now)).toBe('4 days ago');
    expect(formatRelativeTime(at(2025, 2, 20), now)).toBe('20 Feb');
    expect(formatRelativeTime(at(2024, 12, 20), now)).toBe('20 Dec 2024');
  });
});

function session(partial: Partial<SessionState>): SessionState {
  return {
    project: null,
    save: 'saved',
    storage: { available: true, persisted: null },
    projects: [],
    versions: [],
    deleted: [],
    ...partial,
  };
}

describe('saveStatusView', () => {
  it('has words and a tone for every status', () => {
    expect(
      saveStatusView(session({ save: 'saved', lastSaved: at(2025, 1, 1, 12, 3) })),
    ).toMatchObject({ text: 'Saved 12:03', tone: 'ok' });
    expect(saveStatusView(session({ save: 'pending' })).text).toBe('Unsaved changes');
    expect(saveStatusView(session({ save: 'saving' })).text).toBe('Saving…');
    expect(saveStatusView(session({ save: 'error', message: 'the quota is full' }))).toMatchObject({
      text: 'Not saved: the quota is full',
      tone: 'error',
    });
    const conflict = saveStatusView(session({ save: 'conflict', message: 'revision 7 elsewhere' }));
    expect(conflict).toMatchObject({ text: 'Changed in another tab', tone: 'warn' });
    expect(conflict.title).toBe('revision 7 elsewhere');
    const off = saveStatusView(
      session({
        save: 'off',
        storage: { available: false, reason: 'IDB blocked', persisted: null },
      }),
    );
    expect(off).toMatchObject({ text: 'Nothing will be kept (private window)', tone: 'warn' });
    expect(off.title).toBe('IDB blocked');
  });
});

const version = (id: string, time: number, message = id): VersionMeta => ({
  id,
  projectId: 'p',
  message,
  time,
  auto: false,
  revision: time,
});

describe('version picks', () => {
  it('toggles, keeping at most the two latest picks', () => {
    expect(togglePick([], 'a')).toEqual(['a']);
    expect(togglePick(['a'], 'b')).toEqual(['a', 'b']);
    expect(togglePick(['a', 'b'], 'c')).toEqual(['b', 'c']);
    expect(togglePick(['a', 'b'], 'a')).toEqual(['b']);
  });

  it('compares one pick with the current state, two from the older to the newer', () => {
    const versions = [version('new', 300, 'Added props'), version('old', 100, 'Start')];
    expect(comparison([], versions)).toBeNull();
    expect(comparison(['old'], versions)).toEqual({
      from: 'old',
      to: 'current',
      label: '"Start" → current',
    });
    // Whatever order they were picked in.
    expect(comparison(['new', 'old'], versions)).toEqual({
      from: 'old',
      to: 'new',
      label: '"Start" → "Added props"',
    });
  });

  it('forgets picks of versions that are gone', () => {
    const versions = [version('a', 1)];
    const picks = ['a'];
    expect(livePicks(picks, versions)).toBe(picks);
    expect(livePicks(['a', 'x'], versions)).toEqual(['a']);
    expect(comparison(['x'], versions)).toBeNull();
  });
});

describe('storage figures', () => {
  it('shows usage against the quota', () => {
    expect(usageShare(50, 200)).toBe(0.25);
    expect(usageShare(undefined, 200)).toBe(0);
    expect(usageShare(10, 0)).toBe(0);
    expect(usageShare(300, 200)).toBe(1);
    expect(usageText(512 * 1024, 1024 ** 3)).toBe('512.0 KiB of 1.00 GiB (0.05%)');
    expect(usageText(512 * 1024 ** 2, 1024 ** 3)).toBe('512.0 MiB of 1.00 GiB (50%)');
  });

  it('shows the hit rate, or a dash before any lookup', () => {
    expect(hitRate(0, 0)).toBe('–');
    expect(hitRate(7, 1)).toBe('87.5%');
  });
});
