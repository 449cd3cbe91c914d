/** Hover docs for one word of a value, chosen by the setting's value kind. */
import { enumValues, type DirectiveRow } from '../../kb';
import { enumValueDoc } from '../../kb/docs';
import { blocks, code } from '../docs/markdown';
import {
  addressFamilyMarkdown,
  capabilityMarkdown,
  enumValueMarkdown,
  errnoMarkdown,
  namespaceMarkdown,
  signalMarkdown,
  specialUnitMarkdown,
  syscallGroupMarkdown,
  syscallMarkdown,
} from '../docs/valueMarkdown';

export interface WordHover {
  contents: string;
  /** The part of the word the docs are about, as offsets into the word. */
  from: number;
  to: number;
}

/**
 * `word` is the blank-separated word under the cursor, `at` the cursor's
 * offset in it, `first` whether it starts the value (where `~` inverts).
 */
export function valueWordMarkdown(row: DirectiveRow, word: string, at: number, first: boolean, systemdVersion: number): WordHover | undefined {
  const types = new Set(row.valueKind.forms.map((f) => f.type));
  // A leading `~` (inverted list) or `!` (negated condition) is not part of the name.
  let from = 0;
  if ((word.startsWith('~') && first) || (word.startsWith('!') && types.has('condition'))) from = 1;
  let to = word.length;
  // `@privileged:EPERM`: the action after the colon of a system call filter item.
  const colon = types.has('syscall') ? word.indexOf(':', from) : -1;
  if (colon >= 0) {
    if (at > colon) {
      const action = word.slice(colon + 1);
      const doc = action === 'kill' ? blocks(code('kill'), 'Kill the process with `SIGSYS` when it makes this call.') : errnoMarkdown(action);
      return doc ? { contents: doc, from: colon + 1, to } : undefined;
    }
    to = colon;
  }
  const name = word.slice(from, to);
  if (name === '') return undefined;
  const found = (contents: string | undefined) => (contents ? { contents, from, to } : undefined);

  // What the namespace is, then what listing it does in this setting.
  const namespace = types.has('namespace') ? namespaceMarkdown(name, 'hover') : undefined;
  if (namespace) return found(blocks(namespace, enumValueDoc(row.name, name)));
  if (enumValues(row.name)) {
    const doc = enumValueMarkdown(row.name, name, 'hover', systemdVersion);
    if (doc) return found(doc);
  }
  if (types.has('syscall')) return found(name.startsWith('@') ? syscallGroupMarkdown(name, 'hover') : syscallMarkdown(name));
  if (types.has('capability')) return found(capabilityMarkdown(name, 'hover'));
  if (types.has('address-family')) return found(addressFamilyMarkdown(name, 'hover'));
  if (types.has('signal') || types.has('exit-status')) return found(signalMarkdown(name));
  if (types.has('errno')) return found(errnoMarkdown(name));
  if (types.has('unit') || types.has('unit-name')) return found(specialUnitMarkdown(name, 'hover'));
  return undefined;
}
