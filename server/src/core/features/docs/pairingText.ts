/**
 * One-line wording of a knowledge-base pairing, for hover docs:
 * "`DynamicUser=yes` implies `RemoveIPC=yes`".
 */
import type { Pairing, PairingAlternative, PairingContext, PairingRelation, PairingScope, PairingSetting, PairingValue } from '../../kb';
import { code } from './markdown';

const RELATION: Record<PairingRelation, string> = {
  implies: 'implies',
  'ignored-when': 'is ignored with',
  recommends: 'works best with',
  'effective-only-with': 'only takes effect with',
  'requires-one-of': 'needs',
  'conflicts-with': 'conflicts with',
};

/** The setting with the values the pairing is about, as a user would write it. */
export function settingText(setting: PairingSetting): string {
  const name = setting.family ? `${setting.directive}…` : setting.directive;
  const assigned = (values: readonly string[]) => values.map((v) => code(`${name}=${v}`)).join(' or ');
  const value: PairingValue = setting.value;
  let text: string;
  switch (value.kind) {
    case 'any':
    case 'any-value':
      text = code(`${name}=`);
      break;
    case 'empty':
      text = `an empty ${code(`${name}=`)}`;
      break;
    case 'bare-tilde':
      text = code(`${name}=~`);
      break;
    case 'one-of':
      text = assigned(value.values);
      break;
    case 'pattern':
      text = assigned(value.patterns);
      break;
    case 'not':
      text = `${code(`${name}=`)} other than ${value.values.map(code).join(', ')}`;
      break;
    case 'allow-list':
      text = `an allow-list in ${code(`${name}=`)}`;
      break;
    case 'deny-list':
      text = `a deny-list (${code(`${name}=~…`)})`;
      break;
    case 'command-prefix':
      text = `${code(`${name}=`)} with the ${code(value.prefix)} prefix`;
      break;
  }
  if (setting.where === 'activating-socket') text += ' in the activating socket';
  else if (setting.where === 'other-unit') text += ' in another unit';
  if (setting.unitType) text += ` (in .${setting.unitType} units)`;
  if (setting.without && setting.without.length > 0) text += ` without ${setting.without.map((d) => code(`${d}=`)).join(' or ')}`;
  return text;
}

function contextText(context: PairingContext): string {
  switch (context.kind) {
    case 'manager':
      return 'a user service manager';
    case 'unit-types':
      return `a unit of type ${context.unitTypes.map((t) => `.${t}`).join(', ')}`;
    case 'abi':
      return `the ${context.abis.join(', ')} ABIs`;
    case 'no-cgroup-namespaces':
      return 'a kernel without cgroup namespaces';
    case 'listed-unit-is-device':
      return 'a listed unit that is a device';
    case 'ancestor-slices':
      return 'the same setting on every parent slice';
    case 'not-template':
      return 'a unit that is not a template';
    case 'matching-namespace-setting':
      return 'the matching namespace setting';
    case 'matching-socket-unit':
      return 'a matching socket unit';
  }
}

function alternativeText(alternative: PairingAlternative): string {
  if (alternative.kind === 'context') return contextText(alternative.context);
  return alternative.settings.map(settingText).join(' and ');
}

function scopeText(scope: PairingScope): string | undefined {
  const parts: string[] = [];
  if (scope.manager) parts.push(`${scope.manager} manager`);
  if (scope.defaultDependencies) parts.push(`with ${code(`DefaultDependencies=${scope.defaultDependencies}`)}`);
  if (scope.runsAs) parts.push(scope.runsAs === 'root' ? 'when running as root' : 'when not running as root');
  if (scope.commandPrefix) parts.push(`for ${code(scope.commandPrefix)} command lines`);
  if (scope.needsUnprivilegedUserNamespaces) parts.push('needs unprivileged user namespaces');
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** "`A=yes` implies `B=yes` (user manager)". */
export function pairingText(pairing: Pairing): string {
  const objects = pairing.objects.map(alternativeText);
  const shown = objects.length > 4 ? [...objects.slice(0, 4), `${objects.length - 4} more`] : objects;
  const scope = scopeText(pairing.scope);
  return `${settingText(pairing.subject)} ${RELATION[pairing.relation]} ${shown.join(' or ')}${scope ? ` (${scope})` : ''}`;
}
