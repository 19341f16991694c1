// Shortcut matching and the action table: every key is bound once per context, every action with a
// key is in a menu, and numpad keys mean views whatever NumLock says.
import { describe, expect, it } from 'vitest';
import {
  displayKey,
  isTyping,
  matchesKey,
  parseKey,
  type KeyEventLike,
} from '../../src/ui/actions/keys';
import { MENUS, STUDIO_ACTIONS } from '../../src/ui/actions/studio-actions';

function key(k: string, code: string, mods: Partial<KeyEventLike> = {}): KeyEventLike {
  return { key: k, code, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods };
}

describe('matchesKey', () => {
  it('matches letters by key ignoring case, with exact modifiers', () => {
    expect(matchesKey(key('z', 'KeyZ', { ctrlKey: true }), 'Ctrl+Z')).toBe(true);
    expect(matchesKey(key('Z', 'KeyZ', { ctrlKey: true, shiftKey: true }), 'Ctrl+Z')).toBe(false);
    expect(matchesKey(key('Z', 'KeyZ', { ctrlKey: true, shiftKey: true }), 'Ctrl+Shift+Z')).toBe(
      true,
    );
    expect(matchesKey(key('z', 'KeyZ', { metaKey: true }), 'Ctrl+Z')).toBe(true);
    expect(matchesKey(key('g', 'KeyG'), 'G')).toBe(true);
    expect(matchesKey(key('g', 'KeyG', { altKey: true }), 'G')).toBe(false);
  });

  it('numpad keys mean numpad bindings, with NumLock on or off', () => {
    expect(matchesKey(key('7', 'Numpad7'), 'Numpad7')).toBe(true);
    expect(matchesKey(key('Home', 'Numpad7'), 'Numpad7')).toBe(true);
    expect(matchesKey(key('Home', 'Numpad7'), 'Home')).toBe(false);
    expect(matchesKey(key('Home', 'Home'), 'Home')).toBe(true);
    expect(matchesKey(key('7', 'Digit7'), '7')).toBe(true);
    expect(matchesKey(key('7', 'Numpad7'), '7')).toBe(false);
  });

  it('? needs no explicit Shift', () => {
    expect(matchesKey(key('?', 'Slash', { shiftKey: true }), '?')).toBe(true);
  });

  it('parses and shows keys', () => {
    expect(parseKey('Ctrl+Shift+Z')).toEqual({ ctrl: true, shift: true, alt: false, key: 'Z' });
    expect(() => parseKey('Hyper+Z')).toThrow(/unknown modifier/);
    expect(displayKey('Ctrl+Shift+Z', true)).toBe('⌘⇧Z');
    expect(displayKey('Ctrl+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(isTyping(null)).toBe(false);
  });
});

describe('the action table', () => {
  it('every action is in a known menu and no key is bound twice', () => {
    const seen = new Map<string, string>();
    for (const a of STUDIO_ACTIONS) {
      expect(MENUS).toContain(a.menu);
      for (const k of a.keys ?? []) {
        parseKey(k);
        expect(seen.get(k), `${k} bound to ${seen.get(k)} and ${a.id}`).toBeUndefined();
        seen.set(k, a.id);
      }
    }
  });

  it("has the issue's essentials with their expected keys", () => {
    const keysOf = (id: string) => STUDIO_ACTIONS.find((a) => a.id === id)?.keys;
    expect(keysOf('edit.undo')).toEqual(['Ctrl+Z']);
    expect(keysOf('edit.redo')).toEqual(['Ctrl+Shift+Z', 'Ctrl+Y']);
    expect(keysOf('edit.duplicate')).toEqual(['Shift+D']);
    expect(keysOf('view.frame-selected')?.[0]).toBe('F');
    expect(keysOf('object.move')).toEqual(['G']);
    expect(keysOf('help.shortcuts')).toEqual(['?']);
  });
});
