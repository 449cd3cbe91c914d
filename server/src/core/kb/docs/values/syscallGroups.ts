import type { ValueDocs } from '../types';

/**
 * What each seccomp system call group of SystemCallFilter= covers, and what
 * allowing or denying it means for a service. The member lists live in the
 * knowledge-base tables and are shown next to these texts.
 */
export const syscallGroupDocs: ValueDocs = {
  '@default':
    'The bare minimum every program uses: exiting, running a binary, querying its own IDs and limits, mapping memory, reading clocks, sleeping and waiting on futexes. An allow-list always includes it implicitly, and denying it breaks practically any process.',
  '@aio':
    'Kernel asynchronous I/O, both the older native AIO interface and io_uring. Databases, storage servers and virtual machine monitors use it for fast disk I/O; denying it shrinks the kernel attack surface (io_uring in particular has a long record of exploitable bugs) and most services never notice.',
  '@basic-io':
    'Reading, writing and seeking on file descriptors, and duplicating and closing them. Every program needs these, so this group belongs in any allow-list and is never worth denying.',
  '@chown':
    'Changing the owner and group of files. Services that create files on behalf of other users or hand files to another account need it; denying it keeps a compromised service from giving files away or taking them over, even where it holds CAP_CHOWN.',
  '@clock':
    'Setting or adjusting the system clock. Only time synchronisation daemons need it; denying it prevents a compromised service from moving the clock, which can defeat certificate expiry checks, time-based one-time passwords and log correlation.',
  '@cpu-emulation':
    'Architecture-specific calls for legacy CPU behaviour: virtual-8086 mode, per-process segment descriptor tables and endianness switching, used by DOS emulators and Windows compatibility layers. Ordinary services never need them, and denying them removes rarely exercised, historically buggy kernel code.',
  '@debug':
    'Process tracing, grabbing file descriptors from other processes, and performance and tracing counters. Only debuggers, tracers and profilers need these; denying them keeps a compromised service from inspecting or injecting code into other processes it could otherwise reach.',
  '@file-system':
    'Everyday file system work: opening, creating, renaming and deleting files and directories, reading metadata, changing permission bits, extended attributes, links and change notification. Almost every program needs this group; restrict which paths a service can touch with the file system sandboxing settings instead.',
  '@io-event':
    'Waiting for activity on many file descriptors at once (poll, select, epoll) and event-counter descriptors. Any service built around an event loop needs it; denying it breaks most network daemons.',
  '@ipc':
    'Inter-process communication: pipes, System V shared memory, semaphores and message queues, POSIX message queues, anonymous memory files, and reading or writing another process\'s memory directly. Most services need at least pipes; the cross-process memory calls still require ptrace-level permission over the target.',
  '@keyring':
    'Access to the kernel key retention service, where keys, tokens and passwords can be stored and looked up. Needed by services handling disk encryption keys, Kerberos or network file system credentials; other services can safely deny it.',
  '@memlock':
    'Locking memory pages in RAM so they are never swapped out. Used by programs that keep secrets in memory or have real-time latency needs; denying it is harmless for most services (locking beyond the resource limit also needs CAP_IPC_LOCK).',
  '@module':
    'Loading and unloading kernel modules. Only module loaders such as the device manager need it; denying it (together with dropping CAP_SYS_MODULE) closes a direct route to running arbitrary code in the kernel.',
  '@mount':
    'Mounting, unmounting and moving file systems, the newer file-descriptor-based mount interface, and changing the root directory. Only container managers, automounters and similar tools need it; denying it stops a service from undoing or reshaping its mount-namespace sandbox.',
  '@network-io':
    'Creating sockets, connecting, listening and accepting, sending and receiving, and socket options, for local (AF_UNIX) as well as network sockets. Anything that talks to the network, D-Bus, the system log socket or the service manager\'s notification socket needs it; use RestrictAddressFamilies= and IPAddressDeny= to narrow which sockets.',
  '@obsolete':
    'Calls that are obsolete, unusual or never implemented by Linux, kept only for old binaries. No modern service needs them, so denying this group is a free hardening win.',
  '@pkey':
    'Memory protection keys, a CPU feature for cheaply switching access rights on groups of memory pages. Only a few runtimes and hardened allocators use it; denying it is harmless for almost every service.',
  '@privileged':
    'Every call that only works with special privileges: switching user or group IDs, changing capabilities, chroot, setting the host name, BPF, quotas, process accounting, plus the clock, module, raw I/O, reboot, swap and ownership groups. Denying it suits services that never need root powers; a service that starts as root and drops privileges itself needs the ID-switching calls, so let User= do that instead.',
  '@process':
    'Process and thread management: creating processes and threads, running programs, waiting for children, sending signals, process control knobs, and creating or entering namespaces. Nearly every program needs these (threads are created through them too); limit namespace use with RestrictNamespaces= rather than by denying this group.',
  '@raw-io':
    'Direct hardware access: I/O port permissions and PCI configuration space reads and writes. Only low-level hardware tools need it; denying it (together with dropping CAP_SYS_RAWIO) blocks a path around the kernel\'s device drivers and memory protections.',
  '@reboot':
    'Rebooting, halting or powering off the machine and loading a new kernel to boot into directly. Only the service manager and boot tools need it; denying it keeps a compromised service from rebooting the host or booting it into a kernel of its choosing.',
  '@resources':
    'Changing scheduling policy and priority, nice values, CPU affinity, I/O priority, NUMA memory placement and resource limits. Needed by services that tune their own performance or real-time behaviour; denying it keeps a service from raising its own limits or priority, and from changing those of other processes it could reach.',
  '@sandbox':
    'Calls a program uses to sandbox itself further: installing its own seccomp filters and creating Landlock rule sets. It is part of the default set, so self-sandboxing stays possible under any allow-list; there is little reason to deny it.',
  '@setuid':
    'Changing the real, effective and saved user and group IDs and the supplementary group list. Needed by services that start as root and switch to another account themselves, or that run work on behalf of users (login, cron, SSH); denying it keeps a compromised service from changing identity.',
  '@signal':
    'Installing signal handlers, blocking and waiting for signals, and signal file descriptors. Practically every program uses them, so this group belongs in any allow-list.',
  '@swap':
    'Enabling and disabling swap areas. Only swap management needs it; denying it is harmless for ordinary services.',
  '@sync':
    'Flushing file data and memory mappings to stable storage. Databases and anything that must not lose acknowledged writes need it; denying it leaves the service unable to make its writes durable.',
  '@system-service':
    'A broad set meant as the starting point for allow-listing a typical system service: it bundles the everyday groups (file system, basic I/O, networking, processes, signals, timers, IPC and more) plus common standalone calls, and leaves out special-purpose ones such as clock setting, mounting, swap, reboot, module loading and debugging. A common hardening line allows it and then denies @privileged and @resources on top.',
  '@timer':
    'Alarms, interval timers, POSIX timers and timer file descriptors for scheduling work by time. Most long-running services need them; denying the group breaks timeouts and periodic tasks.',
  '@known':
    'Every system call systemd knew about when it was built, including the obsolete ones. It mainly serves to reason about filters: calls added to the kernel after that are not in it, so the list ages as the kernel moves on.',
};
