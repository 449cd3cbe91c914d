import type { ValueDocs } from '../types';

/**
 * What each accepted value of an enumerated setting does, keyed by setting name (without `=`)
 * and then by the value as the value tables spell it. Prefixed and call-style forms keep their
 * placeholder (`file:PATH`, `smbios-field(FIELD OP VALUE)`). Settings whose table also takes the
 * boolean spellings get `yes`/`no` entries saying which value they stand for.
 *
 * Settings that share a value table (job modes, emergency actions, log levels, architectures,
 * virtualization, security, firmware, namespaces, pressure watching) share one set of texts.
 */

// ---------------------------------------------------------------------------
// [Unit]: job modes for OnSuccess=/OnFailure=

function jobModes(defaultMode: 'fail' | 'replace'): ValueDocs {
  const docs: Record<string, string> = {
    fail: 'The start jobs are refused if they would reverse a job already queued (turn a pending stop into a start or the other way round).',
    lenient: 'More cautious than fail: the start jobs are also refused when they would have to stop an active unit that conflicts with them.',
    replace: 'Queued jobs that conflict with the new ones are cancelled and replaced.',
    'replace-irreversibly': 'Like replace, and the new jobs are marked irreversible: later conflicting transactions cannot replace them (an explicit cancel still can).',
    isolate: 'Starts the listed unit and stops every unit it does not need, like systemctl isolate; only one unit may be listed, normally a target.',
    flush: 'Cancels every job already in the queue when the new jobs are added.',
    'ignore-dependencies': 'Starts the listed units on their own, at once: their requirements are not pulled in and their ordering is ignored. A rescue/debugging mode.',
    'ignore-requirements': 'Does not pull in the units the listed units require, but still honours their ordering dependencies.',
    triggering: 'A mode for stop jobs only (it also stops the units that trigger the target, such as its socket or timer); the jobs queued here are start jobs, so it is not useful for this setting.',
    'restart-dependencies': 'Starts the listed units and propagates a restart to the units that depend on them, as if the listed units had been restarted.',
  };
  docs[defaultMode] += ' The default.';
  return docs;
}

// ---------------------------------------------------------------------------
// [Unit]: emergency actions (FailureAction=, SuccessAction=, JobTimeoutAction=, StartLimitAction=)

const SYSTEM_ONLY = ' Only the system manager accepts it; user managers allow none, exit and exit-force.';

const emergencyActions: ValueDocs = {
  none: 'Nothing happens beyond the usual state change of the unit. The default.',
  exit: "The service manager itself shuts down in an orderly way and exits, by default with the exit status of the unit's main process. Mostly useful in containers and for user managers.",
  'exit-force': 'The service manager exits right away, without stopping the other units first.',
  reboot: 'Reboots the machine through the normal shutdown sequence, like systemctl reboot.' + SYSTEM_ONLY,
  'reboot-force': 'Reboots without the orderly shutdown of services: all processes are killed and file systems are cleanly unmounted first, like systemctl reboot -f.' + SYSTEM_ONLY,
  'reboot-immediate': 'Calls the reboot system call at once, without killing processes or unmounting file systems, so unwritten data may be lost (systemctl reboot -ff).' + SYSTEM_ONLY,
  poweroff: 'Powers the machine off through the normal shutdown sequence, like systemctl poweroff.' + SYSTEM_ONLY,
  'poweroff-force': 'Powers off after killing all processes and unmounting file systems, skipping the orderly stop of services (systemctl poweroff -f).' + SYSTEM_ONLY,
  'poweroff-immediate': 'Powers off at once, without killing processes or unmounting file systems; unwritten data may be lost (systemctl poweroff -ff).' + SYSTEM_ONLY,
  'soft-reboot': 'Restarts only user space after an orderly shutdown of services; the kernel keeps running.' + SYSTEM_ONLY,
  'soft-reboot-force': 'Restarts user space without running the shutdown transaction first.' + SYSTEM_ONLY,
  kexec: 'Boots straight into the kernel loaded for kexec, after the normal shutdown sequence, skipping the firmware.' + SYSTEM_ONLY,
  'kexec-force': 'Boots into the kexec kernel after killing all processes and unmounting file systems, without the orderly stop of services.' + SYSTEM_ONLY,
  halt: 'Halts the machine (stops the CPUs without powering off) through the normal shutdown sequence.' + SYSTEM_ONLY,
  'halt-force': 'Halts after killing all processes and unmounting file systems, skipping the orderly stop of services.' + SYSTEM_ONLY,
  'halt-immediate': 'Halts at once, without killing processes or unmounting file systems; unwritten data may be lost.' + SYSTEM_ONLY,
};

// ---------------------------------------------------------------------------
// [Service]: what happens when a start or stop times out

const timeoutFailureModes: ValueDocs = {
  terminate: 'The normal escalation: the remaining processes get KillSignal= (SIGTERM by default) and, if they are still there after TimeoutStopSec=, FinalKillSignal= (SIGKILL). The default.',
  abort: 'Sends WatchdogSignal= (SIGABRT by default) so the stuck processes dump core for later analysis; FinalKillSignal= follows after TimeoutAbortSec=.',
  kill: 'Sends FinalKillSignal= (SIGKILL by default) at once, with no further grace period; the quickest way to get rid of a hung service.',
};

// ---------------------------------------------------------------------------
// File descriptor store and runtime directory preservation

const fdStorePreserve: ValueDocs = {
  no: 'The stored file descriptors are closed as soon as the service stops.',
  yes: 'The stored file descriptors are kept even while the service is stopped, and the unit is not unloaded, until it is removed, the manager exits or the descriptors hang up. Boolean true means this value.',
  restart: 'The store is kept while the unit is active or activating, has a job queued, or is about to be restarted, and closed once it is really stopped. The default.',
  'on-success': 'Like yes, but the store is dropped once the unit fails for good (all automatic restart attempts used up); it survives the brief failed states between restarts.',
};

const runtimeDirectoryPreserve: ValueDocs = {
  no: 'The RuntimeDirectory= directories are removed every time the service stops. The default.',
  yes: 'The directories are kept when the service stops; as /run is a tmpfs they still vanish at reboot. Boolean true means this value.',
  restart: 'The directories are kept across restarts (automatic ones from Restart= and systemctl restart) but removed when the service is stopped for real.',
  'on-success': 'Accepted only because the value list is shared with FileDescriptorStorePreserve=; its effect on runtime directories is not documented, so write no, restart or yes instead.',
};

// ---------------------------------------------------------------------------
// Log levels and syslog facilities

const logLevelMeanings: readonly (readonly [string, number, string])[] = [
  ['emerg', 0, 'the system is unusable'],
  ['alert', 1, 'action must be taken immediately'],
  ['crit', 2, 'critical conditions'],
  ['err', 3, 'error conditions'],
  ['warning', 4, 'warning conditions'],
  ['notice', 5, 'normal but significant events'],
  ['info', 6, 'informational messages'],
  ['debug', 7, 'debugging output'],
];

const syslogLevels: ValueDocs = Object.fromEntries(
  logLevelMeanings.map(([name, n, meaning]) => [
    name,
    `Lines the service writes to stdout/stderr without a <N> priority prefix are logged at level ${n} (${meaning}).` +
      (name === 'info' ? ' The default.' : ''),
  ]),
);

const logLevelMax: ValueDocs = Object.fromEntries(
  logLevelMeanings.map(([name, n, meaning]) => [
    name,
    name === 'debug'
      ? 'Lets messages of every level through, up to level 7 (debugging output); also makes the service manager log its own debug messages about this unit.'
      : `Keeps only messages of level ${n} (${meaning}) or more severe, from the unit and from the manager about the unit; everything less important is dropped.`,
  ]),
);

const syslogFacilities: ValueDocs = {
  kern: 'Kernel messages (normally reserved for the kernel itself).',
  user: 'Generic user-level programs.',
  mail: 'Mail system.',
  daemon: 'System daemons without a facility of their own. The default.',
  auth: 'Security and authorization messages.',
  syslog: 'Messages generated by the syslog daemon itself.',
  lpr: 'Printing subsystem.',
  news: 'Network news (Usenet) subsystem.',
  uucp: 'UUCP subsystem.',
  cron: 'Job schedulers such as cron and at.',
  authpriv: 'Private security and authorization messages, usually written to a file only root can read.',
  ftp: 'FTP daemon.',
  local0: 'Site-defined facility local0.',
  local1: 'Site-defined facility local1.',
  local2: 'Site-defined facility local2.',
  local3: 'Site-defined facility local3.',
  local4: 'Site-defined facility local4.',
  local5: 'Site-defined facility local5.',
  local6: 'Site-defined facility local6.',
  local7: 'Site-defined facility local7.',
};

// ---------------------------------------------------------------------------
// Standard input, output and error

const MANAGER_OPENS = ' The service manager opens it with its own privileges before the program (and any SELinux transition) starts.';

const standardInput: ValueDocs = {
  null: 'Standard input is /dev/null, so every read returns end-of-file at once. The default unless StandardInputText=/StandardInputData= is set.',
  tty: 'Standard input is the terminal named by TTYPath=, and the process becomes its controlling process; it waits while another process controls the terminal.',
  'tty-force': 'Like tty, but the process takes control of the terminal at once, even away from a process that currently controls it.',
  'tty-fail': 'Like tty, but start-up fails if another process already controls the terminal.',
  socket: 'Standard input is the connection or socket that triggered activation (inetd style); needs a socket unit with Accept=yes or with a single socket.',
  fd: 'Standard input is the file descriptor named "stdin" from a socket unit listed in Sockets=; the same as fd:stdin.',
  data: 'Standard input is a read-only descriptor that yields the bytes configured with StandardInputText=/StandardInputData=, then end-of-file.',
  file: 'Bare spelling of the file:PATH form: on its own it names no file, so write file:/absolute/path.',
  'fd:NAME': 'Standard input is the file descriptor called NAME (FileDescriptorName=) from a socket unit listed in Sockets=; the first match wins.',
  'file:PATH': 'Standard input is read from the absolute PATH: a regular file, FIFO or device node, or an AF_UNIX socket to which a stream connection is made.' + MANAGER_OPENS,
};

function outputValues(stream: 'output' | 'error'): ValueDocs {
  const fdName = stream === 'output' ? 'stdout' : 'stderr';
  const what = stream === 'output' ? 'Standard output' : 'Standard error';
  return {
    inherit:
      stream === 'output'
        ? 'Standard output goes wherever standard input points; the default only when standard input is a terminal, socket or named descriptor.'
        : 'Standard error goes wherever standard output goes. The default (through DefaultStandardError=).',
    null: `${what} is /dev/null: everything written there is discarded.`,
    tty: `${what} is written to the terminal named by TTYPath=, without the process taking control of it.`,
    kmsg: `${what} goes to the journal and is also forwarded to the kernel log buffer (dmesg).`,
    'kmsg+console': `${what} goes to the journal and the kernel log buffer, and is also copied to the system console.`,
    journal:
      `${what} goes to the journal, and through it to any syslog daemon.` +
      (stream === 'output' ? ' The usual default (through DefaultStandardOutput=).' : ''),
    'journal+console': `${what} goes to the journal and is also copied to the system console.`,
    socket: `${what} is the connection or socket that triggered activation (inetd style).`,
    fd: `${what} is the file descriptor named "${fdName}" from a socket unit listed in Sockets=; the same as fd:${fdName}.`,
    file: 'Bare spelling of the file:PATH form: on its own it names no file, so write file:/absolute/path.',
    append: 'Bare spelling of the append:PATH form: on its own it names no file, so write append:/absolute/path.',
    truncate: 'Bare spelling of the truncate:PATH form: on its own it names no file, so write truncate:/absolute/path.',
    'fd:NAME': `${what} is the file descriptor called NAME (FileDescriptorName=) from a socket unit listed in Sockets=; the first match wins.`,
    'file:PATH': `${what} is written to the absolute PATH, created if missing and opened at its start without truncation, so old content is overwritten in place.` + MANAGER_OPENS,
    'append:PATH': `${what} is appended to the absolute PATH, created if missing; the usual choice for a plain log file.` + MANAGER_OPENS,
    'truncate:PATH': `${what} is written to the absolute PATH after emptying it; the file is reopened, and emptied again, for every command line of the unit (ExecStartPre=, ExecStart=, ...).`,
  };
}

// ---------------------------------------------------------------------------
// Architectures (ConditionArchitecture=, Personality=, SystemCallArchitectures=)

const architectures: ValueDocs = {
  native: 'The architecture the service manager itself was built for.',
  arm64: '64-bit ARM (AArch64), little-endian.',
  'arm64-be': '64-bit ARM (AArch64), big-endian.',
  arm: '32-bit ARM, little-endian.',
  'arm-be': '32-bit ARM, big-endian.',
  alpha: 'DEC Alpha (64-bit).',
  arc: 'Synopsys ARC, little-endian.',
  'arc-be': 'Synopsys ARC, big-endian.',
  cris: 'Axis CRIS.',
  'x86-64': '64-bit x86 (x86_64, amd64).',
  x86: '32-bit x86 (i386 to i686).',
  ia64: 'Intel Itanium (IA-64).',
  loongarch64: '64-bit LoongArch.',
  m68k: 'Motorola 68000 family (32-bit).',
  'mips64-le': '64-bit MIPS, little-endian.',
  mips64: '64-bit MIPS, big-endian.',
  'mips-le': '32-bit MIPS, little-endian.',
  mips: '32-bit MIPS, big-endian.',
  nios2: 'Intel (Altera) Nios II soft processor.',
  parisc64: '64-bit HP PA-RISC.',
  parisc: '32-bit HP PA-RISC.',
  'ppc64-le': '64-bit PowerPC, little-endian (ppc64el).',
  ppc64: '64-bit PowerPC, big-endian.',
  ppc: '32-bit PowerPC, big-endian.',
  'ppc-le': '32-bit PowerPC, little-endian.',
  riscv32: '32-bit RISC-V.',
  riscv64: '64-bit RISC-V.',
  s390x: '64-bit IBM Z (s390x).',
  s390: '31-bit IBM S/390.',
  sh64: '64-bit SuperH.',
  sh: '32-bit SuperH.',
  sparc64: '64-bit SPARC.',
  sparc: '32-bit SPARC.',
  tilegx: 'Tilera TILE-Gx.',
};

function pick(table: ValueDocs, names: readonly string[], wrap: (doc: string) => string = (d) => d): ValueDocs {
  return Object.fromEntries(names.map((n) => [n, wrap(table[n] ?? n)]));
}

const personalities: ValueDocs = pick(
  architectures,
  [
    'arm64', 'arm64-be', 'arm', 'arm-be', 'alpha', 'arc', 'arc-be', 'cris', 'x86-64', 'x86', 'ia64',
    'loongarch64', 'm68k', 'mips64-le', 'mips64', 'mips-le', 'mips', 'nios2', 'parisc64', 'parisc',
    'ppc64-le', 'ppc64', 'ppc', 'ppc-le', 'riscv32', 'riscv64', 's390x', 's390', 'sh64', 'sh',
    'sparc64', 'sparc', 'tilegx',
  ],
  (d) => `The unit's processes see this machine type in uname(): ${d}`,
);
// Sharper wording where the personality is actually useful: a 32-bit userland on a 64-bit kernel.
const personalityOverrides: ValueDocs = {
  x86: "The unit's processes see 32-bit x86 (i686) in uname(); for 32-bit software on an x86-64 host.",
  'x86-64': "The unit's processes see 64-bit x86 (x86_64) in uname(), the native personality of an x86-64 host.",
  arm: "The unit's processes see 32-bit ARM in uname(); for 32-bit software on a 64-bit ARM host.",
  ppc: "The unit's processes see 32-bit PowerPC in uname(); for 32-bit software on a big-endian ppc64 host.",
  s390: "The unit's processes see 31-bit S/390 in uname(); for 31-bit software on an s390x host.",
};

const syscallArchitectures: ValueDocs = {
  native: 'Only the ABI the service manager was built for. The usual hardening value: it shuts out secondary ABIs (such as 32-bit x86 calls on x86-64) that could be used to slip past a system call filter.',
  x86: 'System calls of the 32-bit x86 (i386) ABI.',
  'x86-64': 'System calls of the 64-bit x86-64 ABI.',
  x32: 'System calls of the x32 ABI (x86-64 with 32-bit pointers); for this setting it also covers the x86-64 calls.',
  arm: 'System calls of the 32-bit ARM ABI.',
  arm64: 'System calls of the 64-bit ARM (AArch64) ABI.',
  loongarch64: 'System calls of the 64-bit LoongArch ABI.',
  mips: 'System calls of the 32-bit MIPS o32 ABI, big-endian.',
  mips64: 'System calls of the 64-bit MIPS n64 ABI, big-endian.',
  'mips64-n32': 'System calls of the MIPS n32 ABI (64-bit registers, 32-bit pointers), big-endian.',
  'mips-le': 'System calls of the 32-bit MIPS o32 ABI, little-endian.',
  'mips64-le': 'System calls of the 64-bit MIPS n64 ABI, little-endian.',
  'mips64-le-n32': 'System calls of the MIPS n32 ABI (64-bit registers, 32-bit pointers), little-endian.',
  parisc: 'System calls of the 32-bit PA-RISC ABI.',
  parisc64: 'System calls of the 64-bit PA-RISC ABI.',
  ppc: 'System calls of the 32-bit PowerPC ABI.',
  ppc64: 'System calls of the 64-bit PowerPC ABI, big-endian.',
  'ppc64-le': 'System calls of the 64-bit PowerPC ABI, little-endian.',
  riscv64: 'System calls of the 64-bit RISC-V ABI.',
  s390: 'System calls of the 31-bit S/390 ABI.',
  s390x: 'System calls of the 64-bit IBM Z (s390x) ABI.',
};

// ---------------------------------------------------------------------------
// Virtualization, security technology and firmware checks (Condition…= / Assert…=)

const virtualization: ValueDocs = {
  yes: 'Any virtualized environment at all, virtual machine or container.',
  no: 'Not virtualized: bare metal, outside any virtual machine or container.',
  vm: 'Any virtual machine (hardware virtualization), whichever hypervisor.',
  container: 'Any container (operating-system-level virtualization), whichever implementation.',
  'private-users': 'Running inside a user namespace (UIDs/GIDs mapped differently from the host).',
  kvm: 'Linux KVM hypervisor.',
  amazon: 'Amazon EC2 (Nitro) virtual machine.',
  qemu: 'QEMU emulation without KVM acceleration.',
  bochs: 'Bochs emulator.',
  xen: 'Xen hypervisor (guest domain).',
  uml: 'User-mode Linux.',
  vmware: 'VMware hypervisor.',
  oracle: 'Oracle VirtualBox.',
  microsoft: 'Microsoft Hyper-V.',
  zvm: 'IBM z/VM.',
  parallels: 'Parallels virtual machine.',
  bhyve: 'bhyve, the FreeBSD hypervisor.',
  qnx: 'QNX hypervisor.',
  acrn: 'ACRN hypervisor.',
  powervm: 'IBM PowerVM.',
  apple: 'Apple Virtualization framework (macOS host).',
  sre: 'LMHS SRE hypervisor.',
  google: 'Google Compute Engine virtual machine.',
  'vm-other': 'A virtual machine of a kind not identified more precisely.',
  'systemd-nspawn': 'systemd-nspawn container.',
  'lxc-libvirt': "Container run by libvirt's LXC driver.",
  lxc: 'LXC container.',
  openvz: 'OpenVZ/Virtuozzo container.',
  docker: 'Docker container.',
  podman: 'Podman container.',
  rkt: 'rkt container.',
  wsl: 'Windows Subsystem for Linux.',
  proot: 'proot user-space chroot emulation.',
  pouch: 'Pouch container.',
  'container-other': 'A container of a kind not identified more precisely.',
};

const securityTechnologies: ValueDocs = {
  selinux: 'SELinux mandatory access control is enabled.',
  smack: 'SMACK mandatory access control is enabled.',
  apparmor: 'AppArmor mandatory access control is enabled.',
  audit: 'The Linux audit framework is available and enabled.',
  ima: 'The Integrity Measurement Architecture (IMA) is active.',
  tomoyo: 'TOMOYO mandatory access control is enabled.',
  'uefi-secureboot': 'The system was booted with UEFI Secure Boot enabled.',
  tpm2: 'A TPM 2.0 chip is present and fully supported by the firmware (UEFI with the TCG PC Client profile).',
  cvm: 'The system runs as a confidential virtual machine (for example AMD SEV or Intel TDX).',
  'measured-uki': 'The system was booted from a unified kernel image that measured itself into TPM PCR 11.',
  'measured-os': 'Operating-system TPM measurements are enabled: normally when booted from a measured UKI, or when forced with systemd.tpm2_measured_os= on the kernel command line.',
};

const firmware: ValueDocs = {
  uefi: 'The system booted through UEFI firmware.',
  'device-tree': 'The hardware is described by a device tree (common on ARM and other embedded boards).',
  'device-tree-compatible(VALUE)': 'The device tree declares compatibility with VALUE, a board or SoC identifier such as a vendor,model string.',
  'smbios-field(FIELD OP VALUE)': 'An SMBIOS/DMI field (a file name under /sys/class/dmi/id/, e.g. board_vendor) compared with VALUE: OP is <, <=, ==, <>, >= or > for version order, = or != for exact text, $= or !$= for a shell glob.',
};

// ---------------------------------------------------------------------------
// Namespaces (RestrictNamespaces=, DelegateNamespaces=)

const namespaceKinds: ValueDocs = {
  cgroup: 'cgroup namespaces (a private view of the control group tree)',
  ipc: 'IPC namespaces (System V IPC objects and POSIX message queues)',
  net: 'network namespaces (interfaces, addresses, routes, firewall rules)',
  mnt: 'mount namespaces (the file system layout)',
  pid: 'PID namespaces (process numbering and visibility)',
  user: 'user namespaces (UID/GID mappings and capabilities inside them)',
  uts: 'UTS namespaces (host name and domain name)',
  time: 'time namespaces (offsets for the monotonic and boot clocks)',
};

const restrictNamespaces: ValueDocs = {
  ...Object.fromEntries(
    Object.entries(namespaceKinds).map(([name, kind]) => [
      name,
      name === 'user'
        ? `Lets the processes create or join ${kind}; in a ~ list, forbids it. Leave it out unless needed: unprivileged user namespaces open up much kernel attack surface.`
        : `Lets the processes create or join ${kind}; in a ~ list, forbids it.`,
    ]),
  ),
  yes: 'Forbids creating or joining any kind of namespace; the strictest choice.',
  no: 'No restriction on namespaces. The default.',
};

const delegateNamespaces: ValueDocs = {
  ...Object.fromEntries(
    Object.entries(namespaceKinds).map(([name, kind]) => {
      if (name === 'user') {
        return [name, 'Accepted in the list, but a user namespace cannot be owned by itself, so listing it changes nothing.'];
      }
      if (name === 'time') {
        return [name, 'Accepted in the list, but the sandbox settings do not create a time namespace, so there is normally nothing to hand over.'];
      }
      return [
        name,
        `${kind.charAt(0).toUpperCase() + kind.slice(1)} created for the unit's sandbox are owned by its user namespace, so its processes can manage them; in a ~ list, they are not.`,
      ];
    }),
  ),
  yes: "Every namespace created for the unit's sandbox (other than the user namespace) is owned by the unit's user namespace; implies PrivateUsers=self unless PrivateUsers= is set.",
  no: "No namespace is handed over to the unit's user namespace. The default.",
};

// ---------------------------------------------------------------------------
// Pressure watching (MemoryPressureWatch=, CPUPressureWatch=, IOPressureWatch=)

function pressureWatch(kind: 'memory' | 'CPU' | 'IO', file: string, env: string, autoWhen: string): ValueDocs {
  return {
    no: `Signals the service to ignore ${kind} pressure by setting $${env} to /dev/null.`,
    yes: `Makes the cgroup's ${file} file readable and writable by the service's user and points $${env} at it, so the service can react to ${kind} pressure.`,
    auto: `Behaves like yes when ${autoWhen}, otherwise like no.`,
    skip: 'Neither enables nor disables the protocol: the environment variables are not set at all.',
  };
}

// ---------------------------------------------------------------------------
// BPF token delegation (BPFDelegateCommands=, …Maps=, …Programs=, …Attachments=)

const bpfCommands: ValueDocs = {
  BPFMapCreate: 'Create a map (BPF_MAP_CREATE).',
  BPFMapLookupElem: 'Read one map element (BPF_MAP_LOOKUP_ELEM).',
  BPFMapUpdateElem: 'Create or update one map element (BPF_MAP_UPDATE_ELEM).',
  BPFMapDeleteElem: 'Delete one map element (BPF_MAP_DELETE_ELEM).',
  BPFMapGetNextKey: 'Iterate over the keys of a map (BPF_MAP_GET_NEXT_KEY).',
  BPFProgLoad: 'Load a program into the kernel after verification (BPF_PROG_LOAD).',
  BPFObjPin: 'Pin a program, map or link in the BPF file system (BPF_OBJ_PIN).',
  BPFObjGet: 'Open an object pinned in the BPF file system (BPF_OBJ_GET).',
  BPFProgAttach: 'Attach a program to a hook such as a cgroup or sockmap (BPF_PROG_ATTACH).',
  BPFProgDetach: 'Detach a program from a hook (BPF_PROG_DETACH).',
  BPFProgTestRun: 'Run a program against test input (BPF_PROG_TEST_RUN).',
  BPFProgGetNextId: 'Enumerate the IDs of loaded programs (BPF_PROG_GET_NEXT_ID).',
  BPFMapGetNextId: 'Enumerate the IDs of existing maps (BPF_MAP_GET_NEXT_ID).',
  BPFProgGetFdById: 'Open a program by its ID (BPF_PROG_GET_FD_BY_ID).',
  BPFMapGetFdById: 'Open a map by its ID (BPF_MAP_GET_FD_BY_ID).',
  BPFObjGetInfoByFd: 'Query details of a program, map, BTF object or link (BPF_OBJ_GET_INFO_BY_FD).',
  BPFProgQuery: 'List the programs attached to a hook (BPF_PROG_QUERY).',
  BPFRawTracepointOpen: 'Attach a program to a raw tracepoint (BPF_RAW_TRACEPOINT_OPEN).',
  BPFBtfLoad: 'Load BTF type information (BPF_BTF_LOAD).',
  BPFBtfGetFdById: 'Open a BTF object by its ID (BPF_BTF_GET_FD_BY_ID).',
  BPFTaskFdQuery: "Find out which program is attached through a task's file descriptor (BPF_TASK_FD_QUERY).",
  BPFMapLookupAndDeleteElem: 'Read and remove one element, e.g. pop from a queue or stack map (BPF_MAP_LOOKUP_AND_DELETE_ELEM).',
  BPFMapFreeze: 'Make a map read-only for user space (BPF_MAP_FREEZE).',
  BPFBtfGetNextId: 'Enumerate the IDs of BTF objects (BPF_BTF_GET_NEXT_ID).',
  BPFMapLookupBatch: 'Read many map elements in one call (BPF_MAP_LOOKUP_BATCH).',
  BPFMapLookupAndDeleteBatch: 'Read and remove many map elements in one call (BPF_MAP_LOOKUP_AND_DELETE_BATCH).',
  BPFMapUpdateBatch: 'Update many map elements in one call (BPF_MAP_UPDATE_BATCH).',
  BPFMapDeleteBatch: 'Delete many map elements in one call (BPF_MAP_DELETE_BATCH).',
  BPFLinkCreate: 'Attach a program through a BPF link (BPF_LINK_CREATE).',
  BPFLinkUpdate: 'Swap the program behind an existing link (BPF_LINK_UPDATE).',
  BPFLinkGetFdById: 'Open a link by its ID (BPF_LINK_GET_FD_BY_ID).',
  BPFLinkGetNextId: 'Enumerate the IDs of links (BPF_LINK_GET_NEXT_ID).',
  BPFEnableStats: 'Turn on system-wide run-time statistics for programs (BPF_ENABLE_STATS).',
  BPFIterCreate: 'Create a BPF iterator from an iterator link (BPF_ITER_CREATE).',
  BPFLinkDetach: 'Force a link to detach its program (BPF_LINK_DETACH).',
  BPFProgBindMap: "Bind a map to a program for the program's lifetime (BPF_PROG_BIND_MAP).",
  BPFTokenCreate: 'Create a BPF token from a delegating BPF file system mount (BPF_TOKEN_CREATE).',
  BPFProgStreamReadByFd: 'Read the output streams a program writes to (BPF_PROG_STREAM_READ_BY_FD).',
  BPFProgAssocStructOps: 'Associate a program with a struct_ops map (BPF_PROG_ASSOC_STRUCT_OPS).',
};

const bpfMapTypes: ValueDocs = {
  BPFMapTypeUnspec: 'Unspecified map type (BPF_MAP_TYPE_UNSPEC, value 0).',
  BPFMapTypeHash: 'Hash table (BPF_MAP_TYPE_HASH).',
  BPFMapTypeArray: 'Fixed-size array (BPF_MAP_TYPE_ARRAY).',
  BPFMapTypeProgArray: 'Array of programs for tail calls (BPF_MAP_TYPE_PROG_ARRAY).',
  BPFMapTypePerfEventArray: 'Perf event ring buffers, one per CPU (BPF_MAP_TYPE_PERF_EVENT_ARRAY).',
  BPFMapTypePercpuHash: 'Hash table with a value per CPU (BPF_MAP_TYPE_PERCPU_HASH).',
  BPFMapTypePercpuArray: 'Array with a value per CPU (BPF_MAP_TYPE_PERCPU_ARRAY).',
  BPFMapTypeStackTrace: 'Stack traces collected by programs (BPF_MAP_TYPE_STACK_TRACE).',
  BPFMapTypeCgroupArray: 'Array of cgroup references (BPF_MAP_TYPE_CGROUP_ARRAY).',
  BPFMapTypeLruHash: 'Hash table that evicts least recently used entries (BPF_MAP_TYPE_LRU_HASH).',
  BPFMapTypeLruPercpuHash: 'Per-CPU hash table with LRU eviction (BPF_MAP_TYPE_LRU_PERCPU_HASH).',
  BPFMapTypeLpmTrie: 'Longest-prefix-match trie, e.g. for IP prefixes (BPF_MAP_TYPE_LPM_TRIE).',
  BPFMapTypeArrayOfMaps: 'Array whose values are other maps (BPF_MAP_TYPE_ARRAY_OF_MAPS).',
  BPFMapTypeHashOfMaps: 'Hash table whose values are other maps (BPF_MAP_TYPE_HASH_OF_MAPS).',
  BPFMapTypeDevmap: 'Network devices for XDP redirects, indexed by slot (BPF_MAP_TYPE_DEVMAP).',
  BPFMapTypeSockmap: 'Sockets for redirecting traffic between them, indexed by slot (BPF_MAP_TYPE_SOCKMAP).',
  BPFMapTypeCpumap: 'CPUs to which XDP redirects packets (BPF_MAP_TYPE_CPUMAP).',
  BPFMapTypeXskmap: 'AF_XDP sockets for XDP redirects (BPF_MAP_TYPE_XSKMAP).',
  BPFMapTypeSockhash: 'Sockets for redirecting traffic, keyed by hash (BPF_MAP_TYPE_SOCKHASH).',
  BPFMapTypeCgroupStorageDeprecated: 'Legacy per-cgroup storage (BPF_MAP_TYPE_CGROUP_STORAGE, superseded by cgroup local storage).',
  BPFMapTypeReuseportSockarray: 'Sockets for SO_REUSEPORT selection programs (BPF_MAP_TYPE_REUSEPORT_SOCKARRAY).',
  BPFMapTypePercpuCgroupStorageDeprecated: 'Legacy per-CPU per-cgroup storage (BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE).',
  BPFMapTypeQueue: 'FIFO queue (BPF_MAP_TYPE_QUEUE).',
  BPFMapTypeStack: 'LIFO stack (BPF_MAP_TYPE_STACK).',
  BPFMapTypeSkStorage: 'Storage attached to each socket (BPF_MAP_TYPE_SK_STORAGE).',
  BPFMapTypeDevmapHash: 'Network devices for XDP redirects, keyed by hash (BPF_MAP_TYPE_DEVMAP_HASH).',
  BPFMapTypeStructOps: 'Kernel operation tables implemented in BPF, e.g. TCP congestion control (BPF_MAP_TYPE_STRUCT_OPS).',
  BPFMapTypeRingbuf: 'Ring buffer shared by all CPUs for sending data to user space (BPF_MAP_TYPE_RINGBUF).',
  BPFMapTypeInodeStorage: 'Storage attached to each inode, used by BPF LSM programs (BPF_MAP_TYPE_INODE_STORAGE).',
  BPFMapTypeTaskStorage: 'Storage attached to each task (BPF_MAP_TYPE_TASK_STORAGE).',
  BPFMapTypeBloomFilter: 'Bloom filter for fast membership tests (BPF_MAP_TYPE_BLOOM_FILTER).',
  BPFMapTypeUserRingbuf: 'Ring buffer through which user space sends data to programs (BPF_MAP_TYPE_USER_RINGBUF).',
  BPFMapTypeCgrpStorage: 'Storage attached to each cgroup (BPF_MAP_TYPE_CGRP_STORAGE).',
  BPFMapTypeArena: 'Memory region shared between programs and user space (BPF_MAP_TYPE_ARENA).',
  BPFMapTypeInsnArray: 'Array of instruction offsets, used as jump tables for indirect jumps (BPF_MAP_TYPE_INSN_ARRAY).',
  BPFMapTypeRhash: 'Resizable hash table (BPF_MAP_TYPE_RHASH).',
};

const bpfProgramTypes: ValueDocs = {
  BPFProgTypeUnspec: 'Unspecified program type (BPF_PROG_TYPE_UNSPEC, value 0).',
  BPFProgTypeSocketFilter: 'Socket filters that inspect or drop packets on a socket (BPF_PROG_TYPE_SOCKET_FILTER).',
  BPFProgTypeKprobe: 'Programs on kernel probes and user probes (BPF_PROG_TYPE_KPROBE).',
  BPFProgTypeSchedCls: 'Traffic control classifiers, i.e. tc BPF programs (BPF_PROG_TYPE_SCHED_CLS).',
  BPFProgTypeSchedAct: 'Traffic control actions (BPF_PROG_TYPE_SCHED_ACT).',
  BPFProgTypeTracepoint: 'Programs on kernel tracepoints (BPF_PROG_TYPE_TRACEPOINT).',
  BPFProgTypeXdp: 'XDP programs that process packets in the network driver (BPF_PROG_TYPE_XDP).',
  BPFProgTypePerfEvent: 'Programs on perf events such as sampling (BPF_PROG_TYPE_PERF_EVENT).',
  BPFProgTypeCgroupSkb: 'Per-cgroup packet filters on ingress and egress (BPF_PROG_TYPE_CGROUP_SKB).',
  BPFProgTypeCgroupSock: 'Per-cgroup hooks on socket creation and release (BPF_PROG_TYPE_CGROUP_SOCK).',
  BPFProgTypeLwtIn: 'Lightweight tunnel programs on input (BPF_PROG_TYPE_LWT_IN).',
  BPFProgTypeLwtOut: 'Lightweight tunnel programs on output (BPF_PROG_TYPE_LWT_OUT).',
  BPFProgTypeLwtXmit: 'Lightweight tunnel programs on transmit (BPF_PROG_TYPE_LWT_XMIT).',
  BPFProgTypeSockOps: 'Programs on TCP socket events, e.g. to tune connections (BPF_PROG_TYPE_SOCK_OPS).',
  BPFProgTypeSkSkb: 'Stream parser and verdict programs for sockmap (BPF_PROG_TYPE_SK_SKB).',
  BPFProgTypeCgroupDevice: 'Per-cgroup device access control (BPF_PROG_TYPE_CGROUP_DEVICE).',
  BPFProgTypeSkMsg: 'Verdict programs for messages sent on sockmap sockets (BPF_PROG_TYPE_SK_MSG).',
  BPFProgTypeRawTracepoint: 'Programs on raw tracepoints (BPF_PROG_TYPE_RAW_TRACEPOINT).',
  BPFProgTypeCgroupSockAddr: 'Per-cgroup hooks on bind, connect, sendmsg and similar socket calls (BPF_PROG_TYPE_CGROUP_SOCK_ADDR).',
  BPFProgTypeLwtSeg6local: 'SRv6 local processing programs (BPF_PROG_TYPE_LWT_SEG6LOCAL).',
  BPFProgTypeLircMode2: 'Infrared remote-control decoders (BPF_PROG_TYPE_LIRC_MODE2).',
  BPFProgTypeSkReuseport: 'Socket selection for SO_REUSEPORT groups (BPF_PROG_TYPE_SK_REUSEPORT).',
  BPFProgTypeFlowDissector: 'Custom packet flow dissectors (BPF_PROG_TYPE_FLOW_DISSECTOR).',
  BPFProgTypeCgroupSysctl: 'Per-cgroup control of sysctl reads and writes (BPF_PROG_TYPE_CGROUP_SYSCTL).',
  BPFProgTypeRawTracepointWritable: 'Raw tracepoint programs that may write to the tracepoint arguments (BPF_PROG_TYPE_RAW_TRACEPOINT_WRITABLE).',
  BPFProgTypeCgroupSockopt: 'Per-cgroup hooks on getsockopt and setsockopt (BPF_PROG_TYPE_CGROUP_SOCKOPT).',
  BPFProgTypeTracing: 'fentry/fexit, fmod_ret and iterator programs (BPF_PROG_TYPE_TRACING).',
  BPFProgTypeStructOps: 'Implementations of kernel operation tables (BPF_PROG_TYPE_STRUCT_OPS).',
  BPFProgTypeExt: 'Extension programs that replace functions of other programs (BPF_PROG_TYPE_EXT).',
  BPFProgTypeLsm: 'Linux security module hooks in BPF (BPF_PROG_TYPE_LSM).',
  BPFProgTypeSkLookup: 'Programs that pick the socket for an incoming connection (BPF_PROG_TYPE_SK_LOOKUP).',
  BPFProgTypeNetfilter: 'Netfilter hook programs (BPF_PROG_TYPE_NETFILTER).',
};

const bpfAttachTypes: ValueDocs = {
  BPFCgroupInetIngress: 'cgroup hook on incoming IP packets (BPF_CGROUP_INET_INGRESS).',
  BPFCgroupInetEgress: 'cgroup hook on outgoing IP packets (BPF_CGROUP_INET_EGRESS).',
  BPFCgroupInetSockCreate: 'cgroup hook on IP socket creation (BPF_CGROUP_INET_SOCK_CREATE).',
  BPFCgroupSockOps: 'cgroup hook on TCP socket events (BPF_CGROUP_SOCK_OPS).',
  BPFSkSkbStreamParser: 'sockmap stream parser (BPF_SK_SKB_STREAM_PARSER).',
  BPFSkSkbStreamVerdict: 'sockmap stream verdict (BPF_SK_SKB_STREAM_VERDICT).',
  BPFCgroupDevice: 'cgroup device access check (BPF_CGROUP_DEVICE).',
  BPFSkMsgVerdict: 'sockmap message verdict (BPF_SK_MSG_VERDICT).',
  BPFCgroupInet4Bind: 'cgroup hook on IPv4 bind() (BPF_CGROUP_INET4_BIND).',
  BPFCgroupInet6Bind: 'cgroup hook on IPv6 bind() (BPF_CGROUP_INET6_BIND).',
  BPFCgroupInet4Connect: 'cgroup hook on IPv4 connect() (BPF_CGROUP_INET4_CONNECT).',
  BPFCgroupInet6Connect: 'cgroup hook on IPv6 connect() (BPF_CGROUP_INET6_CONNECT).',
  BPFCgroupInet4PostBind: 'cgroup hook after an IPv4 bind() (BPF_CGROUP_INET4_POST_BIND).',
  BPFCgroupInet6PostBind: 'cgroup hook after an IPv6 bind() (BPF_CGROUP_INET6_POST_BIND).',
  BPFCgroupUdp4Sendmsg: 'cgroup hook on UDP/IPv4 sendmsg() (BPF_CGROUP_UDP4_SENDMSG).',
  BPFCgroupUdp6Sendmsg: 'cgroup hook on UDP/IPv6 sendmsg() (BPF_CGROUP_UDP6_SENDMSG).',
  BPFLircMode2: 'Infrared remote-control decoder (BPF_LIRC_MODE2).',
  BPFFlowDissector: 'Flow dissector of a network namespace (BPF_FLOW_DISSECTOR).',
  BPFCgroupSysctl: 'cgroup hook on sysctl access (BPF_CGROUP_SYSCTL).',
  BPFCgroupUdp4Recvmsg: 'cgroup hook on UDP/IPv4 recvmsg() (BPF_CGROUP_UDP4_RECVMSG).',
  BPFCgroupUdp6Recvmsg: 'cgroup hook on UDP/IPv6 recvmsg() (BPF_CGROUP_UDP6_RECVMSG).',
  BPFCgroupGetsockopt: 'cgroup hook on getsockopt() (BPF_CGROUP_GETSOCKOPT).',
  BPFCgroupSetsockopt: 'cgroup hook on setsockopt() (BPF_CGROUP_SETSOCKOPT).',
  BPFTraceRawTp: 'BTF-enabled raw tracepoint (BPF_TRACE_RAW_TP).',
  BPFTraceFentry: 'Entry of a kernel function (BPF_TRACE_FENTRY).',
  BPFTraceFexit: 'Exit of a kernel function (BPF_TRACE_FEXIT).',
  BPFModifyReturn: "Override of a kernel function's return value (BPF_MODIFY_RETURN).",
  BPFLsmMac: 'BPF LSM security hook (BPF_LSM_MAC).',
  BPFTraceIter: 'BPF iterator (BPF_TRACE_ITER).',
  BPFCgroupInet4Getpeername: 'cgroup hook on IPv4 getpeername() (BPF_CGROUP_INET4_GETPEERNAME).',
  BPFCgroupInet6Getpeername: 'cgroup hook on IPv6 getpeername() (BPF_CGROUP_INET6_GETPEERNAME).',
  BPFCgroupInet4Getsockname: 'cgroup hook on IPv4 getsockname() (BPF_CGROUP_INET4_GETSOCKNAME).',
  BPFCgroupInet6Getsockname: 'cgroup hook on IPv6 getsockname() (BPF_CGROUP_INET6_GETSOCKNAME).',
  BPFXdpDevmap: 'XDP program run on a devmap redirect target (BPF_XDP_DEVMAP).',
  BPFCgroupInetSockRelease: 'cgroup hook on IP socket release (BPF_CGROUP_INET_SOCK_RELEASE).',
  BPFXdpCpumap: 'XDP program run on a cpumap redirect target (BPF_XDP_CPUMAP).',
  BPFSkLookup: 'Socket lookup for incoming connections (BPF_SK_LOOKUP).',
  BPFXdp: 'XDP on a network device (BPF_XDP).',
  BPFSkSkbVerdict: 'sockmap verdict for stream and datagram sockets (BPF_SK_SKB_VERDICT).',
  BPFSkReuseportSelect: 'SO_REUSEPORT socket selection (BPF_SK_REUSEPORT_SELECT).',
  BPFSkReuseportSelectOrMigrate: 'SO_REUSEPORT selection, including migration of requests from closing sockets (BPF_SK_REUSEPORT_SELECT_OR_MIGRATE).',
  BPFPerfEvent: 'perf event (BPF_PERF_EVENT).',
  BPFTraceKprobeMulti: 'Many kernel probes attached at once (BPF_TRACE_KPROBE_MULTI).',
  BPFLsmCgroup: 'BPF LSM hook scoped to a cgroup (BPF_LSM_CGROUP).',
  BPFStructOps: 'struct_ops link (BPF_STRUCT_OPS).',
  BPFNetfilter: 'Netfilter hook (BPF_NETFILTER).',
  BPFTcxIngress: 'tcx ingress hook on a network device (BPF_TCX_INGRESS).',
  BPFTcxEgress: 'tcx egress hook on a network device (BPF_TCX_EGRESS).',
  BPFTraceUprobeMulti: 'Many user-space probes attached at once (BPF_TRACE_UPROBE_MULTI).',
  BPFCgroupUnixConnect: 'cgroup hook on AF_UNIX connect() (BPF_CGROUP_UNIX_CONNECT).',
  BPFCgroupUnixSendmsg: 'cgroup hook on AF_UNIX sendmsg() (BPF_CGROUP_UNIX_SENDMSG).',
  BPFCgroupUnixRecvmsg: 'cgroup hook on AF_UNIX recvmsg() (BPF_CGROUP_UNIX_RECVMSG).',
  BPFCgroupUnixGetpeername: 'cgroup hook on AF_UNIX getpeername() (BPF_CGROUP_UNIX_GETPEERNAME).',
  BPFCgroupUnixGetsockname: 'cgroup hook on AF_UNIX getsockname() (BPF_CGROUP_UNIX_GETSOCKNAME).',
  BPFNetkitPrimary: 'Primary side of a netkit device pair (BPF_NETKIT_PRIMARY).',
  BPFNetkitPeer: 'Peer side of a netkit device pair (BPF_NETKIT_PEER).',
  BPFTraceKprobeSession: 'Kernel probe session covering entry and return (BPF_TRACE_KPROBE_SESSION).',
  BPFTraceUprobeSession: 'User-space probe session covering entry and return (BPF_TRACE_UPROBE_SESSION).',
  BPFTraceFsession: 'Kernel function session covering entry and exit (BPF_TRACE_FSESSION).',
  BPFTraceFentryMulti: 'Entry of many kernel functions at once (BPF_TRACE_FENTRY_MULTI).',
  BPFTraceFexitMulti: 'Exit of many kernel functions at once (BPF_TRACE_FEXIT_MULTI).',
  BPFTraceFsessionMulti: 'Entry-and-exit session on many kernel functions at once (BPF_TRACE_FSESSION_MULTI).',
};

// ---------------------------------------------------------------------------
// The table

export const enumValueDocs: Readonly<Record<string, ValueDocs>> = {
  // [Unit]

  OnSuccessJobMode: jobModes('fail'),
  OnFailureJobMode: jobModes('replace'),
  JobTimeoutAction: emergencyActions,
  StartLimitAction: emergencyActions,
  FailureAction: emergencyActions,
  SuccessAction: emergencyActions,
  CollectMode: {
    inactive: 'The unit is unloaded once it is inactive and nothing references it, but a failed unit stays loaded (with its results) until its failed state is reset. The default.',
    'inactive-or-failed': 'The unit is unloaded even when it failed, so no reset-failed is needed; its exit code and other results are discarded right away, except what reached the logs.',
  },
  ConditionArchitecture: architectures,
  AssertArchitecture: architectures,
  ConditionVirtualization: virtualization,
  AssertVirtualization: virtualization,
  ConditionSecurity: securityTechnologies,
  AssertSecurity: securityTechnologies,
  ConditionFirmware: firmware,
  AssertFirmware: firmware,

  // [Service]

  TimeoutStartFailureMode: timeoutFailureModes,
  TimeoutStopFailureMode: timeoutFailureModes,
  Type: {
    simple: 'The service counts as started as soon as the main process has been forked, before the program is even executed; a missing binary or user is not reported as a start failure. The default when ExecStart= is set without BusName=.',
    exec: 'The service counts as started once the program has been executed successfully, so launch errors (missing binary, unknown user) make the start fail. Usually a better choice than simple.',
    forking: 'For traditional daemons that fork into the background: started when the initial process exits, leaving the child as main process. Set PIDFile= so the main process is tracked reliably.',
    oneshot: 'For tasks that run to completion: the unit counts as started only after the main process has exited, and several ExecStart= lines are allowed. Add RemainAfterExit=yes to keep it shown as active.',
    dbus: 'Started once the service has taken the D-Bus name set in BusName=; stopped when it gives the name up. The default when BusName= is set.',
    notify: 'Started when the service reports READY=1 through sd_notify(); the program must support the notification protocol. Gives the most accurate start-up ordering.',
    'notify-reload': 'Like notify, and reloading sends the reload signal (SIGHUP by default) and waits for the service to report RELOADING=1 and then READY=1, so no ExecReload= is needed.',
    idle: 'Like simple, but the program is launched only once all queued jobs have been dispatched (for at most a few seconds), to keep its console output from mixing with boot messages. Not an ordering tool.',
  },
  ExitType: {
    main: 'The service is finished when its main process exits. The default.',
    cgroup: 'The service keeps running as long as any process remains in its cgroup; for programs without a clear main process. Not allowed with Type=oneshot.',
  },
  Restart: {
    no: 'The service is never restarted automatically. The default.',
    'on-success': 'Restarted only after a clean exit: code 0, SIGHUP, SIGINT, SIGTERM or SIGPIPE (the latter four not for oneshot services), or a status listed in SuccessExitStatus=.',
    'on-failure': 'Restarted after a non-zero exit code, an unclean signal or core dump, an operation timeout, a watchdog timeout or an OOM kill. The usual choice for long-running daemons.',
    'on-abnormal': 'Restarted after an unclean signal, a timeout, a watchdog timeout or an OOM kill, but not after a non-zero exit code, so the program can still choose to stop for good.',
    'on-watchdog': 'Restarted only when the watchdog timeout (WatchdogSec=) expires.',
    'on-abort': 'Restarted only when the process was killed by a signal not counted as clean, such as a crash with SIGSEGV or SIGABRT.',
    always: 'Restarted however the service ended: clean exit, failure, signal or timeout; an explicit systemctl stop still stops it. Not allowed for oneshot services.',
  },
  RestartMode: {
    normal: 'An automatic restart passes through the failed or inactive state, so units depending on the service notice and OnFailure=/OnSuccess= run. The default.',
    direct: 'An automatic restart goes straight back to activating: dependent units are not told about the temporary failure and OnFailure=/OnSuccess= are skipped (ExecStopPost= still runs).',
    debug: 'Like normal, but while automatic restarts are being tried the manager logs about this unit at debug level and sets $DEBUG_INVOCATION=1 for it, until it succeeds or hits the rate limit.',
  },
  FileDescriptorStorePreserve: fdStorePreserve,
  NotifyAccess: {
    none: 'All sd_notify() status messages from the service are ignored. The default, unless Type=notify or WatchdogSec= switch it to main.',
    main: 'Only status messages sent by the main process are accepted.',
    exec: 'Messages from the main process and from the control processes started for Exec*= commands are accepted.',
    all: "Messages from any process in the service's cgroup are accepted; the widest setting, letting any helper process report readiness or status.",
  },
  OOMPolicy: {
    continue: "When the OOM killer (kernel or systemd-oomd) kills one of the unit's processes, this is logged and the unit keeps running.",
    stop: "When the OOM killer kills one of the unit's processes, the unit is stopped cleanly and ends in the failed (oom-kill) state, where Restart= may apply. The usual default (DefaultOOMPolicy=).",
    kill: "When the OOM killer kills one process, the kernel kills all the unit's other processes too (memory.oom.group); the unit ends failed (oom-kill), where Restart= may apply.",
  },
  RefreshOnReload: {
    extensions: 'On reload, the ExtensionImages=/ExtensionDirectories= of the service are applied afresh. The default.',
    credentials: 'On reload, credentials from LoadCredential=, ImportCredential= and SetCredential= (and their encrypted forms) are loaded afresh.',
    yes: 'On reload, both the extensions and the credentials the service uses are refreshed.',
    no: 'Nothing is refreshed on reload.',
  },

  // Exec context: scheduling and memory

  IOSchedulingClass: {
    none: 'No explicit class: the kernel derives the I/O priority from the CPU nice level, which behaves like best-effort.',
    realtime: 'The process gets disk access ahead of every other class and can starve the rest of the system; use sparingly. Priority 0 to 7 with IOSchedulingPriority=.',
    'best-effort': 'The normal class: disk time is shared by priority, 0 (highest) to 7 (lowest), 4 by default.',
    idle: 'The process gets disk time only when nothing else wants the disk; good for backups and indexing.',
  },
  CPUSchedulingPolicy: {
    other: 'The standard time-sharing policy (SCHED_OTHER); the share of CPU is tuned with Nice=. The default.',
    batch: 'Time sharing for CPU-bound, non-interactive work (SCHED_BATCH): the scheduler favours it slightly less when it wakes up.',
    idle: 'Runs only when the CPU would otherwise be idle (SCHED_IDLE), below even nice level 19.',
    fifo: 'Real-time first-in first-out (SCHED_FIFO): the process runs until it blocks or yields, ahead of all normal tasks; set CPUSchedulingPriority=. A runaway loop can monopolise a CPU.',
    ext: 'Scheduled by a BPF scheduler loaded through sched_ext (SCHED_EXT); falls back to the normal policy when none is loaded. Needs kernel support.',
    rr: 'Real-time round-robin (SCHED_RR): like fifo, but processes of equal priority take turns in time slices.',
  },
  NUMAPolicy: {
    default: 'The system default memory policy: memory comes from the node of the CPU doing the allocation.',
    preferred: 'Memory comes from the node in NUMAMask= when possible, falling back to other nodes.',
    bind: 'Memory comes only from the nodes in NUMAMask= and never spills over to other nodes, even under memory pressure.',
    interleave: 'Memory pages are spread round-robin across the nodes in NUMAMask=, evening out bandwidth.',
    local: 'Memory explicitly comes from the node of the CPU that allocates it, whatever policy was inherited.',
    'preferred-many': 'Memory comes preferably from any of the nodes in NUMAMask=, falling back to others.',
    'weighted-interleave': 'Like interleave, but pages are spread in proportion to per-node weights set under /sys/kernel/mm/mempolicy/.',
  },
  MemoryTHP: {
    inherit: 'The transparent huge page setting is inherited from the service manager; nothing is changed. The default.',
    disable: 'Transparent huge pages are switched off for the processes, whatever the system-wide setting.',
    madvise: 'Transparent huge pages are used only for memory the program asks for with madvise() (MADV_HUGEPAGE or MADV_COLLAPSE).',
    system: 'The system-wide transparent huge page policy applies again, even if the service manager had them disabled.',
  },

  // Exec context: standard I/O and logging

  StandardInput: standardInput,
  StandardOutput: outputValues('output'),
  StandardError: outputValues('error'),
  SyslogLevel: syslogLevels,
  LogLevelMax: logLevelMax,
  SyslogFacility: syslogFacilities,

  // Exec context: sandboxing

  KeyringMode: {
    inherit: "No session keyring is set up; the kernel's default behaviour applies. The default for user services and non-service units.",
    private: 'A fresh session keyring not linked to any user keyring, so services running under the same UID (root in particular) do not share keys. The default for system services and the recommended value.',
    shared: 'A fresh session keyring with the user keyring of User= linked in, so keys are shared with other units running as the same user.',
  },
  ProtectProc: {
    default: 'No restriction: /proc shows all processes as usual. The default.',
    noaccess: "Other users' /proc/PID directories stay listed but most of their contents can no longer be read (hidepid=noaccess).",
    invisible: 'Processes of other users are hidden from /proc entirely (hidepid=invisible); the recommended value for most services. Has no effect for root or with CAP_SYS_PTRACE.',
    ptraceable: 'Only processes the caller could ptrace stay visible in /proc (hidepid=ptraceable); the strictest value. Has no effect for root or with CAP_SYS_PTRACE.',
  },
  ProcSubset: {
    all: 'The complete /proc is visible. The default.',
    pid: 'Only the per-process parts of /proc remain; kernel information and tunables such as /proc/sys, /proc/meminfo or /proc/cpuinfo disappear, which breaks many programs.',
  },
  PrivateBPF: {
    no: "The host's BPF file system stays visible (read-only when ProtectKernelTunables= is on). The default.",
    yes: "A private, empty BPF file system is mounted on /sys/fs/bpf, hiding the host's pinned programs and maps; the BPFDelegate*= settings then choose what BPF features a token may grant.",
  },
  BPFDelegateCommands: bpfCommands,
  BPFDelegateMaps: bpfMapTypes,
  BPFDelegatePrograms: bpfProgramTypes,
  BPFDelegateAttachments: bpfAttachTypes,
  PrivateTmp: {
    no: "The service shares the host's /tmp and /var/tmp. The default unless DynamicUser= is on.",
    connected: "Private /tmp and /var/tmp whose storage lives in directories on the host's /tmp and /var/tmp, removed when the service stops; units can share them through JoinsNamespaceOf=. What yes means.",
    disconnected: 'Private /tmp and /var/tmp on a brand-new tmpfs, cut off from host storage and not shared even through JoinsNamespaceOf=; the more isolated choice. Implied by DynamicUser= since systemd 257.',
    yes: "Same as connected: private /tmp and /var/tmp backed by storage on the host's temporary directories.",
  },
  ProtectControlGroups: {
    no: 'The cgroup hierarchy under /sys/fs/cgroup stays writable as far as file permissions allow. The default.',
    yes: 'The whole cgroup hierarchy under /sys/fs/cgroup is read-only for the unit.',
    private: 'The unit gets its own cgroup namespace and its own writable /sys/fs/cgroup mount showing only its subtree; for services that manage sub-cgroups. Without cgroup namespace support it falls back to no.',
    strict: 'Its own cgroup namespace plus its own read-only /sys/fs/cgroup mount; the strictest value. Without cgroup namespace support it falls back to yes.',
  },
  PrivateUsers: {
    no: "No user namespace; the processes see the host's users and groups as they are. The default.",
    self: "A user namespace mapping only root and the unit's own user and group, so every other owner appears as nobody: real UID isolation. What yes means.",
    identity: 'A user namespace mapping the first 65536 UIDs/GIDs to themselves: no UID isolation, but the processes hold no capabilities on the host.',
    full: 'A user namespace mapping every UID/GID to itself and allowing setgroups(): no UID isolation, but the processes hold no capabilities on the host.',
    managed: 'A user namespace on a dynamically allocated range of 65536 UIDs/GIDs, so root inside the unit is an unprivileged high UID outside; files are ID-mapped accordingly. The most thorough isolation.',
    yes: "Same as self: only root and the unit's own user and group are mapped, everything else appears as nobody.",
  },
  PrivatePIDs: {
    no: "The service shares the host's PID namespace and sees all processes. The default.",
    yes: 'The service gets its own PID namespace, runs as PID 1 there and sees only its own processes in /proc. Not possible with Type=forking.',
  },
  ProtectSystem: {
    no: 'The operating system directories are left writable (as far as permissions allow). The default, unless DynamicUser= is on.',
    yes: '/usr and the boot loader directories (/boot, /efi) are read-only for the service; the mildest level.',
    full: 'Like yes, and /etc is read-only too, so the service cannot change system configuration.',
    strict: 'The whole file system is read-only except the API file systems /dev, /proc and /sys and paths opened up with ReadWritePaths= or the *Directory= settings; the strictest level.',
  },
  ProtectHome: {
    no: 'Home directories stay accessible. The default, unless DynamicUser= is on.',
    yes: '/home, /root and /run/user are made empty and inaccessible for the service; the strictest value.',
    'read-only': '/home, /root and /run/user stay visible but read-only.',
    tmpfs: 'Empty read-only tmpfs instances hide /home, /root and /run/user, so selected paths can be brought back with BindPaths= or BindReadOnlyPaths=.',
  },
  MountFlags: {
    shared: "Mount and unmount events propagate both ways between the unit's mount namespace and the host; other sandboxing settings cut propagation towards the host first, and shared does not restore it.",
    slave: 'The unit receives mount and unmount events from the host but its own mounts stay private to it.',
    private: 'No propagation either way; host unmounts (e.g. of removable media) never reach the unit, which can keep those file systems busy. Not recommended.',
  },
  RuntimeDirectoryPreserve: runtimeDirectoryPreserve,
  UtmpMode: {
    init: 'Only an INIT_PROCESS utmp/wtmp record is written; the program must handle the rest like a getty. The default.',
    login: 'INIT_PROCESS and LOGIN_PROCESS records are written; the program must behave like login.',
    user: 'INIT_PROCESS, LOGIN_PROCESS and USER_PROCESS records are written, so any program suitable as a session leader can run.',
  },
  ProtectHostname: {
    no: "The service shares the host's UTS namespace. The default.",
    yes: 'Own UTS namespace, and the service may not change the host name or domain name; host name changes on the system no longer reach it.',
    private: 'Own UTS namespace where the service may change the host name and domain name without affecting the system; looser than yes.',
    'private:HOSTNAME': "Like private, with the host name inside the unit's namespace set to HOSTNAME at start.",
    'yes:HOSTNAME': "Like yes, with the host name inside the unit's namespace fixed to HOSTNAME.",
  },
  SecureBits: {
    'keep-caps': 'Permitted capabilities survive a switch from UID 0 to a non-zero UID (the effective set is still cleared).',
    'keep-caps-locked': 'Locks keep-caps so the program cannot change it.',
    'no-setuid-fixup': "The kernel no longer adjusts capability sets when the process's UIDs change between 0 and non-zero.",
    'no-setuid-fixup-locked': 'Locks no-setuid-fixup so the program cannot change it.',
    noroot: 'UID 0 stops being special for capabilities: executing a program as root or a setuid-root binary no longer grants capabilities.',
    'noroot-locked': 'Locks noroot so the program cannot change it; with noroot, a strong guarantee that root status brings no capabilities.',
    'no-cap-ambient-raise': 'The process may not raise ambient capabilities.',
    'no-cap-ambient-raise-locked': 'Locks no-cap-ambient-raise so the program cannot change it.',
    'exec-restrict-file': "Asks script interpreters and dynamic linkers that honour it to run only files that pass the kernel's executability check (e.g. nothing from noexec mounts).",
    'exec-restrict-file-locked': 'Locks exec-restrict-file so the program cannot change it.',
    'exec-deny-interactive': 'Asks interpreters that honour it to refuse interactive use, such as commands typed on standard input or passed inline.',
    'exec-deny-interactive-locked': 'Locks exec-deny-interactive so the program cannot change it.',
  },
  SystemCallArchitectures: syscallArchitectures,
  Personality: { ...personalities, ...personalityOverrides },
  RestrictNamespaces: restrictNamespaces,
  DelegateNamespaces: delegateNamespaces,

  // Cgroup context

  CPUSetPartition: {
    member: 'The cgroup is an ordinary cpuset member. The kernel default.',
    root: 'The cgroup becomes a partition root: the CPUs of AllowedCPUs= belong to it and its children exclusively.',
    isolated: 'Like root, and those CPUs are also taken out of scheduler load balancing, for real-time work on dedicated CPUs.',
  },
  DevicePolicy: {
    auto: 'With no DeviceAllow= line every device is accessible; once DeviceAllow= is used it behaves like closed. The default.',
    closed: 'Only devices granted with DeviceAllow= plus basic pseudo-devices such as /dev/null, /dev/zero, /dev/full, /dev/random and /dev/urandom are accessible.',
    strict: 'Only devices granted with DeviceAllow= are accessible, not even /dev/null; the strictest value.',
  },
  ManagedOOMSwap: {
    auto: 'systemd-oomd does not watch this cgroup for swap use itself, though it may still kill it when an ancestor is set to kill. The default.',
    kill: 'systemd-oomd monitors this cgroup: when system swap use passes its limit, it kills (SIGKILL) the processes of the descendant cgroup using the most swap.',
  },
  ManagedOOMMemoryPressure: {
    auto: "systemd-oomd does not watch this cgroup's memory pressure itself, though it may still kill it when an ancestor is set to kill. The default.",
    kill: "systemd-oomd monitors this cgroup's memory pressure: when it stays above the limit, it kills (SIGKILL) the processes of a descendant cgroup.",
  },
  ManagedOOMPreference: {
    none: 'systemd-oomd ranks this cgroup like any other candidate. The default.',
    avoid: 'systemd-oomd picks this cgroup only when there is no other candidate (honoured for root-owned cgroups).',
    omit: 'systemd-oomd never picks this cgroup as a candidate (honoured for root-owned cgroups).',
  },
  MemoryPressureWatch: pressureWatch('memory', 'memory.pressure', 'MEMORY_PRESSURE_WATCH', 'memory accounting is on for the unit anyway'),
  CPUPressureWatch: pressureWatch('CPU', 'cpu.pressure', 'CPU_PRESSURE_WATCH', 'CPU controls such as CPUWeight= or CPUQuota= are set'),
  IOPressureWatch: pressureWatch('IO', 'io.pressure', 'IO_PRESSURE_WATCH', 'IO accounting is on for the unit anyway (e.g. IOWeight= is set)'),

  // Kill context

  KillMode: {
    'control-group': "On stop, every process left in the unit's cgroup is killed. The default and the safest value.",
    process: "On stop, only the main process is killed; its children live on outside the service's lifecycle. Not recommended.",
    mixed: 'On stop, SIGTERM goes to the main process only, while the final SIGKILL goes to every process left in the cgroup.',
    none: 'No process is killed on stop, only ExecStop= runs, so processes keep running while the unit counts as stopped. Deprecated: a warning is logged.',
  },

  // [Socket]

  SocketProtocol: {
    udplite: 'The datagram socket uses UDP-Lite, which can checksum just part of each packet.',
    sctp: 'The socket uses SCTP, a message-oriented transport with multi-streaming and multi-homing.',
    mptcp: 'The stream socket uses Multipath TCP, which can spread a connection over several network paths and falls back to plain TCP when the peer lacks support.',
  },
  BindIPv6Only: {
    default: 'Follows the net.ipv6.bindv6only sysctl, which normally makes IPv6 sockets accept IPv4 as well. The default.',
    both: 'IPv6 sockets also accept IPv4 connections (as IPv4-mapped addresses).',
    'ipv6-only': 'IPv6 sockets accept IPv6 only; listen on an IPv4 address separately if needed.',
  },
  IPTOS: {
    'low-delay': 'Marks packets as wanting minimal delay (IPTOS_LOWDELAY).',
    throughput: 'Marks packets as wanting maximal throughput (IPTOS_THROUGHPUT).',
    reliability: 'Marks packets as wanting maximal reliability (IPTOS_RELIABILITY).',
    'low-cost': 'Marks packets as wanting minimal monetary cost (IPTOS_MINCOST).',
  },
  Timestamping: {
    off: 'Received packets carry no timestamp. The default.',
    us: 'Received packets carry a timestamp with microsecond resolution (SO_TIMESTAMP).',
    ns: 'Received packets carry a timestamp with nanosecond resolution (SO_TIMESTAMPNS).',
  },
  DeferTrigger: {
    no: 'Activation starts the service right away, replacing conflicting jobs and stopping conflicting units if needed. The default.',
    yes: 'Activation leaves conflicting active units alone: if the service conflicts, the socket waits for the job queue to drain and fails if the conflict remains once the queue is empty or DeferTriggerMaxSec= has passed. Needs Accept=no.',
    patient: 'Like yes, but keeps waiting for the whole of DeferTriggerMaxSec= even when no jobs are left. Needs Accept=no.',
  },
};
