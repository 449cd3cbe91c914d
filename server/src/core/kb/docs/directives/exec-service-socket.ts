import type { DirectiveDocs } from '../types';

/**
 * Hover docs for the execution-environment, resource-control, service and
 * socket settings that are not about sandboxing: scheduling, resource limits,
 * logging, terminals, restart behaviour, cgroup limits and socket options.
 */
export const docs: DirectiveDocs = {
  // ------------------------------------------------- environment and paths
  EnvironmentFile: {
    summary: 'Read VAR=value lines from a file and add them to the environment of the unit\'s processes.',
    notes:
      'A missing or unreadable file makes the start fail unless the path is prefixed with "-". ' +
      'The file is not run by a shell (no $VAR expansion, no commands); it is read just before each command starts, ' +
      'so an earlier ExecStartPre= can generate it, and its values win over Environment=.',
  },
  UnsetEnvironment: {
    summary: 'Remove variables (by name, or only an exact VAR=value pair) from the environment handed to the processes.',
    notes:
      'It is applied last, so it also strips variables from EnvironmentFile=, PassEnvironment=, PAM and the manager ' +
      'itself; $VAR substitution in Exec lines has already happened and is not affected.',
  },
  ExecSearchPath: {
    summary: 'Colon-separated directories used to find non-absolute program names in Exec lines, in place of the default $PATH.',
    notes: 'It is only used as $PATH when the unit does not set PATH itself through Environment= or a similar setting.',
  },

  // ------------------------------------------------- state directories
  RuntimeDirectoryMode: {
    summary: 'Octal permission bits for the directories created by RuntimeDirectory= (0755 unless set).',
  },
  StateDirectoryMode: {
    summary: 'Octal permission bits for the directories created by StateDirectory= (0755 unless set).',
  },
  CacheDirectoryMode: {
    summary: 'Octal permission bits for the directories created by CacheDirectory= (0755 unless set).',
  },
  LogsDirectoryMode: {
    summary: 'Octal permission bits for the directories created by LogsDirectory= (0755 unless set).',
  },
  ConfigurationDirectoryMode: {
    summary: 'Octal permission bits for the directories created by ConfigurationDirectory= (0755 unless set).',
  },
  RuntimeDirectoryPreserve: {
    summary: 'Whether the RuntimeDirectory= directories survive when the service stops, or only across restarts.',
    notes:
      'By default they are deleted on every stop, including a restart, so anything kept there is lost; ' +
      'choose the restart mode to keep them across restarts but still clean up on a real stop.',
  },
  TimeoutCleanSec: {
    summary: 'Time limit for "systemctl clean" on this unit; when it runs out the cleanup is cut short (no limit by default).',
    notes: 'An interrupted cleanup can leave part of the data it was meant to delete on disk.',
  },

  // ------------------------------------------------- disk images
  RootImagePolicy: {
    summary: 'Image policy that the partitions of RootImage= must satisfy (Verity, signature, encryption) to be mounted.',
    notes:
      'The built-in default also accepts unprotected partitions; to make the image trustworthy, require ' +
      'verity and signed for the root and /usr partitions explicitly.',
  },
  MountImagePolicy: {
    summary: 'Image policy that the partitions of MountImages= must satisfy (Verity, signature, encryption) to be mounted.',
    notes: 'The built-in default also accepts unprotected partitions; tighten it if the images come from elsewhere.',
  },
  ExtensionImagePolicy: {
    summary: 'Image policy that the partitions of ExtensionImages= must satisfy (Verity, signature, encryption) to be used.',
    notes: 'The built-in default also accepts unprotected partitions; tighten it if the images come from elsewhere.',
  },

  // ------------------------------------------------- CPU and I/O scheduling
  Nice: {
    summary: 'Nice level of the started processes, from -20 (most favoured) to 19 (least favoured).',
    notes:
      'When the cgroup cpu controller is active, nice only ranks processes inside the same unit; ' +
      'sharing CPU between units is governed by CPUWeight=.',
  },
  CPUSchedulingPolicy: {
    summary: 'Kernel CPU scheduling policy of the started processes, such as batch, idle or a real-time policy.',
    notes:
      'Under a real-time policy a busy-looping process can starve every normal process on its CPU; ' +
      'set CPUSchedulingPriority= with it and consider LimitRTTIME= as a safety net.',
  },
  CPUSchedulingPriority: {
    summary: 'Static priority for a real-time scheduling policy: 1 is the lowest, 99 the highest.',
    notes: 'It only matters with a real-time CPUSchedulingPolicy=; the normal policies take no static priority.',
  },
  CPUSchedulingResetOnFork: {
    summary: 'Make children forked by the service fall back to the normal scheduling policy and priority.',
    notes: 'Keeps an elevated real-time policy or negative nice value confined to the process it was granted to.',
  },
  IOSchedulingClass: {
    summary: 'Block I/O scheduling class of the started processes (real-time, best-effort or idle).',
    notes:
      'Only I/O schedulers that implement priorities (for example BFQ) act on it; an empty value also ' +
      'clears IOSchedulingPriority=.',
  },
  IOSchedulingPriority: {
    summary: 'Priority within the I/O scheduling class, from 0 (most bandwidth) to 7 (least).',
  },
  TimerSlackNSec: {
    summary: 'Timer slack of the processes: how far the kernel may delay timer wake-ups to batch them and save power.',
    notes: 'A number without a unit is read as nanoseconds, unlike most other time settings.',
  },
  OOMScoreAdjust: {
    summary: 'OOM-killer score adjustment of the processes: -1000 exempts them, 1000 makes them the first victims.',
    notes:
      'This only steers which processes the kernel kills; what the manager does with the service afterwards ' +
      'is set with OOMPolicy=.',
  },
  CoredumpFilter: {
    summary: 'Kinds of memory mappings written into a core dump of the processes (sets /proc/PID/coredump_filter).',
    notes: 'Several assignments are combined; leaving it unset keeps the inherited filter.',
  },
  MemoryKSM: {
    summary: 'Opt the processes into kernel samepage merging, which deduplicates identical anonymous memory pages.',
    notes:
      'Merged pages are shared between processes and can leak information through timing side channels; ' +
      'enable it only for workloads that trust each other.',
  },
  MemoryTHP: {
    summary: 'Override transparent huge page use for the processes: inherit, disable, allow only on request, or reset to system.',
    notes: 'Useful for latency-sensitive programs hurt by huge page compaction; needs kernel support for per-process control.',
  },
  IgnoreSIGPIPE: {
    summary: 'Start the processes with SIGPIPE ignored, so writing to a closed pipe or socket fails with EPIPE instead.',
    notes:
      'It is on by default. Shell scripts that rely on SIGPIPE to stop a producer (for example "cmd | head") ' +
      'may keep running; set it to no for them.',
  },

  // ------------------------------------------------- process resource limits
  LimitCPU: {
    summary: 'Per-process cap on consumed CPU time (RLIMIT_CPU); the process gets SIGXCPU, then SIGKILL at the hard limit.',
    notes:
      'A number without a unit means seconds and enforcement is in whole seconds. The count is per process, ' +
      'so forked children start afresh.',
  },
  LimitFSIZE: {
    summary: 'Largest file size a process may create or extend to (RLIMIT_FSIZE); going past it raises SIGXFSZ.',
  },
  LimitSTACK: {
    summary: 'Maximum stack size of each process (RLIMIT_STACK); also the default stack size of its threads in glibc.',
  },
  LimitCORE: {
    summary: 'Largest core dump a crashing process may produce (RLIMIT_CORE); 0 turns core dumps off.',
  },
  LimitMEMLOCK: {
    summary: 'How much memory a process may lock into RAM (RLIMIT_MEMLOCK), e.g. with mlock or mlockall.',
    notes:
      'Programs that pin memory (key stores, some databases, BPF loaders on older kernels) fail with ENOMEM or EPERM ' +
      'when it is too low; processes with CAP_IPC_LOCK are not bound by it.',
  },
  LimitLOCKS: {
    summary: 'Cap on file locks a process may hold (RLIMIT_LOCKS).',
    notes: 'Current Linux kernels do not enforce this limit, so setting it has no practical effect.',
  },
  LimitSIGPENDING: {
    summary: 'Maximum number of signals that may be queued for the user ID the process runs as (RLIMIT_SIGPENDING).',
    notes: 'The count is shared by all processes of that real user ID, not just this service.',
  },
  LimitMSGQUEUE: {
    summary: 'Bytes of POSIX message queue memory the user ID may allocate (RLIMIT_MSGQUEUE).',
    notes: 'The budget is shared by all processes of that real user ID, not just this service.',
  },
  LimitNICE: {
    summary: 'Highest scheduling priority a process may raise itself to with nice (RLIMIT_NICE).',
    notes:
      'A value with a + or - sign is read as a nice level; an unsigned value is the raw kernel number (0 to 40, ' +
      'where 40 allows nice -20), which is easy to mix up.',
  },
  LimitRTPRIO: {
    summary: 'Highest real-time priority a process may request for itself without privileges (RLIMIT_RTPRIO).',
  },
  LimitRTTIME: {
    summary: 'CPU time a real-time process may use without a blocking system call before being signalled (RLIMIT_RTTIME).',
    notes: 'A number without a unit means microseconds, not seconds.',
  },

  // ------------------------------------------------- logging
  LogLevelMax: {
    summary: 'Drop log messages of this unit that are less severe than the given syslog level.',
    notes:
      'It also covers what the service manager logs about the unit, and works upward too: debug shows the ' +
      'manager\'s debug messages for this unit alone. Dropped messages never reach the journal.',
  },
  LogExtraFields: {
    summary: 'Extra FIELD=VALUE journal fields attached to every log record of the unit, handy for grouping units.',
    notes: 'Only system services support it, not per-user services.',
  },
  LogFilterPatterns: {
    summary: 'Regular expressions on the message text that keep (plain) or discard ("~" prefix) the unit\'s log lines.',
    notes:
      'Discard patterns are checked first; once any keep pattern exists, lines matching none of them are dropped. ' +
      'Only system services support it.',
  },
  LogRateLimitIntervalSec: {
    summary: 'Window for the unit\'s journal rate limit; with LogRateLimitBurst= it overrides journald\'s defaults.',
    notes: 'Output that goes straight to a file (StandardOutput=file:...) is not rate limited.',
  },
  LogRateLimitBurst: {
    summary: 'Number of messages the unit may log per LogRateLimitIntervalSec= window before the rest are dropped.',
    notes: 'Output that goes straight to a file (StandardOutput=file:...) is not rate limited.',
  },

  // ------------------------------------------------- terminal
  TTYPath: {
    summary: 'Terminal device to use for any of stdin, stdout or stderr that is set to a TTY; /dev/console if unset.',
  },
  TTYReset: {
    summary: 'Reset the TTYPath= terminal to a sane state before and after the service runs (the screen is not cleared).',
  },
  TTYVHangup: {
    summary: 'Hang up every other process that has the TTYPath= terminal open, before and after the service runs.',
  },
  TTYVTDisallocate: {
    summary: 'Deallocate or clear the TTYPath= virtual console (screen and scrollback) before and after the service runs.',
  },
  TTYColumns: {
    summary: 'Width in columns to set on the TTYPath= terminal; detected from the terminal when unset.',
  },
  TTYRows: {
    summary: 'Height in rows to set on the TTYPath= terminal; detected from the terminal when unset.',
  },

  // ------------------------------------------------- [Service]
  ExecReloadPost: {
    summary: 'Commands run after a reload of the service has completed successfully.',
  },
  RestartSec: {
    summary: 'Pause before an automatic restart triggered by Restart=.',
    notes:
      'The default is very short, so a service that fails at once can use up the start rate limit ' +
      '(StartLimitBurst= within StartLimitIntervalSec=) within a second and then stays failed; ' +
      'pick a delay that spreads restarts over the interval.',
  },
  RestartRandomizedDelaySec: {
    summary: 'Add a random extra delay, up to this long, to each automatic restart so that many instances do not restart together.',
  },
  RestartMode: {
    summary: 'Whether an automatic restart passes through the failed state, skips it, or logs the attempts at debug level.',
    notes:
      'Skipping the failed state hides short failures from dependent units and also skips OnFailure= and OnSuccess=.',
  },
  RestartPreventExitStatus: {
    summary: 'Exit codes or signals of the main process that must never lead to an automatic restart.',
    notes: 'Only the main process counts; helper commands such as ExecStartPre= are not checked against it.',
  },
  RestartForceExitStatus: {
    summary: 'Exit codes or signals of the main process that trigger an automatic restart whatever Restart= says.',
    notes: 'A oneshot service that exits successfully is still not restarted.',
  },
  SuccessExitStatus: {
    summary: 'Extra exit codes or signals of the main process that count as a clean exit rather than a failure.',
    notes:
      'This changes whether the unit ends up failed and how Restart= treats the exit; ' +
      'status displays still show the same exit code names.',
  },
  TimeoutAbortSec: {
    summary: 'How long a service aborted by its watchdog may take to write a core dump and exit before it is killed.',
    notes:
      'Too short a value truncates the core dump; when left empty the service falls back to TimeoutStopSec=.',
  },
  TimeoutStartFailureMode: {
    summary: 'How a service that overruns TimeoutStartSec= is ended: stopped gracefully, aborted with a core dump, or killed.',
    notes: 'The abort mode is handy for debugging services that hang intermittently during start-up.',
  },
  TimeoutStopFailureMode: {
    summary: 'How a service that overruns TimeoutStopSec= is ended: stopped gracefully, aborted with a core dump, or killed.',
  },
  OpenFile: {
    summary: 'Have the manager open a file or connect to an AF_UNIX socket and pass the descriptor to the service.',
    notes:
      'The file is opened with the manager\'s privileges, so the service gets access it could not obtain itself; ' +
      'treat the listed paths as granted access.',
  },
  RefreshOnReload: {
    summary: 'Which resources (extension images, credentials) are set up again when the service is reloaded.',
    notes: 'If set explicitly and those resources are in use, a reload can succeed without any reload command.',
  },
  USBFunctionDescriptors: {
    summary: 'File with USB FunctionFS descriptors written to ep0 of the socket unit\'s ListenUSBFunction= endpoint.',
  },
  USBFunctionStrings: {
    summary: 'File with USB FunctionFS strings written to ep0 of the socket unit\'s ListenUSBFunction= endpoint.',
  },

  // ------------------------------------------------- resource control (cgroups)
  Slice: {
    summary: 'Slice unit whose cgroup subtree this unit is placed in, sharing that slice\'s resource limits.',
    notes:
      'Unset means system.slice, except that template instances land in a sub-slice named after the template.',
  },
  CPUWeight: {
    summary: 'Relative share of CPU time against sibling units in the same slice when CPUs are busy; "idle" gets only spare CPU.',
    notes: 'A weight is not a cap: an otherwise idle machine gives the unit all spare CPU. Use CPUQuota= to cap usage.',
  },
  StartupCPUWeight: {
    summary: 'CPUWeight= used only while the system is booting or shutting down.',
  },
  CPUQuota: {
    summary: 'Hard cap on CPU time as a percentage of one CPU; above 100% spans several CPUs.',
    notes:
      'The cap applies even when CPUs are idle, and a burst that uses up the quota is paused until the next ' +
      'period, which can add latency.',
  },
  CPUQuotaPeriodSec: {
    summary: 'Length of the accounting period over which CPUQuota= is measured.',
  },
  StartupAllowedCPUs: {
    summary: 'CPUs the processes may run on while the system boots or shuts down (cpuset controller).',
  },
  AllowedMemoryNodes: {
    summary: 'NUMA memory nodes the processes may allocate from (cpuset controller); parent slices can narrow it further.',
  },
  StartupAllowedMemoryNodes: {
    summary: 'AllowedMemoryNodes= used only while the system is booting or shutting down.',
  },
  StartupMemoryHigh: {
    summary: 'MemoryHigh= throttling threshold used only while the system is booting or shutting down.',
  },
  StartupMemoryMax: {
    summary: 'MemoryMax= hard memory limit used only while the system is booting or shutting down.',
  },
  MemorySwapMax: {
    summary: 'Hard cap on the swap space the unit\'s processes may use.',
  },
  StartupMemorySwapMax: {
    summary: 'MemorySwapMax= swap cap used only while the system is booting or shutting down.',
  },
  MemoryZSwapMax: {
    summary: 'Cap on how much of the compressed zswap pool the unit may occupy; beyond it pages bypass zswap.',
  },
  StartupMemoryZSwapMax: {
    summary: 'MemoryZSwapMax= cap used only while the system is booting or shutting down.',
  },
  MemoryZSwapWriteback: {
    summary: 'Whether pages of this unit held in zswap may be written out to the swap device.',
  },
  IOWeight: {
    summary: 'Relative block I/O share against sibling units in the same slice when disks are contended.',
    notes: 'It only takes effect where the kernel can share I/O proportionally (the BFQ scheduler or the io.cost controller).',
  },
  StartupIOWeight: {
    summary: 'IOWeight= used only while the system is booting or shutting down.',
  },
  IODeviceWeight: {
    summary: 'Block I/O weight of the unit for one specific device, overriding IOWeight= there.',
    notes:
      'Name the physical disk; partitions, loop devices, RAID and LVM are not traced back to it reliably.',
  },
  IOReadBandwidthMax: {
    summary: 'Cap on bytes per second the unit may read from one device, even when the device is otherwise idle.',
    notes: 'K/M/G/T suffixes here are powers of 1000, not 1024; name the physical disk, not a partition.',
  },
  IOWriteBandwidthMax: {
    summary: 'Cap on bytes per second the unit may write to one device, even when the device is otherwise idle.',
    notes: 'K/M/G/T suffixes here are powers of 1000, not 1024; name the physical disk, not a partition.',
  },
  IOReadIOPSMax: {
    summary: 'Cap on read operations per second the unit may issue to one device.',
  },
  IOWriteIOPSMax: {
    summary: 'Cap on write operations per second the unit may issue to one device.',
  },
  TasksAccounting: {
    summary: 'Count the processes and threads of the unit (pids controller), as shown by systemctl status.',
    notes: 'Enabling it for one unit also enables it for the other units of the same slice and its parents.',
  },
  IPAccounting: {
    summary: 'Count IPv4/IPv6 bytes and packets sent and received by the unit\'s sockets.',
    notes:
      'For socket activation, traffic on sockets owned by the socket unit is counted there, ' +
      'not in the service that uses them. Not available for per-user services.',
  },
  BPFProgram: {
    summary: 'Attach a BPF program pinned in /sys/fs/bpf to the unit\'s cgroup, written as hook-type:path.',
    notes:
      'If the program is not pinned yet the unit starts anyway with only a warning, so a filter meant as ' +
      'protection can silently be missing.',
  },
  BindNetworkInterface: {
    summary: 'Bind every socket the unit\'s processes create to one network interface, e.g. to run them inside a VRF.',
  },
  DisableControllers: {
    summary: 'Cgroup controllers that must not be enabled for this unit\'s children; removed if already in use below it.',
    notes: 'It may not take effect on running units that delegate their cgroup subtree.',
  },
  ManagedOOMPreference: {
    summary: 'Ask systemd-oomd to pick this unit\'s cgroup only as a last resort, or never to act on it.',
    notes:
      'It is honoured only when the cgroup\'s owner matches (normally root) and does not apply to nested cgroups. ' +
      'Overuse leaves oomd without good candidates.',
  },
  CPUPressureWatch: {
    summary: 'Whether the service is pointed at its cgroup CPU-pressure file so it can react to CPU pressure itself.',
    notes: 'It only helps programs that implement the protocol, for example through sd-event; others ignore it.',
  },
  CPUPressureThresholdSec: {
    summary: 'CPU stall time per 2-second window that makes a CPU-pressure event fire for CPUPressureWatch=.',
  },
  IOPressureThresholdSec: {
    summary: 'I/O stall time per 2-second window that makes an I/O-pressure event fire for IOPressureWatch=.',
  },
  MemoryPressureThresholdSec: {
    summary: 'Memory stall time per 2-second window that makes a memory-pressure event fire for MemoryPressureWatch=.',
  },

  // ------------------------------------------------- [Socket] listening
  ListenStream: {
    summary: 'Stream socket to listen on: a TCP port or address, an AF_UNIX path ("/...") or abstract name ("@..."), or vsock.',
    notes:
      'A bare port number listens on IPv6 and usually IPv4 too (see BindIPv6Only=). Entries add up, so a drop-in ' +
      'that should replace the address must first assign an empty value.',
  },
  ListenDatagram: {
    summary: 'Datagram socket to listen on: a UDP port or address, an AF_UNIX path or abstract name, or vsock.',
    notes: 'Entries add up; assign an empty value first to replace the list in a drop-in.',
  },
  ListenSequentialPacket: {
    summary: 'Sequential-packet socket to listen on; only AF_UNIX paths or abstract names are possible.',
  },
  ListenFIFO: {
    summary: 'Named pipe (absolute path) that is created, opened and handed to the service.',
  },
  ListenSpecial: {
    summary: 'Existing special file, such as a character device or a /proc or /sys file, opened and handed to the service.',
  },
  ListenNetlink: {
    summary: 'Netlink socket of the given family (e.g. kobject-uevent or audit), optionally joined to a multicast group.',
  },
  ListenMessageQueue: {
    summary: 'POSIX message queue (name starting with "/") that is created and handed to the service.',
  },
  ListenUSBFunction: {
    summary: 'FunctionFS mount point whose ep0 endpoint is opened for a USB gadget service.',
    notes: 'The activated service must set USBFunctionDescriptors= and USBFunctionStrings=.',
  },
  SocketProtocol: {
    summary: 'Use an alternative transport protocol, such as SCTP or MPTCP, instead of plain TCP or UDP.',
  },
  Accept: {
    summary: 'Start one service instance per incoming connection (yes) or hand the listening sockets to one service (no).',
    notes:
      'With yes the service must be a template (name@.service) and each instance gets one connected socket, inetd style; ' +
      'with no a single daemon receives the listening sockets and must accept connections itself. Picking the mode the program does not expect is a common mistake.',
  },
  Service: {
    summary: 'Service this socket activates, for when it should not be the service named like the socket unit.',
    notes: 'It cannot be used with Accept=yes.',
  },
  MaxConnections: {
    summary: 'With Accept=yes, how many connection instances may run at once; further connections are refused.',
  },
  MaxConnectionsPerSource: {
    summary: 'With Accept=yes, how many concurrent connections one source IP, vsock CID or AF_UNIX user may hold.',
  },
  Backlog: {
    summary: 'Length of the queue of connections that are established but not yet accepted.',
    notes: 'The kernel silently caps it at the net.core.somaxconn sysctl, which is usually the real limit.',
  },
  BindIPv6Only: {
    summary: 'Whether IPv6 listening sockets also accept IPv4 connections (IPV6_V6ONLY); by default the sysctl decides.',
  },
  BindToDevice: {
    summary: 'Accept traffic on this socket only from the named network interface (SO_BINDTODEVICE).',
    notes: 'The socket unit gains a dependency on that interface\'s device unit.',
  },
  FreeBind: {
    summary: 'Allow binding to an IP address not (yet) configured on this host (IP_FREEBIND).',
    notes: 'Recommended when listening on a specific address, so the socket can start before the network is up.',
  },
  Transparent: {
    summary: 'Set IP_TRANSPARENT, letting the socket accept traffic for non-local addresses, as transparent proxies need.',
  },
  ReusePort: {
    summary: 'Allow other sockets to bind the same TCP or UDP port, with the kernel spreading traffic (SO_REUSEPORT).',
  },
  DeferAcceptSec: {
    summary: 'Wake the listener only once a new TCP connection carries data, waiting up to this long (TCP_DEFER_ACCEPT).',
    notes:
      'Helps protocols where the client talks first, such as HTTP; for protocols where the server greets first ' +
      '(SMTP, SSH) it only delays connections.',
  },
  DeferTrigger: {
    summary: 'With Accept=no, if starting the service would disturb conflicting units, wait for the job queue instead.',
    notes: 'The wait is bounded by DeferTriggerMaxSec=; useful for sockets that stay active across soft-reboot or switch-root.',
  },
  DeferTriggerMaxSec: {
    summary: 'Longest time DeferTrigger= may hold back activation before the socket unit fails.',
  },
  FlushPending: {
    summary: 'With Accept=no, discard queued data and pending connections when the activated service exits.',
    notes: 'Off by default, so a restarted service can still handle what arrived while it was down.',
  },
  TriggerLimitIntervalSec: {
    summary: 'Time window for TriggerLimitBurst=, the cap on how often this unit may activate its service.',
  },
  TriggerLimitBurst: {
    summary: 'Activations allowed per TriggerLimitIntervalSec= window; exceeding it puts the unit into the failed state.',
    notes:
      'The unit stays failed until restarted by hand. For sockets, PollLimitBurst= only slows down floods ' +
      'and is the better defence against them.',
  },
  PollLimitIntervalSec: {
    summary: 'Time window for PollLimitBurst=, the per-descriptor cap on how often incoming events are handled.',
  },
  PollLimitBurst: {
    summary: 'Events handled per listening descriptor per PollLimitIntervalSec= window before polling pauses briefly.',
    notes: 'Unlike the trigger limit it never fails the unit, so it is the recommended protection against floods.',
  },

  // ------------------------------------------------- [Socket] file nodes
  SocketUser: {
    summary: 'Owner of the AF_UNIX socket file, FIFO or message queue that the unit creates.',
  },
  SocketGroup: {
    summary: 'Group of the AF_UNIX socket file, FIFO or message queue that the unit creates.',
    notes: 'Pair it with a restrictive SocketMode= such as 0660; the default mode lets every local user connect.',
  },
  SocketMode: {
    summary: 'Octal permission bits of the socket file, FIFO or message queue the unit creates (world-accessible 0666 unless set).',
    notes: 'For a socket with privileged callers, restrict it (e.g. 0660 with SocketGroup=) so not every local user can connect.',
  },
  DirectoryMode: {
    summary: 'Octal permission bits for directories systemd creates: socket parents, mount points, or MakeDirectory= paths.',
  },
  Symlinks: {
    summary: 'Extra symlinks pointing to the unit\'s socket file or FIFO, created and removed together with it.',
    notes: 'Only allowed when the unit has exactly one file-system socket or FIFO; a failed symlink does not fail the unit.',
  },
  RemoveOnStop: {
    summary: 'Delete the socket files, FIFOs, message queues and Symlinks= created by the unit when it stops.',
    notes: 'A service that keeps running after the socket unit stops can then no longer be reached through that path.',
  },
  Writable: {
    summary: 'Open the ListenSpecial= file for reading and writing instead of read-only.',
  },
  PipeSize: {
    summary: 'Buffer size of the FIFOs created by this socket unit.',
  },
  MessageQueueMaxMessages: {
    summary: 'Maximum number of messages in the POSIX message queue created by ListenMessageQueue=.',
    notes: 'Set both MessageQueueMaxMessages= and MessageQueueMessageSize=, or neither.',
  },
  MessageQueueMessageSize: {
    summary: 'Maximum size of one message in the POSIX message queue created by ListenMessageQueue=.',
    notes: 'Set both MessageQueueMaxMessages= and MessageQueueMessageSize=, or neither.',
  },

  // ------------------------------------------------- [Socket] options
  Broadcast: {
    summary: 'Allow sending broadcast datagrams from this socket (SO_BROADCAST).',
  },
  KeepAlive: {
    summary: 'Enable TCP keepalive probes on connections from this socket (SO_KEEPALIVE).',
  },
  KeepAliveTimeSec: {
    summary: 'Idle time before the first TCP keepalive probe is sent (TCP_KEEPIDLE).',
    notes: 'Only used when KeepAlive= is on.',
  },
  KeepAliveIntervalSec: {
    summary: 'Time between TCP keepalive probes (TCP_KEEPINTVL).',
    notes: 'Only used when KeepAlive= is on.',
  },
  KeepAliveProbes: {
    summary: 'Unanswered keepalive probes after which a TCP connection is declared dead (TCP_KEEPCNT).',
    notes: 'Only used when KeepAlive= is on.',
  },
  NoDelay: {
    summary: 'Turn off Nagle\'s algorithm so small TCP writes go out at once instead of being coalesced (TCP_NODELAY).',
  },
  TCPCongestion: {
    summary: 'TCP congestion control algorithm for this stream socket; it must be available in the kernel.',
  },
  Priority: {
    summary: 'Socket: SO_PRIORITY of outgoing traffic. Swap: priority of the swap device when it is activated.',
    notes: 'In swap units a pri= entry in Options= takes precedence.',
  },
  IPTOS: {
    summary: 'Type-of-service value placed in IP packets sent from this socket (IP_TOS).',
  },
  IPTTL: {
    summary: 'TTL (IPv4) or hop limit (IPv6) of packets sent from this socket.',
  },
  Mark: {
    summary: 'Firewall mark (SO_MARK) put on packets sent from this socket, for matching in firewall or routing rules.',
  },
  ReceiveBuffer: {
    summary: 'Size of the socket\'s receive buffer (SO_RCVBUF).',
  },
  SendBuffer: {
    summary: 'Size of the socket\'s send buffer (SO_SNDBUF).',
  },
  Timestamping: {
    summary: 'Attach receive timestamps, in microseconds or nanoseconds, to incoming packets (SO_TIMESTAMP/SO_TIMESTAMPNS).',
  },
  PassCredentials: {
    summary: 'Deliver the sender\'s PID, UID and GID with each message on this AF_UNIX socket (SO_PASSCRED).',
  },
  PassPIDFD: {
    summary: 'Deliver a pidfd referring to the sender with each message on this AF_UNIX socket (SO_PASSPIDFD).',
  },
  PassSecurity: {
    summary: 'Deliver the sender\'s security label with each message on this AF_UNIX socket (SO_PASSSEC).',
  },
  PassPacketInfo: {
    summary: 'Deliver per-packet metadata, such as destination address and interface, with received packets.',
  },
  AcceptFileDescriptors: {
    summary: 'Whether peers may send file descriptors over this AF_UNIX socket (SO_PASSRIGHTS); on by default.',
  },
  PassFileDescriptorsToExec: {
    summary: 'Give the socket\'s descriptors to its own ExecStartPost=, ExecStopPre= and ExecStopPost= commands.',
    notes: 'ExecStartPre= never receives them, as the sockets are not open yet.',
  },
  FileDescriptorName: {
    summary: 'Name given to this unit\'s descriptors so the service can tell them apart (sd_listen_fds_with_names).',
    notes: 'Without it the name is the socket unit\'s file name, or "connection" with Accept=yes.',
  },
  ExecStopPre: {
    summary: 'Commands run before the unit closes and removes its listening sockets and FIFOs.',
  },
  SELinuxContextFromNet: {
    summary: 'Derive the SELinux MLS level of the started service from the label of the network peer.',
    notes: 'Only meaningful with an MLS/MCS policy and when the service receives exactly one socket.',
  },
  SmackLabel: {
    summary: 'SMACK access label (security.SMACK64) given to the FIFO or special file opened by this unit.',
  },
  SmackLabelIPIn: {
    summary: 'SMACK label (security.SMACK64IPIN) applied to incoming traffic on this socket.',
  },
  SmackLabelIPOut: {
    summary: 'SMACK label (security.SMACK64IPOUT) applied to outgoing traffic on this socket.',
  },
  XAttrEntryPoint: {
    summary: 'user.* extended attribute (NAME=VALUE) set on the file-system node of an AF_UNIX socket, e.g. to tag it.',
  },
  XAttrListen: {
    summary: 'user.* extended attribute (NAME=VALUE) set on the listening socket itself.',
  },
  XAttrAccept: {
    summary: 'user.* extended attribute (NAME=VALUE) set on each accepted connection socket (Accept=yes).',
  },
};
