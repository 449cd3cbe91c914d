import type { ValueDocs } from '../types';

/**
 * What each Linux capability lets a process do, and why keeping it out of a
 * service's bounding and ambient sets matters for hardening. Capability
 * numbers live in the knowledge-base tables.
 */
export const capabilityDocs: ValueDocs = {
  CAP_CHOWN:
    'Change the owner and group of any file, whoever owns it. A service holding it can take over files of other accounts or hand its own files to them, so keep it only for services that really manage ownership.',
  CAP_DAC_OVERRIDE:
    'Ignore file read, write and execute permission bits and ACLs (executing still needs at least one execute bit). In practice this is root-level file access: the process can read /etc/shadow or private keys and rewrite any file the sandbox leaves writable.',
  CAP_DAC_READ_SEARCH:
    'Read any file and list or traverse any directory regardless of permissions, and open files by handle. It exposes every secret on the readable file systems, and open-by-handle has been used to escape chroots and containers.',
  CAP_FOWNER:
    'Act as the owner of any file for operations that normally require ownership: changing permission bits, timestamps, ACLs and inode flags, or deleting other users\' files from sticky directories such as /tmp. A service with it can, for example, make a protected file world-readable.',
  CAP_FSETID:
    'Keep the set-user-ID and set-group-ID bits when a file is modified, and set the set-group-ID bit for groups the process is not a member of. It helps create or preserve setuid/setgid programs, a classic privilege-escalation path.',
  CAP_KILL:
    'Send signals to processes of any user, bypassing the normal same-owner check. A compromised service can stop or disrupt any other process on the system.',
  CAP_SETGID:
    'Switch to arbitrary group IDs, set any supplementary group list, forge group IDs passed over UNIX sockets and write group mappings for user namespaces. A service with it can join privileged groups such as disk, shadow or adm and gain what they grant.',
  CAP_SETUID:
    'Switch to arbitrary user IDs, forge user IDs passed over UNIX sockets and write user mappings for user namespaces. A service with it can become any account, root included, and with it gain access to everything that account owns.',
  CAP_SETPCAP:
    'Change capability sets: add capabilities from the bounding set to the inheritable set, drop capabilities from the bounding set, and change the securebits flags. It lets a process reshape how capabilities survive program execution, so it is rarely needed by a service.',
  CAP_LINUX_IMMUTABLE:
    'Set or clear the immutable and append-only file flags. An attacker with it can strip those protections from log files or locked-down files and then tamper with them.',
  CAP_NET_BIND_SERVICE:
    'Bind sockets to privileged ports (below 1024). Often the only capability a network daemon needs; its risk is limited to impersonating a well-known service on this host.',
  CAP_NET_BROADCAST:
    'Meant for socket broadcasting and listening to multicasts, but current kernels do not check it. Granting it has no practical effect, so there is no reason to keep it.',
  CAP_NET_ADMIN:
    'Administer networking: configure interfaces, addresses and routes, change firewall and traffic-control rules, enable promiscuous mode and set privileged socket options. A service with it can redirect or intercept traffic and open holes in the firewall.',
  CAP_NET_RAW:
    'Use raw and packet sockets and bind to any address for transparent proxying. It allows sniffing traffic and crafting or spoofing arbitrary packets; modern ping tools no longer need it.',
  CAP_IPC_LOCK:
    'Lock memory in RAM beyond the memory-lock resource limit and use huge-page shared memory. A compromised service can pin large amounts of memory and starve the rest of the system.',
  CAP_IPC_OWNER:
    'Bypass permission checks on System V shared memory, semaphores and message queues. It gives access to IPC objects of other services, which may hold private data.',
  CAP_SYS_MODULE:
    'Load and unload kernel modules. This amounts to running arbitrary code in the kernel, full system compromise, so no ordinary service should keep it.',
  CAP_SYS_RAWIO:
    'Perform raw hardware access: I/O ports, physical memory devices, model-specific CPU registers, raw SCSI commands and mapping memory at very low addresses. It lets a process go around the kernel\'s protections and is close to full root.',
  CAP_SYS_CHROOT:
    'Change the root directory with chroot and switch mount namespaces. Combined with a prepared directory tree and a setuid program, chroot can be abused to escalate privileges.',
  CAP_SYS_PTRACE:
    'Trace, inspect and modify any process, including reading and writing its memory. A compromised service can read secrets out of other processes or inject code into them, which breaks any sandbox boundary between them.',
  CAP_SYS_PACCT:
    'Turn process accounting on or off. Low risk on its own, but it can hide activity from accounting records or fill a disk with them.',
  CAP_SYS_ADMIN:
    'A catch-all covering a large share of privileged operations: mounting file systems, setting the host name, many device and file system controls, namespace and keyring administration, and more. Treat it as equivalent to root: among other things it can remount paths and undo the mount-based sandboxing (ProtectSystem=, ReadOnlyPaths=) of the service.',
  CAP_SYS_BOOT:
    'Reboot or power off the machine and load a new kernel for direct booting. A compromised service can take the host down or boot it into a kernel of its choosing.',
  CAP_SYS_NICE:
    'Raise scheduling priority, use real-time scheduling policies, and set the CPU affinity, I/O priority and memory placement of any process. A runaway or malicious real-time process can starve the rest of the system.',
  CAP_SYS_RESOURCE:
    'Exceed or raise resource limits: hard rlimits, disk quotas, reserved file system space, message queue and pipe size limits, and similar caps. It defeats the limits meant to keep one service from exhausting shared resources.',
  CAP_SYS_TIME:
    'Set the system clock and the hardware real-time clock. Moving the clock can defeat certificate expiry checks, time-based one-time passwords, Kerberos and log correlation; only time synchronisation daemons need it.',
  CAP_SYS_TTY_CONFIG:
    'Perform privileged terminal operations such as hanging up a terminal and configuring virtual consoles. It lets a process disrupt other users\' terminal sessions.',
  CAP_MKNOD:
    'Create device special files. With it a process can create a node for a raw disk or memory device and go around file permissions, unless device access is otherwise restricted (PrivateDevices=, DevicePolicy=, nodev mounts).',
  CAP_LEASE:
    'Take file leases on files the process does not own. It can be used to delay other processes that open those files.',
  CAP_AUDIT_WRITE:
    'Write records to the kernel audit log. Login-type services need it; a compromised service can use it to inject misleading audit records.',
  CAP_AUDIT_CONTROL:
    'Change the kernel audit configuration: enable or disable auditing, edit audit rules and change the login UID used in audit records. A compromised service can blind auditing and cover its tracks.',
  CAP_SETFCAP:
    'Set file capabilities on any executable and map root in a new user namespace. A service with it can create programs that grant capabilities when run, a direct escalation path.',
  CAP_MAC_OVERRIDE:
    'Override mandatory access control policy; the Smack security module honours it. It lets a process ignore the restrictions such a policy places on it.',
  CAP_MAC_ADMIN:
    'Change mandatory access control configuration or state, for example loading AppArmor profiles or altering Smack rules. A service with it can rewrite the security policy that is supposed to confine it.',
  CAP_SYSLOG:
    'Perform privileged kernel log operations such as reading or clearing the kernel ring buffer when access is restricted, and see kernel addresses otherwise hidden in /proc. Leaked kernel addresses help defeat kernel address randomisation.',
  CAP_WAKE_ALARM:
    'Arm timers that wake the system from suspend. Low risk; misuse mostly costs power or battery.',
  CAP_BLOCK_SUSPEND:
    'Prevent the system from suspending, through wake locks and wake-up events. Misuse can keep a laptop or device awake and drain its battery.',
  CAP_AUDIT_READ:
    'Read the kernel audit log through its multicast socket. Audit records can reveal what other users and services are doing.',
  CAP_PERFMON:
    'Use performance monitoring and tracing (perf events and related BPF features) beyond what unprivileged users may. It lets a process observe other processes and the kernel, which can leak sensitive information.',
  CAP_BPF:
    'Perform privileged BPF operations: load most program types and create maps (some program types also need CAP_PERFMON or CAP_NET_ADMIN). Loaded programs run inside the kernel, so verifier bugs become kernel exploits.',
  CAP_CHECKPOINT_RESTORE:
    'Checkpoint/restore operations: choose the PID of new processes, read the memory-mapped files of other processes and change some process memory layout fields. Meant for checkpoint/restore tools; a regular service should not keep it.',
};
