#!/usr/bin/env node
// Builds the knowledge-base data modules (server/src/core/kb/generated/*.ts) from the systemd
// reference tables. Run by hand when the reference changes; the output is committed.
//
//   node scripts/generate-kb.mjs <reference-dir>            write the generated modules
//   node scripts/generate-kb.mjs <reference-dir> --check    fail if they are out of date
//   node scripts/generate-kb.mjs <reference-dir> --facts    also rewrite test/kb/facts/*.tsv
//
// Every input shape is checked: an unknown value kind, deprecation wording, notation or note makes
// the script stop with the offending text, so nothing new slips through unclassified.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const refDir = args.find((a) => !a.startsWith('--'));
const checkOnly = args.includes('--check');
const writeFacts = args.includes('--facts');
if (!refDir) {
  console.error('usage: node scripts/generate-kb.mjs <reference-dir> [--check] [--facts]');
  process.exit(2);
}
const outDir = join(repoRoot, 'server/src/core/kb/generated');
const factsDir = join(repoRoot, 'test/kb/facts');

// ---------------------------------------------------------------------------
// helpers

function fail(message) {
  throw new Error(message);
}

function readText(name) {
  return readFileSync(join(refDir, name), 'utf8');
}

/** Tab-separated table with a header line; no quoting in these files. */
function readTsv(name) {
  const lines = readText(name).split('\n').filter((l) => l !== '');
  const header = lines[0].split('\t');
  return lines.slice(1).map((line, i) => {
    const cells = line.split('\t');
    if (cells.length !== header.length) fail(`${name}:${i + 2}: ${cells.length} cells, expected ${header.length}`);
    return Object.fromEntries(header.map((h, j) => [h, cells[j]]));
  });
}

function expect(cond, message) {
  if (!cond) fail(message);
}

const UNIT_TYPES = ['service', 'socket', 'device', 'mount', 'automount', 'swap', 'target', 'path', 'timer', 'slice', 'scope'];
const TYPE_SECTIONS = {
  Service: 'service', Socket: 'socket', Device: 'device', Mount: 'mount', Automount: 'automount', Swap: 'swap',
  Target: 'target', Path: 'path', Timer: 'timer', Slice: 'slice', Scope: 'scope',
};
const MAN_PAGES = [
  'systemd.unit', 'systemd.service', 'systemd.exec', 'systemd.kill', 'systemd.resource-control', 'systemd.socket',
  'systemd.timer', 'systemd.path', 'systemd.mount', 'systemd.automount', 'systemd.swap', 'systemd.slice', 'systemd.scope',
];

const stripEq = (s) => s.replace(/=$/, '');

// ---------------------------------------------------------------------------
// source version

const sourceMd = readText('SOURCE.md');
const systemdVersion = Number((sourceMd.match(/systemd (\d+)\*\*/) ?? fail('SOURCE.md: no version'))[1]);
const sourceCommit = (sourceMd.match(/Commit: \*\*([0-9a-f]{40})\*\*/) ?? fail('SOURCE.md: no commit'))[1];

// ---------------------------------------------------------------------------
// value kinds

const KEYWORDS = new Set(['infinity', 'idle', 'numa', 'off']);
/** Classification token (without `-list`, arguments or suffixes) -> value form. */
const BASES = {
  boolean: { type: 'boolean' },
  timespan: { type: 'timespan' },
  'timespan-nsec': { type: 'timespan', resolution: 'nsec' },
  'calendar-spec': { type: 'calendar' },
  bytes: { type: 'bytes' },
  percent: { type: 'percent' },
  int: { type: 'integer' },
  unsigned: { type: 'integer', min: 0 },
  weight: { type: 'integer' },
  'octal-mode': { type: 'octal-mode' },
  hex: { type: 'hex' },
  base64: { type: 'base64' },
  string: { type: 'string' },
  path: { type: 'path' },
  'path-glob': { type: 'path', glob: true },
  'relative-path': { type: 'path', relative: true },
  uri: { type: 'uri' },
  command: { type: 'command' },
  unit: { type: 'unit' },
  'unit-name': { type: 'unit-name' },
  signal: { type: 'signal' },
  errno: { type: 'errno' },
  user: { type: 'user' },
  group: { type: 'group' },
  capability: { type: 'capability' },
  syscall: { type: 'syscall' },
  'address-family': { type: 'address-family' },
  namespace: { type: 'namespace' },
  architecture: { type: 'architecture' },
  personality: { type: 'personality' },
  securebits: { type: 'securebits' },
  'syslog-facility': { type: 'syslog-facility' },
  rlimit: { type: 'rlimit' },
  'cpu-set': { type: 'cpu-set' },
  'numa-node-set': { type: 'numa-node-set' },
  'exit-status': { type: 'exit-status' },
  'listen-address': { type: 'listen-address' },
  'netlink-family': { type: 'netlink-family' },
  'device-access': { type: 'device-access' },
  'device-bytes': { type: 'device-bytes' },
  'device-weight': { type: 'device-weight' },
  'device-timespan': { type: 'device-timespan' },
  'image-policy': { type: 'image-policy' },
  image: { type: 'image' },
  'image-mount': { type: 'image-mount' },
  'bind-path': { type: 'bind-path' },
  'partition-mount-options': { type: 'partition-mount-options' },
  'credential-id': { type: 'credential' },
  'credential-glob': { type: 'credential-glob' },
  'env-assignment': { type: 'env-assignment' },
  'env-name': { type: 'env-name' },
  'field-assignment': { type: 'field-assignment' },
  filesystem: { type: 'filesystem' },
  'ip-prefix': { type: 'ip-prefix' },
  'network-interface': { type: 'network-interface' },
  'nft-set': { type: 'nft-set' },
  'socket-bind-rule': { type: 'socket-bind-rule' },
  'cgroup-controller': { type: 'cgroup-controller' },
  'bpf-program': { type: 'bpf-program' },
  'bpf-attach-type': { type: 'bpf-attach-type' },
  'bpf-command': { type: 'bpf-command' },
  'bpf-map-type': { type: 'bpf-map-type' },
  'bpf-prog-type': { type: 'bpf-prog-type' },
  regex: { type: 'regex' },
  'coredump-filter': { type: 'coredump-filter' },
  xattr: { type: 'xattr' },
  'open-file-spec': { type: 'open-file' },
  'dbus-name': { type: 'dbus-name' },
  ignored: { type: 'ignored' },
};

function splitTopLevel(text, sep) {
  const parts = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '(' || c === '[') depth++;
    if (c === ')' || c === ']') depth--;
    if (depth === 0 && text.startsWith(sep, i)) {
      parts.push(cur);
      cur = '';
      i += sep.length - 1;
      continue;
    }
    cur += c;
  }
  parts.push(cur);
  return parts;
}

function parseValueToken(token, label) {
  if (KEYWORDS.has(token)) return { type: 'keyword', word: token };
  if (token.startsWith('condition:')) {
    const m = token.slice('condition:'.length).match(/^(path-glob|path|string|boolean)(?:\(([^)]*)\))?$/);
    if (!m) fail(`value kind ${label}: condition operand ${token}`);
    return { type: 'condition', operand: m[1], ...(m[2] ? { qualifier: m[2] } : {}) };
  }
  const m = token.match(/^([a-z0-9-]+?)(?::([a-z]+))?(?:\(([^)]*)\))?(?:\[([^\]]*)\])?$/);
  if (!m) fail(`value kind ${label}: cannot read ${token}`);
  let [, name, required, argsText, optional] = m;
  let list = false;
  if (name.endsWith('-list')) {
    list = true;
    name = name.slice(0, -'-list'.length);
  }
  const base = BASES[name] ?? fail(`value kind ${label}: unknown base "${name}" (add it to BASES and ValueType)`);
  const form = { ...base };
  if (list) form.list = true;
  if (argsText !== undefined) {
    const range = argsText.match(/^(-?\d+)(?:\.\.|-)(-?\d+)$/);
    if (range) {
      form.min = Number(range[1]);
      form.max = Number(range[2]);
    } else form.qualifier = argsText;
  }
  if (required) form.requiredSuffix = ':' + required;
  if (optional) form.optionalSuffix = optional;
  return form;
}

function parseValueKind(label) {
  if (label.startsWith('enum:')) return { label, forms: [{ type: 'enum' }] };
  let text = label;
  const forms = [];
  const flagAt = text.indexOf('flag-list:');
  if (flagAt >= 0) {
    forms.push({ type: 'flag', list: true, words: text.slice(flagAt + 'flag-list:'.length).split('|') });
    text = text.slice(0, flagAt).replace(/\|$/, '');
  }
  const head = text === '' ? [] : splitTopLevel(text, '|').map((t) => parseValueToken(t, label));
  return { label, forms: [...head, ...forms] };
}

// ---------------------------------------------------------------------------
// deprecation

function parseDeprecation(text) {
  if (text === 'no') return undefined;
  const m = text.match(/^yes: (.*)$/);
  if (!m) fail(`deprecated: cannot read "${text}"`);
  const rest = m[1];
  const dep = {};
  const CGROUP_V1_REMOVED_IN = 258;
  if (rest.startsWith('removed, ignored with a notice')) dep.kind = 'removed';
  else if (rest.startsWith('old name, kept for compatibility')) dep.kind = 'renamed';
  else if (rest.startsWith('obsolete;')) dep.kind = 'obsolete';
  else if (rest.startsWith('legacy alias')) dep.kind = 'alias';
  else if (rest.startsWith('deprecated (NEWS')) dep.kind = 'obsolete';
  else if (rest.startsWith('compatibility only (moved)')) dep.kind = 'moved';
  else fail(`deprecated: unknown kind in "${text}"`);
  const news = rest.match(/NEWS v(\d+)/);
  const history = rest.match(/man History: deprecated in (\d+)/);
  if (history) {
    dep.since = Number(history[1]);
    dep.source = 'man-history';
  } else if (news) {
    dep.since = Number(news[1]);
    dep.source = 'news';
  } else if (rest.includes('(gperf comment)')) dep.source = 'gperf';
  if (rest.includes('cgroup v1 option')) {
    dep.cgroupV1 = true;
    // Deprecated in 252 but still applied until cgroup v1 support went in 258 (NEWS v258; systemd-analyze
    // verify 257 warns "will be removed soon", 262 says "removed and it is ignored").
    dep.removedIn = CGROUP_V1_REMOVED_IN;
  }
  if (rest.includes('always available')) dep.alwaysOn = true;
  const use = rest.match(/use (?:\[(\w+)\] )?([A-Za-z0-9]+)=([^\s;()]*)/);
  if (use) {
    const replacement = { directive: use[2] };
    if (use[1]) replacement.section = use[1];
    if (use[3]) replacement.value = use[3];
    const prefixes = rest.match(/prefixes such as (.+)$/);
    if (prefixes) replacement.commandPrefixes = prefixes[1].split(/ or |, /).map((s) => s.trim());
    dep.replacement = replacement;
  } else if (/\buse\b/.test(rest)) fail(`deprecated: unread replacement in "${text}"`);
  return dep;
}

// ---------------------------------------------------------------------------
// directives

const directiveRows = readTsv('directives.tsv');
expect(directiveRows.length === 1468, `directives.tsv: ${directiveRows.length} rows, expected 1468`);

const allDirectiveNames = new Set(directiveRows.map((r) => r.directive));
const rowsByName = new Map();
for (const r of directiveRows) {
  if (!rowsByName.has(r.directive)) rowsByName.set(r.directive, []);
  rowsByName.get(r.directive).push(r);
}

function unitTypesOfSection(section) {
  if (section === 'Unit' || section === 'Install') return UNIT_TYPES;
  const t = TYPE_SECTIONS[section] ?? fail(`unknown section ${section}`);
  return [t];
}

const valueKinds = [];
const valueKindIndex = new Map();
const deprecations = [];
const deprecationIndex = new Map();
const yesMappings = new Map(); // directive -> value `yes` selects (from directives.tsv notes)

function internValueKind(label) {
  if (!valueKindIndex.has(label)) {
    valueKindIndex.set(label, valueKinds.length);
    valueKinds.push(parseValueKind(label));
  }
  return valueKindIndex.get(label);
}

function internDeprecation(text) {
  const dep = parseDeprecation(text);
  if (!dep) return -1;
  const key = JSON.stringify(dep);
  if (!deprecationIndex.has(key)) {
    deprecationIndex.set(key, deprecations.length);
    deprecations.push(dep);
  }
  return deprecationIndex.get(key);
}

function parseNotes(row) {
  const out = { buildCondition: '', sharedWith: [] };
  if (row.notes === '') return out;
  for (const part of row.notes.split(';')) {
    let m;
    if ((m = part.match(/^build-conditional:(\w+)$/))) out.buildCondition = m[1];
    else if ((m = part.match(/^since_version is shared by one man entry with (.+)$/)))
      out.sharedWith = m[1].split(',').map(stripEq);
    else if (part === 'not documented in man pages') expect(row.man_page === '', `${row.directive}: documented but noted as not`);
    else if ((m = part.match(/^enum also accepts boolean spellings \(yes=([a-z-]+)\)$/))) {
      const prev = yesMappings.get(row.directive);
      expect(!prev || prev === m[1], `${row.directive}: conflicting yes= mappings`);
      yesMappings.set(row.directive, m[1]);
    } else fail(`${row.directive}[${row.section}]: unknown note "${part}"`);
  }
  for (const n of out.sharedWith) expect(allDirectiveNames.has(n), `${row.directive}: shares a man entry with unknown ${n}`);
  return out;
}

// Records: rows that share every fact except the section collapse into one record.
const records = [];
const recordByKey = new Map();
for (const r of directiveRows) {
  const expectedTypes = unitTypesOfSection(r.section).join(',');
  expect(r.unit_types === expectedTypes, `${r.directive}[${r.section}]: unit_types ${r.unit_types} differ from the section rule`);
  expect(r.man_page === '' || MAN_PAGES.includes(r.man_page), `${r.directive}: unknown man page ${r.man_page}`);
  expect(['own', 'exec', 'kill', 'cgroup'].includes(r.context), `${r.directive}: unknown context ${r.context}`);
  expect(r.since_version === '' || /^\d+$/.test(r.since_version), `${r.directive}: since ${r.since_version}`);
  const notes = parseNotes(r);
  const fields = [
    r.directive,
    r.man_page,
    r.since_version === '' ? 0 : Number(r.since_version),
    internDeprecation(r.deprecated),
    internValueKind(r.value_kind),
    r.context,
    r.gperf_parser,
    notes.buildCondition,
    notes.sharedWith.join(','),
  ];
  const key = JSON.stringify(fields);
  let rec = recordByKey.get(key);
  if (!rec) {
    rec = { fields, sections: [] };
    recordByKey.set(key, rec);
    records.push(rec);
  }
  rec.sections.push(r.section);
}

// ---------------------------------------------------------------------------
// enumerated values

const enumRows = readTsv('enum-values.tsv');
expect(enumRows.length === 732, `enum-values.tsv: ${enumRows.length} rows, expected 732`);

function parseEnumValue(text) {
  let m;
  if ((m = text.match(/^([a-z0-9+-]+:)([A-Z]+)$/))) return { value: m[1], form: 'prefixed', placeholder: m[2] };
  if ((m = text.match(/^([a-z0-9-]+)\(([A-Z ]+)\)$/))) return { value: m[1], form: 'call', placeholder: m[2] };
  if (/^[A-Za-z0-9_+.-]+$/.test(text)) return { value: text };
  return fail(`enum value "${text}" has an unknown shape`);
}

// enum-values.tsv lists AssertFirmware= ("same as ConditionFirmware"), but the v262 parser table has
// no such setting, so systemd rejects it as unknown. Its values are left out.
const ENUMS_WITHOUT_SETTING = new Set(['AssertFirmware']);
const skippedEnums = new Set();
const enums = new Map();
for (const r of enumRows) {
  if (ENUMS_WITHOUT_SETTING.has(r.directive)) {
    expect(!allDirectiveNames.has(r.directive), `${r.directive} is a setting now; remove it from ENUMS_WITHOUT_SETTING`);
    skippedEnums.add(r.directive);
    continue;
  }
  expect(allDirectiveNames.has(r.directive), `enum-values: unknown directive ${r.directive}`);
  let info = enums.get(r.directive);
  if (!info) {
    info = { directive: r.directive, sections: r.sections.split(','), values: [], flags: {} };
    enums.set(r.directive, info);
  }
  expect(info.sections.join(',') === r.sections, `${r.directive}: sections differ between rows`);
  const v = parseEnumValue(r.value);
  if (r.since_version !== '') {
    v.since = Number(r.since_version);
    v.sinceSource = 'man';
  }
  expect(r.value_literal_in_man_entry === 'yes' || r.value_literal_in_man_entry === 'no', `${r.directive}=${r.value}: literal flag`);
  if (r.value_literal_in_man_entry === 'no') v.undocumented = true;
  const f = info.flags;
  const note = r.notes;
  let m;
  if (note === '' || note === 'prefixed forms in addition to the plain values' || note === 'value may carry :HOSTNAME (not allowed with no)') {
    // nothing beyond the value itself
  } else if ((m = note.match(/^boolean spellings also accepted; true maps to ([A-Z_]+)$/))) {
    const constant = m[1];
    f.trueConstant = constant;
  } else if (note === 'boolean also accepted; prefix ! negates') {
    f.acceptsBoolean = true;
    f.negatable = true;
  } else if (note === 'prefix ! negates') f.negatable = true;
  else if ((m = note.match(/^list; only meaningful with ([A-Za-z]+)=([a-z]+)$/))) {
    f.list = true;
    f.requires = { directive: m[1], value: m[2] };
  } else if (note === 'some values rejected depending on system/user manager scope') f.managerDependent = true;
  else if (note === 'only the native architecture and its secondary (e.g. x86 on x86-64) are accepted') f.nativeOnly = true;
  else if (note === 'space-separated list; only architectures supported by the build/libseccomp') {
    f.list = true;
    f.buildDependent = true;
  } else if (note === 'space-separated list, optional leading ~ inverts; boolean also accepted') {
    f.list = true;
    f.tilde = 'invert';
    f.acceptsBoolean = true;
  } else if (/^numeric (0-7 |value |class )?also accepted$/.test(note)) f.numeric = true;
  else if (note === 'space-separated list of flags') f.list = true;
  else if (note === 'availability of ext depends on kernel') f.kernelDependent = true;
  else if ((m = note.match(/^([a-z-]+) is deprecated \(warning logged\)$/))) {
    expect(m[1] === r.value, `${r.directive}: deprecation note on another value`);
    v.deprecated = true;
  } else if (note === 'boolean or list of flags; leading ~ removes from the default') {
    f.acceptsBoolean = true;
    f.list = true;
    f.tilde = 'remove';
  } else fail(`${r.directive}=${r.value}: unknown enum note "${note}"`);
  expect(!info.values.some((x) => x.value === v.value && x.form === v.form), `${r.directive}: duplicate value ${r.value}`);
  info.values.push(v);
}

function enumInfoOut(info) {
  const out = { directive: info.directive, sections: info.sections, values: info.values };
  const f = info.flags;
  if (f.trueConstant) {
    const plain = info.values.filter((v) => !v.form).map((v) => v.value);
    const match = plain
      .filter((v) => f.trueConstant.endsWith('_' + v.toUpperCase().replace(/-/g, '_')))
      .sort((a, b) => b.length - a.length)[0];
    expect(match, `${info.directive}: ${f.trueConstant} matches no value`);
    const fromNotes = yesMappings.get(info.directive);
    expect(!fromNotes || fromNotes === match, `${info.directive}: yes=${fromNotes} in directives.tsv, ${match} in enum-values.tsv`);
    out.booleanTrue = match;
    // Tables that accept boolean spellings map false to their first entry, which is always `no`.
    expect(plain[0] === 'no', `${info.directive}: first value ${plain[0]} is not "no"`);
    out.booleanFalse = 'no';
  }
  for (const key of ['acceptsBoolean', 'list', 'tilde', 'negatable', 'numeric', 'managerDependent', 'nativeOnly', 'buildDependent', 'kernelDependent', 'requires'])
    if (f[key] !== undefined) out[key] = f[key];
  if (out.booleanTrue) delete out.acceptsBoolean;
  return out;
}
for (const d of yesMappings.keys()) expect(enums.get(d)?.flags.trueConstant, `${d}: yes= mapping without enum note`);

// Cross-check: the value list in an `enum:` classification is the enum table's plain values.
for (const [name, rows] of rowsByName) {
  for (const r of rows) {
    if (!r.value_kind.startsWith('enum:')) continue;
    const info = enums.get(name) ?? fail(`${name}: enum kind without enum values`);
    const plain = info.values.filter((v) => !v.form).map((v) => v.value).sort();
    const listed = r.value_kind.slice(5).split('|').sort();
    expect(JSON.stringify(plain) === JSON.stringify(listed), `${name}: enum kind ${listed} vs table ${plain}`);
  }
}

// ---------------------------------------------------------------------------
// syscall groups, capabilities, address families, namespaces

const groupRows = readTsv('syscall-groups.tsv');
expect(groupRows.length === 30, `syscall-groups.tsv: ${groupRows.length} groups`);
const groups = new Map(
  groupRows.map((r) => [
    r.group,
    { name: r.group, nested: r.nested_groups.split(' ').filter(Boolean), direct: r.direct_syscalls.split(' ').filter(Boolean) },
  ]),
);
function expand(name, seen = new Set()) {
  if (seen.has(name)) fail(`syscall group cycle at ${name}`);
  seen.add(name);
  const g = groups.get(name) ?? fail(`unknown syscall group ${name}`);
  const all = new Set(g.direct);
  for (const n of g.nested) for (const s of expand(n, new Set(seen))) all.add(s);
  return all;
}
for (const r of groupRows) {
  const g = groups.get(r.group);
  expect(g.direct.length === Number(r.direct_syscall_count), `${r.group}: direct count`);
  const mine = [...expand(r.group)].sort();
  const theirs = r.expanded_syscalls.split(' ').filter(Boolean).sort();
  expect(mine.length === Number(r.expanded_syscall_count), `${r.group}: expanded count ${mine.length}`);
  expect(JSON.stringify(mine) === JSON.stringify(theirs), `${r.group}: expansion differs from the reference`);
}

const capRows = readTsv('capabilities.tsv');
expect(capRows.length === 41, 'capabilities.tsv: 41 rows');
const capabilities = capRows.map((r) => [r.capability, Number(r.number)]);

const afRows = readTsv('address-families.tsv');
expect(afRows.length === 48, 'address-families.tsv: 48 rows');
const afNames = new Set(afRows.map((r) => r.address_family));
const addressFamilies = afRows.map((r) => {
  if (r.alias_of) expect(afNames.has(r.alias_of), `${r.address_family}: alias of unknown ${r.alias_of}`);
  return r.alias_of ? [r.address_family, Number(r.number), r.alias_of] : [r.address_family, Number(r.number)];
});

const nsRows = readTsv('namespaces.tsv');
const namespaces = nsRows.map((r) => [r.namespace, r.clone_flag]);

// ---------------------------------------------------------------------------
// security tests

const secRows = readTsv('security-tests.tsv');
expect(secRows.length === 81, 'security-tests.tsv: 81 rows');
const capNames = capabilities.map(([n]) => n);
const afList = afRows.map((r) => r.address_family);

function expandPattern(pattern, names, what) {
  const re = new RegExp('^' + pattern.replace(/\*/g, '[A-Z0-9_]*') + '$');
  const hits = names.filter((n) => re.test(n));
  expect(hits.length > 0, `security test: ${what} pattern ${pattern} matches nothing`);
  return hits;
}

const NOT_SCORED = {
  'service runs as root': ['runs-as-root'],
  'DefaultDependencies=no': ['default-dependencies-no'],
  'per-user service, or service runs as root': ['user-manager', 'runs-as-root'],
};
const namedFamilies = new Set();
const securityTests = secRows.map((r) => {
  const directives = r.directives.split(',').map(stripEq);
  for (const d of directives) expect(allDirectiveNames.has(d), `security test ${r.id}: unknown ${d}`);
  let target;
  let m;
  if ((m = r.id.match(/^CapabilityBoundingSet=~(CAP_.+)$/)))
    target = { kind: 'capabilities', names: expandPattern(m[1], capNames, 'capability') };
  else if ((m = r.id.match(/^RestrictNamespaces=~([a-z]+)$/))) {
    expect(namespaces.some(([n]) => n === m[1]), `security test ${r.id}: unknown namespace`);
    target = { kind: 'namespace', name: m[1] };
  } else if (r.id === 'RestrictAddressFamilies=~…') target = { kind: 'other-address-families', except: [] };
  else if ((m = r.id.match(/^RestrictAddressFamilies=~(AF_.+)$/))) {
    const names = expandPattern(m[1], afList, 'address family');
    names.forEach((n) => namedFamilies.add(n));
    target = { kind: 'address-families', names };
  } else if ((m = r.id.match(/^SystemCallFilter=~(@[a-z-]+)$/))) {
    expect(groups.has(m[1]), `security test ${r.id}: unknown group`);
    target = { kind: 'syscall-group', group: m[1] };
  } else if (/^([A-Za-z]+=)(\/[A-Za-z]+=)*$/.test(r.id)) target = { kind: 'settings', directives };
  else fail(`security test id "${r.id}" has an unknown shape`);
  const notScored = r.not_scored_when === '' ? [] : (NOT_SCORED[r.not_scored_when] ?? fail(`security test ${r.id}: unknown not_scored_when "${r.not_scored_when}"`));
  const out = {
    order: Number(r.order), id: r.id, jsonField: r.json_field, directives,
    weight: Number(r.weight), range: Number(r.range), target, notScoredWhen: notScored,
  };
  if (r.build_condition) out.buildCondition = r.build_condition;
  return out;
});
for (const t of securityTests) if (t.target.kind === 'other-address-families') t.target.except = [...namedFamilies].sort();
expect(securityTests.reduce((s, t) => s + t.weight, 0) === 56460, 'security tests: weights do not add up to 56460');
securityTests.forEach((t, i) => expect(t.order === i + 1, `security test order ${t.order} at ${i}`));

// ---------------------------------------------------------------------------
// pairings

const pairRows = readTsv('pairings.tsv');
expect(pairRows.length === 341, `pairings.tsv: ${pairRows.length} rows, expected 341`);

/** Parenthesised remarks after a setting, and what they mean. */
const REMARKS = {
  'earlier lines': { position: 'earlier' },
  'empty, later': { position: 'later', value: { kind: 'empty' } },
  'bare tilde, later': { position: 'later', value: { kind: 'bare-tilde' } },
  'first assignment': { position: 'first' },
  'line of the other list type than the first assignment': { position: 'other-list-type' },
  'earlier lines, any condition kind': { position: 'earlier', family: true },
  'empty, later; any condition directive': { position: 'later', value: { kind: 'empty' }, family: true },
  'in the activating .socket unit': { where: 'activating-socket' },
  'on the other unit': { where: 'other-unit' },
  'same unit': {},
  service: { unitType: 'service' },
  'without PIDFile=': { without: ['PIDFile'] },
  'or Type= unset with ExecStart=': { orUnset: true },
  'or /run': { alsoValue: '/run' },
  'read-only /tmp/ and /var/tmp/': {},
  'API file systems /dev, /proc, /sys excluded': { excludes: ['/dev', '/proc', '/sys'] },
};

function parseContext(text) {
  const t = text.slice(1, -1);
  let m;
  if (t === 'per-user service manager') return { kind: 'manager', manager: 'user' };
  if ((m = t.match(/^(.+) unit$/)) && /^[a-z, ]+ or [a-z]+$/.test(m[1])) {
    const types = m[1].split(/, | or /);
    types.forEach((u) => expect(UNIT_TYPES.includes(u), `context ${text}: unknown unit type ${u}`));
    return { kind: 'unit-types', unitTypes: types };
  }
  if ((m = t.match(/^(.+) ABI$/))) {
    const abis = m[1].split(/, | or /);
    const archs = new Set(enums.get('SystemCallArchitectures').values.map((v) => v.value));
    for (const a of abis) expect(archs.has(a.replace(/^32-bit /, '')) || a === '32-bit x86' || a === 'ppc-le', `context ${text}: unknown ABI ${a}`);
    return { kind: 'abi', abis };
  }
  const fixed = {
    'legacy cgroup hierarchy, or kernel without cgroup namespaces': 'no-cgroup-namespaces',
    'listed unit is a .device unit': 'listed-unit-is-device',
    'same protection on every ancestor slice': 'ancestor-slices',
    'unit file is not a template, i.e. no @ before the suffix': 'not-template',
    'the namespace setting matching each delegated type': 'matching-namespace-setting',
    'matching .socket unit': 'matching-socket-unit',
  };
  if (fixed[t]) return { kind: fixed[t] };
  return fail(`pairings: unknown context "${text}"`);
}

function classifyValue(values) {
  if (values.length === 1) {
    const v = values[0];
    if (v === '') return { kind: 'any' };
    if (v === '<any>') return { kind: 'any-value' };
    if (v === '<not no>') return { kind: 'not', values: ['no'] };
    if (v === '<anything but data>') return { kind: 'not', values: ['data'] };
    if (v === '<allow-list>') return { kind: 'allow-list' };
    if (v === '~<deny-list>') return { kind: 'deny-list' };
    if (v === '+…') return { kind: 'command-prefix', prefix: '+' };
  }
  expect(values.every((v) => v !== ''), `pairings: empty value among ${values}`);
  if (values.some((v) => v.includes('<'))) return { kind: 'pattern', patterns: values };
  return { kind: 'one-of', values };
}

/** `Directive=value (remark)` or `Directive=v1|v2` (values of one setting). */
function parseSetting(text, where) {
  let base = text;
  let remark;
  const rm = text.match(/^(.*?) \(([^()]+)\)$/);
  if (rm) {
    base = rm[1];
    remark = REMARKS[rm[2]] ?? fail(`pairings ${where}: unknown remark "(${rm[2]})"`);
  }
  const m = base.match(/^(Condition…|[A-Z][A-Za-z0-9]*)=(.*)$/);
  if (!m) fail(`pairings ${where}: cannot read setting "${text}"`);
  const setting = { directive: m[1] === 'Condition…' ? 'Condition' : m[1] };
  if (m[1] === 'Condition…') setting.family = true;
  const values = m[2] === '' ? [''] : m[2].split('|');
  if (remark?.alsoValue) values.push(remark.alsoValue);
  setting.value = remark?.value ?? classifyValue(values);
  if (remark) {
    for (const key of ['position', 'where', 'unitType', 'orUnset', 'without', 'excludes']) if (remark[key] !== undefined) setting[key] = remark[key];
    if (remark.family) expect(setting.family, `pairings ${where}: family remark on ${text}`);
  }
  return setting;
}

/** Alternatives separated by `|`; in a subject, a bare value continues the previous setting. */
function splitAlternatives(text) {
  const parts = splitTopLevel(text, '|');
  const out = [];
  for (const p of parts) {
    if (p.startsWith('(') || /^(Condition…|[A-Z][A-Za-z0-9]*)=/.test(p) || out.length === 0) out.push(p);
    else out[out.length - 1] += '|' + p;
  }
  return out;
}

function parseSubject(text, id) {
  const alts = splitAlternatives(text);
  const settings = alts.map((a) => parseSetting(a, id));
  const first = settings[0];
  if (settings.length === 1) return first;
  // `DeviceAllow=char-<group>|DeviceAllow=block-<group>`: one setting, several value shapes.
  expect(settings.every((s) => s.directive === first.directive && !s.position), `pairing ${id}: subject alternatives name different settings`);
  const values = alts.map((a) => a.slice(a.indexOf('=') + 1));
  return { ...first, value: classifyValue(values) };
}

function parseObjects(text, id) {
  return splitAlternatives(text).map((alt) => {
    if (alt.startsWith('(')) return { kind: 'context', context: parseContext(alt) };
    return { kind: 'settings', settings: alt.split(' + ').map((s) => parseSetting(s, id)) };
  });
}

function typeSectionDirective(directive) {
  const rows = rowsByName.get(directive) ?? [];
  return rows.some((r) => r.context !== 'own');
}

function parseFixLine(text, id) {
  const m = text.match(/^\[([A-Za-z]+)\] ([A-Za-z0-9]+)=(.*)$/);
  if (!m) fail(`pairing ${id}: cannot read fix line "${text}"`);
  const [, section, directive, value] = m;
  const rows = rowsByName.get(directive) ?? fail(`pairing ${id}: fix names unknown ${directive}`);
  expect(rows.some((r) => r.section === section), `pairing ${id}: ${directive} is not accepted in [${section}]`);
  const line = { section, line: `${directive}=${value}`, directive, value };
  if (section === 'Service' && typeSectionDirective(directive)) line.typeSection = true;
  return line;
}

function parseFix(text, id) {
  if (text === '-') return undefined;
  let m;
  if (text === 'drop the + prefix from the command line') return { kind: 'drop-command-prefix', prefix: '+' };
  if ((m = text.match(/^remove ([A-Za-z0-9]+)=; use ([A-Za-z0-9]+)= or similar$/))) return { kind: 'remove-directive', directive: m[1], suggest: m[2] };
  if ((m = text.match(/^remove ([A-Za-z0-9]+)=$/))) return { kind: 'remove-directive', directive: m[1] };
  if ((m = text.match(/^remove ([A-Za-z0-9]+)=([a-z]+)$/))) return { kind: 'remove-directive', directive: m[1], value: m[2] };
  if (text === 'remove the .device unit from Before=') return { kind: 'remove-value', directive: 'Before', value: '<unit>.device' };
  if ((m = text.match(/^remove ([A-Za-z0-9_@.-]+) from ([A-Za-z0-9]+)=$/))) return { kind: 'remove-value', directive: m[2], value: m[1] };
  if ((m = text.match(/^append ([A-Za-z0-9_]+) to the ([A-Za-z0-9]+)= allow-list$/))) return { kind: 'append-value', directive: m[2], value: m[1] };
  if (text.startsWith('[')) {
    let body = text;
    const fix = { kind: 'insert' };
    if (body.endsWith(' in each parent slice')) {
      body = body.slice(0, -' in each parent slice'.length);
      fix.inEachParentSlice = true;
    }
    fix.lines = body.split(' ; ').map((l) => parseFixLine(l, id));
    return fix;
  }
  return fail(`pairing ${id}: unknown fix hint "${text}"`);
}

function parseScope(condition) {
  const scope = {};
  if (/^per-user service manager/.test(condition)) scope.manager = 'user';
  if (/unprivileged user namespaces/.test(condition)) scope.needsUnprivilegedUserNamespaces = true;
  if (/systemd-mountfsd/.test(condition)) scope.needsMountfsd = true;
  if (/\+ prefix/.test(condition)) scope.commandPrefix = '+';
  if (/^unless DefaultDependencies=no/.test(condition)) scope.defaultDependencies = 'yes';
  else if (/^DefaultDependencies=no\b/.test(condition)) scope.defaultDependencies = 'no';
  if (/^(service|unit) runs as root\b/.test(condition)) scope.runsAs = 'root';
  else if (/^service runs as a non-root User=/.test(condition)) scope.runsAs = 'non-root';
  if (/^(always|whenever (the option is )?(enabled|set)|both set)\b/.test(condition)) scope.unconditional = true;
  return scope;
}

const RELATIONS = ['implies', 'ignored-when', 'recommends', 'effective-only-with', 'requires-one-of', 'conflicts-with'];
const pairIds = new Set();
const pairings = pairRows.map((r) => {
  expect(!pairIds.has(r.id), `pairing ${r.id}: duplicate id`);
  pairIds.add(r.id);
  expect(RELATIONS.includes(r.relation), `pairing ${r.id}: relation ${r.relation}`);
  expect(['warning', 'information', 'hint'].includes(r.severity_hint), `pairing ${r.id}: severity ${r.severity_hint}`);
  expect(MAN_PAGES.includes(r.man_page), `pairing ${r.id}: man page ${r.man_page}`);
  const out = {
    id: r.id,
    subject: parseSubject(r.subject, r.id),
    relation: r.relation,
    objects: parseObjects(r.objects, r.id),
    scope: parseScope(r.condition),
    manPage: r.man_page,
  };
  if (/^\(.+\)$/.test(r.man_entry)) out.manSection = r.man_entry.slice(1, -1);
  else if (/^[A-Za-z0-9]+=$/.test(r.man_entry)) out.manEntry = stripEq(r.man_entry);
  else fail(`pairing ${r.id}: man entry "${r.man_entry}"`);
  if (r.since_version) out.since = Number(r.since_version);
  out.severity = r.severity_hint;
  const fix = parseFix(r.fix_hint, r.id);
  if (fix) out.fix = fix;
  // Every setting a pairing names must be a real one.
  const named = [out.subject, ...out.objects.flatMap((o) => (o.kind === 'settings' ? o.settings : []))];
  for (const s of named) {
    if (s.family) expect([...allDirectiveNames].some((n) => n.startsWith(s.directive)), `pairing ${r.id}: no setting starts with ${s.directive}`);
    else expect(allDirectiveNames.has(s.directive), `pairing ${r.id}: unknown setting ${s.directive}`);
    for (const w of s.without ?? []) expect(allDirectiveNames.has(w), `pairing ${r.id}: unknown ${w}`);
  }
  if (out.manEntry) expect(allDirectiveNames.has(out.manEntry), `pairing ${r.id}: man entry ${out.manEntry} is no setting`);
  if (fix && fix.directive) expect(allDirectiveNames.has(fix.directive), `pairing ${r.id}: fix names unknown ${fix.directive}`);
  return out;
});

// ---------------------------------------------------------------------------
// specifiers (systemd.unit, "Specifiers available in unit files")

const unitXml = readText('systemd-man/systemd.unit.xml');
const standardXml = readText('systemd-man/standard-specifiers.xml');
const table = (unitXml.match(/<table class='specifiers'>([\s\S]*?)<\/table>/) ?? fail('systemd.unit.xml: no specifier table'))[1];
const body = (table.match(/<tbody>([\s\S]*?)<\/tbody>/) ?? fail('specifier table: no body'))[1];
const standardRows = new Map();
for (const m of standardXml.matchAll(/<row id='([^']+)'>([\s\S]*?)<\/row>/g)) standardRows.set(m[1], m[2]);
const specifiers = [];
for (const m of body.matchAll(/<row>([\s\S]*?)<\/row>|<xi:include href="standard-specifiers.xml" xpointer="([^"]+)"\/>/g)) {
  const rowText = m[1] ?? standardRows.get(m[2]) ?? fail(`standard-specifiers.xml: no row ${m[2]}`);
  const letter = (rowText.match(/<literal>%(.)<\/literal>/) ?? fail(`specifier row without a letter: ${rowText.slice(0, 80)}`))[1];
  const spec = { letter };
  const version = rowText.match(/xpointer="v(\d+)"/);
  if (version) spec.since = Number(version[1]);
  expect(!specifiers.some((s) => s.letter === letter), `specifier %${letter} listed twice`);
  specifiers.push(spec);
}
const deprecatedNote = standardXml.match(/deprecated specifiers that are not documented:\s*([^.]+)\./) ?? fail('standard-specifiers.xml: no note on deprecated specifiers');
for (const l of deprecatedNote[1].split(',').map((s) => s.trim())) {
  const m = l.match(/^%(.)$/) ?? fail(`deprecated specifier "${l}"`);
  expect(!specifiers.some((s) => s.letter === m[1]), `%${m[1]} both documented and deprecated`);
  specifiers.push({ letter: m[1], deprecated: true });
}

// ---------------------------------------------------------------------------
// output

const HEADER = `// Generated by scripts/generate-kb.mjs from the systemd ${systemdVersion} reference tables. Do not edit by hand.\n`;
/** A JavaScript literal: like JSON, with identifier keys unquoted. */
const json = (v) => {
  if (Array.isArray(v)) return '[' + v.map(json).join(',') + ']';
  if (v && typeof v === 'object')
    return '{' + Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k)) + ':' + json(x)).join(',') + '}';
  return JSON.stringify(v);
};

/** Hoists values that occur more than once into named constants; returns the constants' source and a printer. */
function hoist(entries, prefix, type) {
  const counts = new Map();
  const firstKey = new Map();
  for (const [key, v] of entries) {
    const text = json(v);
    counts.set(text, (counts.get(text) ?? 0) + 1);
    if (!firstKey.has(text)) firstKey.set(text, key);
  }
  const names = new Map();
  const decls = [];
  for (const [text, n] of counts) {
    if (n < 2) continue;
    const name = `${prefix}${firstKey.get(text).replace(/[^A-Za-z0-9]/g, '_')}`;
    names.set(text, name);
    decls.push(`const ${name}: ${type} = ${text};`);
  }
  return { decls: decls.join('\n'), print: (v) => names.get(json(v)) ?? json(v) };
}
const lines = (arr, fmt = json) => arr.map((x) => '  ' + fmt(x) + ',').join('\n');

const files = {};

files['source.ts'] = `${HEADER}
/** The systemd release the tables describe. */
export const SOURCE = { systemdVersion: ${systemdVersion}, commit: ${json(sourceCommit)} } as const;
`;

files['directives.ts'] = `${HEADER}
import type { Deprecation, ManPage, ValueKind } from '../types';

export const MAN_PAGES: readonly ManPage[] = ${json(MAN_PAGES)};

/** Distinct value kinds; records refer to them by index. */
export const VALUE_KINDS: readonly ValueKind[] = [
${lines(valueKinds)}
];

/** Distinct deprecations; records refer to them by index. */
export const DEPRECATIONS: readonly Deprecation[] = [
${lines(deprecations)}
];

/**
 * One record per group of (setting, section) rows that agree on every other fact:
 * [name, sections (comma-separated), man page ('' = none), since (0 = unknown), deprecation index (-1 = none),
 *  value kind index, context, gperf parser, build condition ('' = none), settings sharing the man entry (comma-separated)]
 */
export type DirectiveRecord = readonly [string, string, ManPage | '', number, number, number, 'own' | 'exec' | 'kill' | 'cgroup', string, string, string];

export const DIRECTIVE_RECORDS: readonly DirectiveRecord[] = [
${lines(records, (r) => json([r.fields[0], r.sections.join(','), ...r.fields.slice(1)]))}
];
`;

const sectionEntries = [
  ['Unit', UNIT_TYPES],
  ['Install', UNIT_TYPES],
  ...Object.entries(TYPE_SECTIONS).map(([s, t]) => [s, [t]]),
];
const sectionsWithDirectives = new Set(directiveRows.map((r) => r.section));
for (const s of sectionsWithDirectives) expect(sectionEntries.some(([n]) => n === s), `section ${s} missing`);
files['sections.ts'] = `${HEADER}
import type { UnitType } from '../../unitFile';
import type { SectionName } from '../types';

/** Unit types accepting each section: [Unit] and [Install] everywhere, a type section in its own type. */
export const SECTION_UNIT_TYPES: Readonly<Record<SectionName, readonly UnitType[]>> = {
${sectionEntries.map(([s, t]) => `  ${s}: ${json(t)},`).join('\n')}
};

/** Sections that are accepted but hold no settings. */
export const EMPTY_SECTIONS: readonly SectionName[] = ${json(Object.keys(TYPE_SECTIONS).filter((s) => !sectionsWithDirectives.has(s)))};
`;

files['enums.ts'] = `${HEADER}
import type { EnumInfo } from '../types';

export const ENUMS: readonly EnumInfo[] = [
${lines([...enums.values()].map(enumInfoOut))}
];
`;

files['syscallGroups.ts'] = `${HEADER}
/** [group, nested groups, system calls listed directly]. */
export const SYSCALL_GROUPS: readonly (readonly [string, readonly string[], readonly string[]])[] = [
${lines([...groups.values()].map((g) => [g.name, g.nested, g.direct]))}
];
`;

files['capabilities.ts'] = `${HEADER}
/** [name, number]. */
export const CAPABILITIES: readonly (readonly [string, number])[] = [
${lines(capabilities)}
];
`;

files['addressFamilies.ts'] = `${HEADER}
/** [name, number, name it is an alias of]. */
export const ADDRESS_FAMILIES: readonly (readonly [string, number, string?])[] = [
${lines(addressFamilies)}
];

/** Special values RestrictAddressFamilies= accepts besides family names. */
export const ADDRESS_FAMILY_KEYWORDS: readonly string[] = ["none"];
`;

files['namespaces.ts'] = `${HEADER}
/** [name, clone flag]. */
export const NAMESPACES: readonly (readonly [string, string])[] = [
${lines(namespaces)}
];
`;

files['securityTests.ts'] = `${HEADER}
import type { SecurityTest } from '../types';

export const SECURITY_TESTS: readonly SecurityTest[] = [
${lines(securityTests)}
];
`;

// Named after the first pairing using them.
const hoistedObjects = hoist(pairings.map((p) => [p.id, p.objects]), 'OBJECTS_', 'readonly PairingAlternative[]');
const hoistedFixes = hoist(pairings.filter((p) => p.fix).map((p) => [p.id, p.fix]), 'FIX_', 'FixHint');
const printPairing = (p) =>
  '{' +
  Object.entries(p)
    .map(([k, v]) => {
      if (k === 'objects') return `objects:${hoistedObjects.print(v)}`;
      if (k === 'fix') return `fix:${hoistedFixes.print(v)}`;
      return `${k}:${json(v)}`;
    })
    .join(',') +
  '}';
files['pairings.ts'] = `${HEADER}
import type { FixHint, Pairing, PairingAlternative } from '../types';

// Parts shared by several pairings.
${hoistedObjects.decls}
${hoistedFixes.decls}

export const PAIRINGS: readonly Pairing[] = [
${lines(pairings, printPairing)}
];
`;

// The ids alone, for what only names pairs (the rule registry): the table itself stays out of code that never judges one.
files['pairingIds.ts'] = `${HEADER}
/** The id of every hardening pair, in table order (generated/pairings.ts has the pairs). */
export const PAIRING_IDS: readonly string[] = [
${lines(pairings.map((p) => p.id))}
];
`;

files['specifiers.ts'] = `${HEADER}
/** Specifier letters accepted in unit files, in the man page's order, then the undocumented deprecated ones. */
export const SPECIFIER_LETTERS: readonly { readonly letter: string; readonly since?: number; readonly deprecated?: true }[] = [
${lines(specifiers)}
];
`;

let stale = 0;
mkdirSync(outDir, { recursive: true });
let total = 0;
for (const [name, text] of Object.entries(files)) {
  const path = join(outDir, name);
  total += Buffer.byteLength(text);
  const old = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (old === text) continue;
  if (checkOnly) {
    console.error(`out of date: ${path}`);
    stale++;
  } else writeFileSync(path, text);
}

if (writeFacts) {
  mkdirSync(factsDir, { recursive: true });
  const directiveFacts = ['name\tsection\tunit_types', ...directiveRows.map((r) => `${r.directive}\t${r.section}\t${r.unit_types}`)];
  writeFileSync(join(factsDir, `v${systemdVersion}-directives.tsv`), directiveFacts.join('\n') + '\n');
  const groupFacts = ['group\tdirect_count\texpanded_count', ...groupRows.map((r) => `${r.group}\t${r.direct_syscall_count}\t${r.expanded_syscall_count}`)];
  writeFileSync(join(factsDir, `v${systemdVersion}-syscall-groups.tsv`), groupFacts.join('\n') + '\n');
}

console.log(
  `knowledge base (systemd ${systemdVersion}): ${directiveRows.length} rows, ${allDirectiveNames.size} settings in ${records.length} records, ` +
    `${valueKinds.length} value kinds, ${enums.size} enums, ${groups.size} syscall groups, ${pairings.length} pairings, ` +
    `${specifiers.length} specifiers; ${(total / 1024).toFixed(0)} KiB`,
);
if (skippedEnums.size) console.log(`left out enum values of ${[...skippedEnums].join(', ')} (no such setting in the parser table)`);
if (stale) {
  console.error(`${stale} generated file(s) out of date; run without --check`);
  process.exit(1);
}
