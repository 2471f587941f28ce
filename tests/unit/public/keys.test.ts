import { describe, expect, it } from 'vitest';
import { comboOf, dispatch, keyLabel, register, shortcutTable } from '../../../src/public/js/keys.js';

/** The parts of a KeyboardEvent that comboOf reads. */
const key = (event: Partial<KeyboardEvent>) =>
  ({ ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, code: '', ...event }) as KeyboardEvent;

describe('Keyboard shortcuts (browser)', () => {
  it('when a letter comes with Caps Lock on or off, then it names the same key; Shift makes another', () => {
    expect(comboOf(key({ key: 'n' }))).toBe('n');
    expect(comboOf(key({ key: 'N' }))).toBe('n');
    expect(comboOf(key({ key: 'N', shiftKey: true }))).toBe('shift+n');
    expect(comboOf(key({ key: 'n', shiftKey: true }))).toBe('shift+n');
  });

  it('when a character needs Shift on the layout, then it is named by the character alone; named keys keep their modifiers', () => {
    expect(comboOf(key({ key: '?', shiftKey: true }))).toBe('?');
    expect(comboOf(key({ key: '/' }))).toBe('/');
    expect(comboOf(key({ key: 'Enter', ctrlKey: true }))).toBe('ctrl+enter');
    expect(comboOf(key({ key: 'Enter', metaKey: true }))).toBe('ctrl+enter');
    expect(comboOf(key({ key: 'ArrowDown', altKey: true }))).toBe('alt+arrowdown');
    expect(comboOf(key({ key: 'ArrowDown', altKey: true, shiftKey: true }))).toBe('alt+shift+arrowdown');
  });

  it('when Alt changes the character (Alt+A is "å" on a Mac), then the key is named by its place', () => {
    expect(comboOf(key({ key: 'å', code: 'KeyA', altKey: true }))).toBe('alt+a');
  });

  it('when keys are registered, then dispatch runs the one of the scope, the table lists them by group, and a key cannot be taken twice', () => {
    const ran: string[] = [];
    register({ keys: ['x', 'alt+arrowleft'], label: 'Test x', group: 'Test', run: () => ran.push('page x') });
    register({ keys: ['x'], label: 'Test x in the editor', group: 'Test', scope: 'editor', run: () => ran.push('editor x') });
    register({ keys: ['y'], label: 'Test y, passes the key on', group: 'Test', run: () => false });

    expect(dispatch(key({ key: 'X' }), 'page')).toBe(true);
    expect(dispatch(key({ key: 'x' }), 'editor')).toBe(true);
    expect(dispatch(key({ key: 'y' }), 'page')).toBe(false);
    expect(dispatch(key({ key: 'z' }), 'page')).toBe(false);
    expect(ran).toEqual(['page x', 'editor x']);
    expect(() => register({ keys: ['x'], label: 'Another x', group: 'Test', run: () => undefined })).toThrow(
      'The key x is already "Test x"',
    );
    expect(shortcutTable().find((group) => group.group === 'Test')!.entries[0]).toEqual({ keys: ['X', 'Alt+←'], label: 'Test x' });
  });

  it('when a combination is printed, then it reads as on the keyboard', () => {
    expect(['ctrl+enter', 'shift+n', 'escape', '?', 'alt+arrowup'].map(keyLabel)).toEqual(['Ctrl+Enter', 'Shift+N', 'Esc', '?', 'Alt+↑']);
  });
});
