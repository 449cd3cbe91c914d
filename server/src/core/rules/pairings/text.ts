/** Wording of hardening-pair diagnostics. */
import type { Pairing, PairingAlternative, PairingContext, PairingSetting, PairingValue } from '../../kb';
import type { Assignment } from '../../model/unitModel';

/** A long value cut at a word boundary (the option that is the evidence stays whole where it can). */
export function shortened(value: string, max = 60): string {
  if (value.length <= max) return value;
  const cut = value.lastIndexOf(' ', max - 3);
  return `${value.slice(0, cut > max / 2 ? cut : max - 3)}...`;
}

export function lineText(a: Assignment): string {
  const value = shortened(a.entry.value);
  return `${a.entry.key}=${value}`;
}

function valueText(value: PairingValue): string {
  switch (value.kind) {
    case 'any':
    case 'any-value':
      return '';
    case 'empty':
      return ' (empty)';
    case 'bare-tilde':
      return '~';
    case 'one-of':
      return value.values.join('|');
    case 'pattern':
      return value.patterns.join('|');
    case 'not':
      return `anything but ${value.values.join('|')}`;
    case 'allow-list':
      return '<allow-list>';
    case 'deny-list':
      return '~<deny-list>';
    case 'command-prefix':
      return `${value.prefix}…`;
  }
}

export function settingText(setting: PairingSetting): string {
  const value = valueText(setting.value);
  const name = setting.family ? `${setting.directive}…` : setting.directive;
  const base = value.startsWith(' ') ? `${name}=${value}` : `${name}=${value}`;
  return setting.without ? `${base} without ${setting.without.map((w) => `${w}=`).join(', ')}` : base;
}

const CONTEXTS: Readonly<Record<PairingContext['kind'], string>> = {
  manager: 'in a per-user service manager',
  'unit-types': 'in this unit type',
  abi: 'on some ABIs',
  'no-cgroup-namespaces': 'without cgroup namespaces',
  'listed-unit-is-device': 'for .device units',
  'ancestor-slices': 'the parent slices',
  'not-template': 'in a unit that is not a template',
  'matching-namespace-setting': 'the matching namespace setting',
  'matching-socket-unit': 'a socket unit of the same name',
};

export function alternativeText(alternative: PairingAlternative): string {
  if (alternative.kind === 'context') {
    const c = alternative.context;
    if (c.kind === 'unit-types') return `in ${c.unitTypes.join(', ')} units`;
    return CONTEXTS[c.kind];
  }
  return alternative.settings.map(settingText).join(' and ');
}

export function alternativesText(pairing: Pairing): string {
  // Alternatives that differ only in the value of one setting read as `Setting=a|b|c`.
  const parts: string[] = [];
  const merged = new Map<string, number>();
  for (const alternative of pairing.objects) {
    const single = alternative.kind === 'settings' && alternative.settings.length === 1 ? alternative.settings[0] : undefined;
    if (single && single.value.kind === 'one-of' && !single.without && !single.position) {
      const at = merged.get(single.directive);
      if (at !== undefined) {
        parts[at] = `${parts[at]}|${single.value.values.join('|')}`;
        continue;
      }
      merged.set(single.directive, parts.length);
    }
    parts.push(alternativeText(alternative));
  }
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} or ${parts[parts.length - 1]}`;
}

export function relationSentence(pairing: Pairing, subject: string, objects: string, reason: string | undefined): string {
  const why = reason ? `: ${reason}` : '';
  switch (pairing.relation) {
    case 'requires-one-of':
      return `${subject} requires ${pairing.objects.length > 1 ? 'one of ' : ''}${objects}${why}.`;
    case 'recommends':
      return `${subject}: systemd recommends ${objects}${why}.`;
    case 'effective-only-with':
      return `${subject} is effective only with ${objects}${why}.`;
    case 'conflicts-with':
      return `${subject} conflicts with ${objects}${why}.`;
    case 'ignored-when':
      return `${subject} is ignored ${/^(in|for|on|when) /.test(objects) ? objects : `when ${objects} is set`}${why}.`;
    case 'implies':
      return `${subject} implies ${objects}${why}.`;
  }
}
