/**
 * Hardening pairs the pair engine does not report, with the reason: their condition cannot be
 * decided from unit files, or a rule of its own judges them better. Everything else in the
 * knowledge base's pairing table is reported.
 */
const BY_LIST_MERGE = 'the list-merge-order rule judges how the lines combine and says what systemd ends up with, and stays quiet on deliberate exceptions';

const NOT_A_MOUNT = 'remounting cannot undo it: it opens a path (an exception to the protections, not one of them) or works through a system call filter, a capability drop and the device list';

export const UNDECIDABLE: Readonly<Record<string, string>> = {
  'privatepids-service-only': 'systemd does not ignore PrivatePIDs= outside a service: it refuses to load the unit, from the release that brought the setting, and unit-refused says so',
  'readonly-root-run': 'the man page only shows them together in an example; ProtectSystem=strict makes /run read-only too and services run, so whether /run must be writable is the program\'s need, which path-blocked judges from the unit\'s evidence',
  'undo-readwritepaths': NOT_A_MOUNT,
  'undo-execpaths': NOT_A_MOUNT,
  'undo-protectclock': NOT_A_MOUNT,
  'privatedevices-vs-deviceallow': 'the device-blocked rule judges it from the devices the unit evidently uses, with systemd\'s own list of what a private /dev holds',
  'scf-first-assignment-mode': BY_LIST_MERGE,
  'first-assignment-restrictfilesystems': BY_LIST_MERGE,
  'first-assignment-restrictnetworkinterfaces': BY_LIST_MERGE,
  'raf-abi-ignored': "whether the filter works depends on the machine's ABI, which no unit file states",
  'protectcontrolgroups-downgrade': "the downgrade depends on the host's cgroup hierarchy and kernel",
  'protectkerneltunables-ipc': 'which other services change kernel tunables over IPC, and where their sockets are, is not in the unit',
  'protectsystem-strict-writable': 'whether the program writes outside /dev, /proc and /sys is a property of the program, not of the unit',
  'dynamicuser-writable-dirs': 'whether the program writes anywhere is a property of the program',
  'dynamicuser-credentials': 'whether the service needs privileged data such as keys is a property of the program',
  'protectsystem-recommended': 'the advice holds for services that need no write access to the OS, which the unit does not say',
  'protecthome-recommended': 'the advice holds for services that need no user data, which the unit does not say',
  'protectclock-recommended': 'the advice holds for services that do not set or query the clock state, which the unit does not say',
  'protectkerneltunables-recommended': 'the advice holds for services that do not change sysctls, which the unit does not say',
  'protectkernelmodules-recommended': 'the advice holds for services that load no kernel modules, which the unit does not say',
  'protectkernellogs-recommended': 'the advice holds for services that do not use the kernel log buffer, which the unit does not say',
  'protectcontrolgroups-recommended': 'the advice holds for services that are not container managers, which the unit does not say',
  'restrictrealtime-recommended': 'the advice holds for services without realtime scheduling needs, which the unit does not say',
  'restrictsuidsgid-recommended': 'the advice holds for services that create no SUID/SGID files, which the unit does not say',
  'protecthome-tmpfs-bind': 'which folders below /home must stay visible depends on the program',
  'tmpfs-bind': 'which content below the tmpfs must stay reachable depends on the program',
  'netnspath-joinsnamespace': "it depends on another unit's settings and on which of the units starts first",
  'ipcnspath-joinsnamespace': "it depends on another unit's settings and on which of the units starts first",
  'ipaddressallow-needs-deny': 'a deny rule on a parent slice, the recommended layout, lives in another unit file',
  'ipaddressallow-socket': 'the activating .socket unit is another unit file',
  'ipaddressdeny-socket': 'the activating .socket unit is another unit file',
  'restrictnetworkinterfaces-lo': 'whether the program needs the loopback interface is a property of the program',
  'deviceallow-modprobe': 'which kernel module provides a device group cannot be told from the group name',
  'memorymin-ancestors': 'the parent slices are other unit files',
  'memorylow-ancestors': 'the parent slices are other unit files',
  'startupmemorylow-ancestors': 'the parent slices are other unit files',
  'restart-startlimit': "whether the manager's default start rate limit (DefaultStartLimit*= in the manager's configuration) fits the service depends on the host, not on the unit",
  'restart-on-failure': 'whether the service is long-running, and whether it may exit on its own, is not in the unit',
  'type-exec': 'whether the program supports readiness notification (then Type=notify fits better) is not in the unit',
  'oneshot-remainafterexit': 'whether the unit should stay active after its command ran is the author\'s intent',
  'defaultdependencies-keep': 'whether the unit belongs to early boot or late shutdown, where DefaultDependencies=no is needed, is its role in the system',
  'nonblocking-socket': 'a .socket unit of the same name activates the service without Sockets=, and that unit is another file',
  'limitas-memorymax': 'the advice depends on the author\'s goal (capping memory use rather than address space)',
  'limitdata-memorymax': 'the advice depends on the author\'s goal (capping memory use rather than the data segment)',
  'limitnofile-memorymax': 'the advice depends on the author\'s goal (bounding resource use)',
  'wants-after': 'whether ordering is wanted is the author\'s intent; Wants= without After= is a common deliberate pattern',
  'logsockets-rootdirectory': 'whether the program logs through the syslog or journal sockets is a property of the program',
  'logsockets-rootimage': 'whether the program logs through the syslog or journal sockets is a property of the program',
};
