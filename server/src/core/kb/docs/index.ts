/**
 * The documentation written for UnitGuard, joined into lookups. Each file
 * holds the words for one group of settings or values; a test checks that
 * no name is documented twice and that every documented setting has words.
 */
import { docs as execHardening } from './directives/exec-hardening';
import { docs as execServiceSocket } from './directives/exec-service-socket';
import { docs as otherHardening } from './directives/other-hardening';
import { docs as unitAndOthers } from './directives/unit-and-others';
import type { DirectiveDoc, DirectiveDocs } from './types';

export type { DirectiveDoc, DirectiveDocs, ValueDocs } from './types';

/** The directive doc files, by name, so a test can check they do not overlap. */
export const directiveDocSources: Readonly<Record<string, DirectiveDocs>> = {
  'exec-hardening': execHardening,
  'other-hardening': otherHardening,
  'exec-service-socket': execServiceSocket,
  'unit-and-others': unitAndOthers,
};

const directiveDocs = new Map<string, DirectiveDoc>();
for (const source of Object.values(directiveDocSources)) {
  for (const [name, doc] of Object.entries(source)) directiveDocs.set(name, doc);
}

/** Our words on a setting, or undefined when it has none (legacy names). */
export function directiveDoc(name: string): DirectiveDoc | undefined {
  return directiveDocs.get(name);
}
