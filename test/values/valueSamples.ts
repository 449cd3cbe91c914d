/**
 * Values to try on each setting, by value form: what a careful author writes, the spellings
 * systemd's parsers are lenient about, and what they refuse (out of range, wrong case, junk).
 * Each form's list is a row of SAMPLES below; a setting gets the samples of each of its forms plus
 * the ones every setting gets (COMMON). The lists are small on purpose: one unit carries hundreds
 * of these lines, and systemd-analyze verify of every release reads them.
 */
import { enumValues, type DirectiveRow, type EnumInfo, type SectionName, type ValueForm, type ValueType } from '../../server/src/core/kb';
import { LEGACY_VALUES } from '../../server/src/core/kb/legacyValues';

/** What a sample list is built from: the form, the setting, and the enum table it names (if any). */
interface SampleContext {
  readonly form: ValueForm;
  readonly row: DirectiveRow;
  readonly info: EnumInfo | undefined;
}

type Samples = (context: SampleContext) => readonly string[];

const BOOLEANS = ['yes', 'no', 'true', 'false', 'on', 'off', '1', '0', 'y', 'n', 't', 'f', 'YES', 'No', 'True', 'FALSE', 'oN', 'OFF', 'Y', 'T'];
const NOT_BOOLEANS = ['2', '-1', 'yess', 'enable', 'yes please', 'nope', 'yes\u00a0', '\ufeffyes', 'no\v'];

/** Every setting: empty (a reset), a specifier and an unknown one, junk, a lone tilde, a quoted word, an escape. */
const COMMON = ['', '%n', '%Q', '*junk*', '~', '"quoted"', '\\x41'];

const TIMESPANS = [
  '0', '5', '5s', '5 s', '5sec', '5seconds', '1min', '1m', '90min 30s', '1min30s', '1.5h', '2hr', '3 hours', '2d', '1w', '1M',
  '1y', '1year', '500ms', '500msec', '10us', '10usec', '10µs', '10μs', '10ns', '10nsec', 'infinity', 'INFINITY', '-1', '5x',
  '5S', '1h 30', '.5s', '5.s', '1d 2h 3min 4s 5ms 6us', '18446744073709551615', '99999999999y', '5\u00a0s', '5s\u00a0',
];

const SIZES = [
  '0', '512', '1K', '1k', '1M', '1G', '1T', '1P', '1E', '16E', '1.5G', '1KB', '1KiB', '1B', '1 K', '-1', '1G 512M', 'abc',
  'infinity', '0x10', '18446744073709551615', '18446744073709551616',
];

const PERCENTS = ['0%', '50%', '100%', '101%', '12.5%', '12.55%', '5‰', '3‱', '50', '-1%', '50 %', 'abc%', '1000‰', '10000‱', '10001‱'];

function integers(form: ValueForm): string[] {
  const samples = ['0', '1', '42', '-1', '+1', '0x10', '010', '1.5', '1K', '1e3', '4294967295', '4294967296', '9223372036854775807', '18446744073709551616', 'abc', 'infinity', '\ufeff5', '5\u00a0'];
  if (form.min !== undefined) samples.push(String(form.min), String(form.min - 1));
  if (form.max !== undefined) samples.push(String(form.max), String(form.max + 1));
  return samples;
}

/** A placeholder of an enum's prefixed or call form, filled in. */
function filled(placeholder: string | undefined): string {
  switch (placeholder) {
    case 'PATH':
      return '/tmp/probe';
    case 'HOSTNAME':
      return 'probe';
    case 'FIELD OP VALUE':
      return 'bios_vendor=probe';
    default:
      return 'probe';
  }
}

function enumSamples({ info, form, row }: SampleContext): string[] {
  const words = info ? info.values : (form.type === 'enum' ? row.valueKind.label.replace(/^enum:/, '').split('|') : []).map((value) => ({ value, form: undefined, placeholder: undefined }));
  const plain = words.filter((v) => !v.form).map((v) => v.value);
  const samples = [...plain];
  for (const v of words) {
    if (v.form === 'prefixed') samples.push(`${v.value}${filled(v.placeholder)}`, v.value);
    if (v.form === 'call') samples.push(`${v.value}(${filled(v.placeholder)})`, `${v.value}()`, v.value);
  }
  const first = plain[0];
  if (first) samples.push(first.toUpperCase(), `${first[0].toUpperCase()}${first.slice(1)}`, `${first}x`, ` ${first}`, `${first} ${first}`, `${first}\u2003`, `\ufeff${first}`);
  if (plain.length > 1) samples.push(`${plain[0]} ${plain[1]}`, `${plain[0]},${plain[1]}`);
  if (info?.tilde) samples.push(`~${first}`, `~ ${first}`, `~${first} ${plain[plain.length - 1]}`);
  if (info?.negatable) samples.push(`!${first}`);
  if (info?.booleanTrue || info?.acceptsBoolean) samples.push('yes', 'no', 'on', '0', 'True');
  else samples.push('yes', 'no');
  if (info?.numeric) samples.push('0', '7', '8', '255', '256', '-1');
  for (const legacy of LEGACY_VALUES) if (legacy.directive === row.name) samples.push(legacy.value);
  return samples;
}

/** The enum table a form names by its type rather than by the setting. */
const NAMED_TABLES: Partial<Record<ValueType, string>> = {
  architecture: 'SystemCallArchitectures',
  securebits: 'SecureBits',
  'syslog-facility': 'SyslogFacility',
  personality: 'Personality',
  'bpf-command': 'BPFDelegateCommands',
  'bpf-map-type': 'BPFDelegateMaps',
  'bpf-prog-type': 'BPFDelegatePrograms',
  'bpf-attach-type': 'BPFDelegateAttachments',
};

function paths({ form, row }: SampleContext): string[] {
  if (form.relative) return ['probe', 'probe/sub', 'probe:0755', '/probe', '../probe', 'a/../b', 'probe other', '%n'];
  if (form.glob) return ['/etc/*.conf', '/etc/probe', 'etc/*.conf', '!/etc/x'];
  if (form.qualifier === 'mqueue-name') return ['/probe', 'probe', '/probe/x', '/'];
  const samples = ['/tmp', '/tmp/probe', 'relative', './x', '-/tmp', '+/tmp', '-+/tmp', '+-/tmp', '~', '~/x', '%t/x', '%h', '/a/../b', '//x', '/tmp/./x', '-', '"/tmp/a b"', '/tmp/a\\ b', '/tmp/a%-b', '/tmp/x%'];
  if (form.list) samples.push('/tmp /var', '/tmp relative');
  if (form.qualifier === 'colon-separated') samples.push('/tmp:/var', '/tmp:relative', ':/tmp');
  if (form.qualifier === 'with-mount-options') samples.push('/tmp:ro', '/tmp:nosuid,nodev', 'relative:ro');
  if (row.name === 'WorkingDirectory') samples.push('-~', '~x');
  return samples;
}

function conditions({ form, row }: SampleContext): string[] {
  switch (form.operand) {
    case 'boolean':
      return ['yes', 'no', '!yes', '|yes', '|!no', 'maybe', 'True', '! yes'];
    case 'path':
      if (form.qualifier) return ['/etc', '/var', '!/etc', '|/var', '/tmp', 'etc'];
      return ['/etc', '!/etc', '|/etc', '|!/etc', '!|/etc', '! /etc', 'etc', '%t/x', '/etc/../x'];
    case 'path-glob':
      return ['/etc/*.conf', '!/etc/*', 'etc/*', '/etc/[a-z]*'];
    case 'string': {
      const name = row.name.startsWith('Assert') ? `Condition${row.name.slice('Assert'.length)}` : row.name;
      const info = enumValues(name);
      const plain = info ? info.values.filter((v) => !v.form).map((v) => v.value) : [];
      const calls = info ? info.values.filter((v) => v.form === 'call').map((v) => `${v.value}(${filled(v.placeholder)})`) : [];
      return [...plain.slice(0, 4), ...calls, ...(plain[0] ? [`!${plain[0]}`, `|${plain[0]}`, plain[0].toUpperCase(), `${plain[0]} ${plain[1] ?? ''}`.trim()] : []), 'probe', '1', '>=1', '!probe'];
    }
    default:
      return ['probe'];
  }
}

/** Per value form: the values to try. Forms UnitGuard does not check get valid values and junk too. */
const SAMPLES: Readonly<Record<ValueType, Samples>> = {
  boolean: () => [...BOOLEANS, ...NOT_BOOLEANS],
  enum: enumSamples,
  keyword: ({ form }) => [form.word as string, (form.word as string).toUpperCase()],
  flag: ({ form }) => [...(form.words ?? []), (form.words ?? []).join(' '), `~${form.words?.[0]}`, 'probe'],
  integer: ({ form }) => integers(form),
  timespan: ({ form }) => (form.resolution === 'nsec' ? [...TIMESPANS, '1ns 1us'] : TIMESPANS),
  calendar: () => ['daily', 'hourly', 'minutely', 'weekly', '*-*-* 00:00:00', 'Mon *-*-* 12:00', 'Mon..Fri 9:00', '2020-01-01', 'probe', '25:00', '*:0/15'],
  bytes: () => SIZES,
  percent: () => PERCENTS,
  'octal-mode': () => ['0644', '644', '0755', '07777', '017777', '8', '0800', 'rw', '-1', '0', '0o644', 'u=rw'],
  hex: () => ['00ff', '00FF', 'abc', 'zz', '0x00ff'],
  base64: () => ['aGVsbG8=', 'aGVsbG8', '!!!', 'a b'],
  string: () => ['probe', 'a b c', 'ünïcödé', '%i', '%Q', '$FOO', 'a\\nb', 'x% y', '50%', 'a%-b'],
  path: paths,
  uri: () => ['https://example.com', 'man:probe(1)', 'file:/tmp/x', 'info:probe', 'probe', 'http://a b'],
  command: () => [
    '/bin/true', 'true', '-/bin/true', '@/bin/true probe', '+/bin/true', '!/bin/true', '!!/bin/true', ':/bin/true', '|/bin/true',
    '-@:/bin/true', '%t/x', '"/bin/true" a', '/bin/true ; /bin/false', '/bin/true $FOO ${FOO}', 'bin/true', '+!/bin/true', '-', '@/bin/true',
    '/bin/echo a% b', '/bin/echo 100%', '"+/bin/true"', '"-/bin/echo" x', '"@/bin/true" probe', '-"/bin/true"', '"-bin/true"', '- /bin/true',
    '/bin/true "a', "/bin/true 'a'b'", "/bin/echo 'it\\'s'", '/bin/echo "a\\"b"', '@@/bin/true a', '--/bin/true', '-!!/bin/true', '/bin/true ; rel/x', '/bin/true ; @/bin/false',
    '/bin/true ; "/bin/false', '/bin/true \\; x', '/bin/true ";" x', '/bin/true ;', '/bin/echo a ; ; /bin/false',
  ],
  unit: ({ form }) => {
    const samples = ['probe.service', 'probe.target', 'probe.socket', 'probe', 'probe.bar', 'a/b.service', 'probe@.service', 'probe@x.service', '%n', '%N.socket', '-.mount', '.service', 'probe..service', 'probe\\x2d.service', 'x@%i.service'];
    if (form.list) samples.push('probe.service probe.target', 'probe.service probe');
    if (form.qualifier) samples.push(`probe.${form.qualifier}`, `-.${form.qualifier}`, `probe-sub.${form.qualifier}`);
    return samples;
  },
  'unit-name': () => ['probe.service', 'probe', 'probe.bar', 'probe@.service'],
  signal: () => ['SIGTERM', 'TERM', 'sigterm', 'Term', '9', '0', '31', '32', '64', '65', 'RTMIN', 'RTMIN+3', 'SIGRTMIN+3', 'RTMAX-1', 'SIGRTMAX', 'RTMIN+31', 'RTMIN+40', 'SIGFOO', '-1', 'KILL', 'SIGWINCH', 'SIGIOT', 'SIGPOLL', 'SIGPWR', 'SIGCLD'],
  errno: () => ['EPERM', 'eperm', 'Eperm', '1', '0', '4095', '4096', 'kill', 'log', 'EFOO', 'ENOSYS', '-1', 'EAGAIN', 'EWOULDBLOCK'],
  user: () => ['root', 'nobody', '0', '65534', '%u', '!!', '1probe', 'probe-user', 'a b', 'probe.user', '4294967295', '-1', 'Probe', 'root\v', 'a:b', 'a/b', 'root\u00a0'],
  group: ({ form }) => ['root', 'nogroup', '0', '%g', '!!', '1probe', 'a.b', '-1', ...(form.list ? ['root nogroup', 'root !!'] : [])],
  capability: () => [
    'CAP_SYS_ADMIN', 'cap_sys_admin', 'Cap_Net_Admin', 'CAP_SYS_ADMIN CAP_NET_ADMIN', '~CAP_SYS_ADMIN', '~ CAP_SYS_ADMIN', 'CAP_FOO',
    'SYS_ADMIN', '0', '40', '63', '64', 'all', 'CAP_CHECKPOINT_RESTORE', 'CAP_BPF', 'CAP_PERFMON', 'CAP_SYS_ADMIN,CAP_NET_ADMIN',
  ],
  syscall: ({ row }) => {
    const samples = ['read', 'read write', '@system-service', '~@mount', '~@mount @swap', '@foo', 'foo_bar', 'READ', '@sandbox', '@known', '@default', '@pkey', '@signal', 'open_tree', 'clone3', 'memfd_secret', 'read ~write', '@system-service:EPERM'];
    if (row.name === 'SystemCallFilter') samples.push('read:EPERM', '~read:EPERM', '@privileged:EACCES', 'read:kill', 'read:EFOO', 'read:4096');
    return samples;
  },
  'address-family': () => ['AF_UNIX', 'AF_INET AF_INET6', 'AF_UNIX\u00a0AF_INET', '~AF_PACKET', 'none', 'AF_FOO', 'af_unix', 'AF_NETLINK AF_FOO', 'AF_INET,AF_INET6', 'AF_VSOCK', 'AF_MCTP'],
  namespace: () => ['net', 'ipc net', '~user', 'foo', 'NET', 'cgroup ipc net mnt pid user uts time', 'time', '~net foo', 'net\u00a0', 'ipc\u00a0net'],
  architecture: enumSamples,
  personality: enumSamples,
  securebits: enumSamples,
  'syslog-facility': enumSamples,
  'bpf-command': enumSamples,
  'bpf-map-type': enumSamples,
  'bpf-prog-type': enumSamples,
  'bpf-attach-type': enumSamples,
  rlimit: () => ['1024', 'infinity', '1024:2048', '2048:1024', '1K', '1M', 'abc', '-1', '10s', '1h', 'infinity:infinity', '0', '1024:', ':1024'],
  'cpu-set': () => ['0', '0-3', '0,2', '0 1', '0-1,3', 'abc', '3-1', 'all', '99999', '-1'],
  'numa-node-set': () => ['0', '0-1', '0,1', 'abc', 'all'],
  'exit-status': ({ form }) => ['0', '1', '255', '256', 'SIGTERM', 'TERM', '-1', 'abc', 'EXIT_FAILURE', 'INVALIDARGUMENT', ...(form.list ? ['1 2 SIGKILL', '1 abc'] : [])],
  'listen-address': () => ['80', '127.0.0.1:80', '[::1]:80', '::1', '/run/probe.sock', '@probe', 'vsock:2:80', '0', '65535', '65536', 'probe', 'probe:80', '0.0.0.0:80', 'relative.sock'],
  'netlink-family': () => ['route', 'route 1', 'kobject-uevent 1', 'probe', 'route x'],
  condition: conditions,
  'device-access': () => ['/dev/null rw', '/dev/null', 'char-pts rwm', '/dev/null x', 'block-loop r', 'probe rw', '/dev/null rwmx', 'char-* r'],
  'device-bytes': () => ['/dev/sda 1M', '/dev/sda 1', '/dev/sda abc', '/dev/sda', 'sda 1M', '/dev/sda infinity'],
  'device-weight': () => ['/dev/sda 100', '/dev/sda 1', '/dev/sda 0', '/dev/sda 10000', '/dev/sda 10001', '/dev/sda', 'sda 100'],
  'device-timespan': () => ['/dev/sda 10ms', '/dev/sda 1s', '/dev/sda abc', '/dev/sda', 'sda 10ms'],
  'image-policy': () => ['*', '-', '~', 'root=verity', 'root=verity+signed:usr=encrypted', 'root=probe', 'probe=verity', 'root=verity:root=signed'],
  image: () => ['/probe.raw', '-/probe.raw', 'relative.raw', '/probe.raw:root:ro'],
  'image-mount': () => ['/probe.raw:/mnt', '/probe.raw', '-/probe.raw:/mnt', '/probe.raw:relative', 'relative:/mnt', '/probe.raw:/mnt:root:ro'],
  'bind-path': () => ['/a', '/a:/b', '-/a:/b:rbind', '/a:/b:norbind', '/a:/b:probe', 'a:/b', '/a:b', '/a /b', '-/a'],
  'partition-mount-options': () => ['ro', 'root:ro', 'probe:ro', 'root:ro,nosuid usr:ro'],
  credential: ({ form }) => (form.requiredSuffix ? ['probe:value', 'probe:', 'probe', 'a/b:value', ':value'] : ['probe', 'probe:/tmp/x', 'probe:relative', 'a/b', '/tmp/x']),
  'credential-glob': () => ['probe*', 'probe*:other', 'probe', 'a/b*', '*'],
  'env-assignment': () => ['A=b', '"A=b c"', 'A', '=b', '1A=b', 'A=b C=d', 'A-B=c', 'A.B=c'],
  'env-name': () => ['A', 'A B', '1A', 'A=b', 'A-B'],
  'field-assignment': () => ['FOO=bar', 'foo=bar', 'FOO', '_FOO=bar', 'FOO=a b'],
  filesystem: () => ['ext4', 'ext4 tmpfs', '@basic-api', '~@known', 'probe', '~ext4', '@probe'],
  'ip-prefix': () => ['10.0.0.0/8', 'any', 'localhost', 'link-local', 'multicast', '::1/128', '10.0.0.0/33', 'probe', '10.0.0.1', '10.0.0.0/8 ::1'],
  'network-interface': () => ['eth0', 'lo eth0', '~eth0', 'a/b', 'probeprobeprobeprobe', 'eth0:1', '.', 'eth 0'],
  'nft-set': () => ['cgroup:inet:filter:probe', 'user:inet:filter:probe', 'probe', 'cgroup:probe:filter:probe'],
  'socket-bind-rule': () => ['any', 'ipv4:tcp:80', 'tcp:80-90', 'ipv6:any', 'probe', 'tcp:70000', 'udp:53'],
  'cgroup-controller': () => ['cpu', 'cpu memory', 'probe', 'io pids', 'cpuset', 'bpf-firewall'],
  'bpf-program': () => ['ingress:/sys/fs/bpf/probe', 'egress:/sys/fs/bpf/probe', 'probe:/sys/fs/bpf/probe', 'ingress:relative', 'ingress'],
  regex: () => ['^probe$', '(', 'probe', '[a-'],
  'coredump-filter': () => ['default', 'all', '0x33', '33', 'private-anonymous', 'probe', 'private-anonymous shared-anonymous', '~default'],
  xattr: () => ['user.probe', 'probe', 'user.probe trusted.probe'],
  'open-file': () => ['/tmp/probe', '/tmp/probe:probe', '/tmp/probe:probe:read-only', '/tmp/probe::append', 'relative', '/tmp/probe:probe:probe'],
  'dbus-name': () => ['org.example.Probe', 'probe', '1.2', 'org.example.', ':1.2'],
  ignored: () => [],
};

/** The unit file each section's settings are tried in. */
export const UNIT_FOR_SECTION: Partial<Record<SectionName, string>> = {
  Unit: 'probe.service',
  Service: 'probe.service',
  Socket: 'probe.socket',
  Mount: 'probe-dir.mount',
  Swap: 'dev-probe.swap',
  Automount: 'probe-dir.automount',
  Timer: 'probe.timer',
  Path: 'probe.path',
  Slice: 'probe.slice',
};

/** The values to try on a setting, each once, in a stable order. */
export function samplesFor(row: DirectiveRow): string[] {
  const out = new Set<string>();
  for (const form of row.valueKind.forms) {
    const table = NAMED_TABLES[form.type];
    const info = enumValues(table ?? row.name);
    const sectionInfo = info && (table || (info.sections as readonly string[]).includes(row.section)) ? info : undefined;
    for (const value of SAMPLES[form.type]({ form, row, info: sectionInfo })) out.add(value);
  }
  for (const value of COMMON) out.add(value);
  return [...out];
}

/** Settings whose value the manager never parses (ignored settings, [Install] read only by systemctl). */
export function isParsedByManager(row: DirectiveRow): boolean {
  return row.parser !== 'NULL' && !row.valueKind.forms.some((f) => f.type === 'ignored');
}
