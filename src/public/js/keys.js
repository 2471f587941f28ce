// The review page's keyboard shortcuts, in one table: each key is registered here with what it
// does, so the help dialog (?) lists exactly the keys that work and two features cannot claim
// the same key unnoticed. Pure apart from the help dialog, which only reads the table.

/** @typedef {{ keys: string[], label: string, group: string, scope?: 'page' | 'editor', run: (event: KeyboardEvent) => unknown }} Binding */

/** @type {Binding[]} */
const bindings = [];

/**
 * Adds shortcuts. `keys` are combinations as comboOf() names them ('j', 'shift+n', 'ctrl+enter',
 * 'alt+arrowdown', '?'); `scope` 'page' (the default) acts outside text fields, 'editor' inside the
 * sentence editor. `run` may return false to let the key through.
 */
export function register(binding) {
  const scope = binding.scope || 'page';
  for (const key of binding.keys) {
    const taken = bindings.find((other) => (other.scope || 'page') === scope && other.keys.includes(key));
    if (taken) throw new Error(`The key ${key} is already "${taken.label}"`);
  }
  bindings.push({ ...binding, scope });
}

/**
 * The combination a key event stands for: ctrl (or ⌘), alt, shift, then the key, lower case. Letters
 * ignore Caps Lock (Shift is what counts); characters typed with Shift ('?', '!') are named by the
 * character alone, so '?' works on every keyboard layout.
 */
export function comboOf(event) {
  let key = event.key;
  if (!key) return '';
  // Alt changes the character on some layouts (Alt+A is "å" on a Mac): name the key by its place then.
  if (event.altKey && /^Key[A-Z]$/.test(event.code || '')) key = event.code.slice(3);
  const single = key.length === 1;
  const letter = single && key.toLowerCase() !== key.toUpperCase();
  const parts = [];
  if (event.ctrlKey || event.metaKey) parts.push('ctrl');
  if (event.altKey) parts.push('alt');
  if (event.shiftKey && (letter || !single)) parts.push('shift');
  parts.push(key.toLowerCase());
  return parts.join('+');
}

/** Runs the binding of this event in this scope; true when one took it (the caller prevents the default). */
export function dispatch(event, scope) {
  const combo = comboOf(event);
  const binding = bindings.find((candidate) => candidate.scope === scope && candidate.keys.includes(combo));
  if (!binding) return false;
  return binding.run(event) !== false;
}

/** How a combination is printed: 'ctrl+enter' → 'Ctrl+Enter', 'shift+n' → 'Shift+N'. */
export function keyLabel(combo) {
  const names = { arrowdown: '↓', arrowup: '↑', arrowleft: '←', arrowright: '→', escape: 'Esc', ctrl: 'Ctrl' };
  return combo
    .split('+')
    .map((part) => names[part] || (part.length === 1 ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('+');
}

/** The table, grouped, in the order registered: [{ group, entries: [{ keys, label }] }]. */
export function shortcutTable() {
  const groups = [];
  for (const binding of bindings) {
    let group = groups.find((candidate) => candidate.group === binding.group);
    if (!group) groups.push((group = { group: binding.group, entries: [] }));
    group.entries.push({ keys: binding.keys.map(keyLabel), label: binding.label });
  }
  return groups;
}

/** Fills the help dialog from the table (text only, no markup from strings). */
export function renderHelp(container) {
  container.replaceChildren();
  for (const { group, entries } of shortcutTable()) {
    const heading = document.createElement('h3');
    heading.textContent = group;
    const list = document.createElement('dl');
    for (const entry of entries) {
      const term = document.createElement('dt');
      entry.keys.forEach((key, index) => {
        if (index > 0) term.append(' or ');
        const kbd = document.createElement('kbd');
        kbd.textContent = key;
        term.append(kbd);
      });
      const description = document.createElement('dd');
      description.textContent = entry.label;
      list.append(term, description);
    }
    container.append(heading, list);
  }
}
