// Keyboard shortcuts as text ('Ctrl+Shift+Z', 'Shift+D', 'Numpad7', '?'): matching a keydown event
// and showing them. Ctrl also matches the Mac's Cmd. Letters match by key, ignoring case, so the
// layout's letter is used; numpad keys and digits match by code.

export interface KeyEventLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

interface ParsedKey {
  ctrl: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

export function parseKey(spec: string): ParsedKey {
  const parts = spec.split('+');
  // 'Ctrl++' would be ambiguous; the studio binds no '+' key.
  const key = parts.pop()!;
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  for (const m of mods) {
    if (m !== 'ctrl' && m !== 'shift' && m !== 'alt')
      throw new Error(`unknown modifier ${m} in ${spec}`);
  }
  return { ctrl: mods.has('ctrl'), shift: mods.has('shift'), alt: mods.has('alt'), key };
}

/** Keys whose character already implies Shift on most layouts: '?' is Shift+/. */
const SHIFTED = new Set([
  '?',
  '!',
  '@',
  '#',
  '$',
  '%',
  '^',
  '&',
  '*',
  '(',
  ')',
  '_',
  '+',
  '{',
  '}',
  '|',
  ':',
  '"',
  '<',
  '>',
  '~',
]);

export function matchesKey(event: KeyEventLike, spec: string): boolean {
  const k = parseKey(spec);
  const ctrl = event.ctrlKey || event.metaKey;
  if (ctrl !== k.ctrl || event.altKey !== k.alt) return false;
  if (!SHIFTED.has(k.key) && event.shiftKey !== k.shift) return false;
  if (/^Numpad/.test(k.key)) return event.code === k.key;
  // Numpad keys only mean their numpad bindings (views): with NumLock off the numpad sends Home,
  // End and arrows, which must not frame all or move.
  if (event.code.startsWith('Numpad')) return false;
  if (/^\d$/.test(k.key)) return event.code === `Digit${k.key}`;
  if (k.key.length === 1) return event.key.toLowerCase() === k.key.toLowerCase();
  return event.key === k.key;
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform ?? '');

/** 'Ctrl+Shift+Z' → '⌘⇧Z' on a Mac, unchanged elsewhere. */
export function displayKey(spec: string, mac = IS_MAC): string {
  if (!mac) return spec;
  return spec.replace('Ctrl+', '⌘').replace('Shift+', '⇧').replace('Alt+', '⌥');
}

/** Whether a key event is typing into a field (shortcuts must leave it alone). */
export function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable) return true;
  if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT') return true;
  if (el.tagName !== 'INPUT') return false;
  const type = (el as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'range', 'color', 'file'].includes(type);
}
