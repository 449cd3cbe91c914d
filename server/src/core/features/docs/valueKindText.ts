/**
 * Plain-words description of what a setting accepts, from the knowledge
 * base's value kind: "boolean", "space-separated list of capability names".
 */
import { enumValues, type AssignmentSemantics, type DirectiveRow, type EnumValue, type ValueForm, type ValueType } from '../../kb';
import { code, sinceText } from './markdown';

const NOUNS: Partial<Record<ValueType, string>> = {
  boolean: 'boolean (`yes`/`no`)',
  integer: 'integer',
  timespan: 'time span such as `30s` or `5min 20s`',
  calendar: 'calendar event such as `daily` or `Mon *-*-* 04:00`',
  bytes: 'size in bytes, with an optional K, M, G, T, P or E suffix (base 1024)',
  percent: 'percentage such as `40%`',
  'octal-mode': 'octal file mode such as `0755`',
  hex: 'hexadecimal string',
  base64: 'Base64 data',
  string: 'string',
  path: 'absolute path',
  uri: 'URI',
  command: 'command line',
  unit: 'unit name',
  'unit-name': 'unit name',
  signal: 'signal name such as `SIGTERM`, or its number',
  errno: 'error name such as `EPERM`, or its number',
  user: 'user name or UID',
  group: 'group name or GID',
  capability: 'capability name such as `CAP_NET_BIND_SERVICE`',
  syscall: 'system call name or `@group`, optionally followed by `:errno`',
  'address-family': 'address family such as `AF_UNIX`',
  namespace: 'namespace type such as `net`',
  architecture: 'architecture name',
  personality: 'personality (architecture) name',
  securebits: 'securebits flag',
  'syslog-facility': 'syslog facility',
  rlimit: 'resource limit: a value, or `soft:hard`',
  'cpu-set': 'CPU indexes and ranges such as `0-3 8`',
  'numa-node-set': 'NUMA node indexes and ranges',
  'exit-status': 'exit code or signal name',
  'listen-address': 'listening address: a port, `address:port`, a socket path or similar',
  'netlink-family': 'netlink family name',
  condition: 'condition argument',
  'device-access': 'device node or class with access flags `rwm`',
  'device-bytes': 'device path and size',
  'device-weight': 'device path and weight',
  'device-timespan': 'device path and time span',
  'image-policy': 'image policy',
  image: 'disk image path',
  'image-mount': 'disk image path and mount point',
  'bind-path': 'bind mount `source[:destination[:options]]`',
  'partition-mount-options': 'partition mount options',
  credential: 'credential name',
  'credential-glob': 'credential name or glob',
  'env-assignment': 'environment assignment `NAME=value`',
  'env-name': 'environment variable name',
  'field-assignment': 'journal field assignment `FIELD=value`',
  filesystem: 'file system type or `@group`',
  'ip-prefix': 'IP address prefix or `any`, `localhost`, `link-local`, `multicast`',
  'network-interface': 'network interface name',
  'nft-set': 'nftables set reference',
  'socket-bind-rule': 'socket bind rule such as `ipv4:tcp:80`',
  'cgroup-controller': 'cgroup controller name',
  'bpf-program': 'BPF program `type:path`',
  regex: 'regular expression',
  'coredump-filter': 'core dump filter flag',
  xattr: 'extended attribute',
  'open-file': 'file to open `path[:name[:options]]`',
  'dbus-name': 'D-Bus bus name',
  ignored: 'anything (the setting is ignored)',
};

function formText(form: ValueForm, row: DirectiveRow): string {
  let noun: string;
  if (form.type === 'keyword') noun = code(form.word ?? '');
  else if (form.type === 'flag') noun = (form.words ?? []).map(code).join(', ');
  else if (form.type === 'enum') noun = enumText(row.name) ?? 'one of a fixed set of words';
  else if (form.type === 'integer') {
    noun = 'integer';
    if (form.min !== undefined && form.max !== undefined) noun = `integer from ${form.min} to ${form.max}`;
    else if (form.min === 0) noun = 'non-negative integer';
  } else if (form.type === 'path') {
    noun = form.relative ? 'relative path' : form.glob ? 'path glob' : 'absolute path';
    if (form.qualifier === 'colon-separated') noun += ' (colon-separated)';
  } else if (form.type === 'unit' && form.qualifier) noun = `.${form.qualifier} unit name`;
  else if (form.type === 'timespan' && form.resolution === 'nsec') noun = 'time span such as `500ns` or `30s`';
  else noun = NOUNS[form.type] ?? form.type;
  if (form.requiredSuffix) noun += ` followed by \`${form.requiredSuffix}\``;
  else if (form.optionalSuffix) noun += `, optionally followed by \`${form.optionalSuffix.trim()}\``;
  return form.list ? `space-separated list: ${noun}` : noun;
}

function enumValueText(value: EnumValue): string {
  let text = code(value.form === 'prefixed' ? `${value.value}${value.placeholder ?? ''}` : value.form === 'call' ? `${value.value}(${value.placeholder ?? ''})` : value.value);
  const since = sinceText(value.since);
  if (since) text += ` (${since})`;
  if (value.canonical) text += ` (old spelling of ${code(value.canonical)})`;
  return text;
}

/** Long value tables (architectures, BPF commands) are cut after this many words in a hover. */
const MAX_ENUM_WORDS = 24;

/** The accepted words of an enumerated setting: `no`, `connected`, `disconnected` (systemd 257+). */
export function enumText(directive: string): string | undefined {
  const info = enumValues(directive);
  if (!info) return undefined;
  const words = info.values.slice(0, MAX_ENUM_WORDS).map(enumValueText);
  if (info.values.length > MAX_ENUM_WORDS) words.push(`and ${info.values.length - MAX_ENUM_WORDS} more`);
  if (info.booleanTrue === 'yes') words.push('or another boolean spelling (`true`, `on`, `1`, …)');
  else if (info.booleanTrue) words.push(`or a boolean (\`yes\` means ${code(info.booleanTrue)})`);
  else if (info.acceptsBoolean) words.push('or a boolean');
  let text = words.join(', ');
  if (info.list) text = `space-separated list of ${text}`;
  if (info.tilde === 'invert') text += '; a leading `~` inverts the list';
  if (info.tilde === 'remove') text += '; a leading `~` removes the listed items';
  if (info.negatable) text += '; a leading `!` negates';
  return text;
}

/** Everything a setting accepts, its alternatives joined with "or". */
export function valueKindText(row: DirectiveRow): string {
  const forms = row.valueKind.forms;
  // An enumerated setting's table (which may stand for a list kind such as bpf-command)
  // already includes the boolean spellings it takes.
  const table = enumText(row.name);
  if (table) return table;
  const parts = forms.map((f) => formText(f, row));
  if (row.valueKind.forms.some((f) => f.type === 'capability' || f.type === 'address-family' || f.type === 'syscall' || f.type === 'namespace'))
    parts.push('a leading `~` inverts the list (everything except the listed items)');
  return parts.join(', or ');
}

/** What repeated and empty assignments do. */
export function assignmentText(semantics: AssignmentSemantics): string {
  if (semantics.kind === 'ignored') return 'Accepted and ignored.';
  if (semantics.kind === 'single') {
    return semantics.repeat === 'last-wins' ? 'Takes one value: a later assignment overrides an earlier one.' : 'Takes one value: the first assignment counts, later ones are ignored.';
  }
  const how =
    semantics.repeat === 'append'
      ? 'Can be repeated: each assignment adds to the list.'
      : semantics.repeat === 'merge'
        ? 'Can be repeated: assignments are merged into one set.'
        : 'Can be repeated: each assignment adds an entry, and a repeated key replaces its earlier entry.';
  if (!semantics.emptyResets) return how;
  const others = semantics.resetShares ?? [];
  const named = others.slice(0, 3).map((d) => code(`${d}=`)).join(', ');
  const shares = others.length === 0 ? '' : others.length <= 3 ? ` (together with ${named})` : ` (together with ${others.length} other settings such as ${named})`;
  return `${how} An empty assignment clears the list${shares}.`;
}
