import type { DirectiveDocs } from '../types';

/**
 * Hardening and sandboxing settings of the exec context ([Service], [Socket],
 * [Mount], [Swap]): what each one does, what it takes away from an attacker,
 * and what a service that needs the access loses. Values, versions, pairings
 * and security-check weights live in the knowledge-base tables.
 */
export const docs: DirectiveDocs = {
  // User and group identity

  User: {
    summary: "Runs the unit's processes as the given user (name or numeric UID) instead of root.",
    protects: "Takes away root's reach over the whole system: a compromised daemon can only touch what its own account may touch, and it starts without the capabilities root holds.",
    breaks: 'Whatever the program did as root fails: binding ports below 1024, reading root-owned keys or configuration, writing to root-owned directories, or starting as root to drop privileges itself.',
    notes: 'The account must already exist when the unit starts (for example from sysusers.d) unless DynamicUser= is on. Prefer a dedicated account over nobody, which other services share. Command lines with the + prefix still run as root.',
  },
  Group: {
    summary: "Sets the primary group of the unit's processes; without it, the primary group of User= is used.",
    protects: "Ties the service's group-based file access, and the group of the files it creates, to a dedicated group instead of root's or a shared one.",
    breaks: 'Access granted through the previous primary group is lost, and files the service creates carry the new group, which other tools reading them may not expect.',
    notes: 'With Group= but no User=, the processes still run as the root user, so this alone isolates very little.',
  },
  DynamicUser: {
    summary: 'Allocates a throwaway UID/GID pair for the unit while it runs and releases it when the unit stops.',
    protects: 'The service runs under an account no other process uses and that owns nothing lasting on disk. It also switches on a bundle of protections: read-only OS and home directories, a private /tmp, no privilege gain through setuid, no SUID/SGID file creation, and IPC cleanup at stop.',
    breaks: 'The service can write only where it is explicitly allowed (StateDirectory= and the other managed directories, ReadWritePaths=); files with a fixed owner, owning a D-Bus name and setuid helpers stop working.',
    notes: 'UIDs are reused after the unit stops, so files left outside the managed directories may later belong to another service; keep writable data in the *Directory= settings and avoid BindPaths=. If a static user of that name exists, it is used instead.',
  },
  SupplementaryGroups: {
    summary: "Adds extra group memberships to the unit's processes, on top of those the user database gives User=.",
    protects: "The targeted way to hand a non-root service one group-based permission (a device group, a socket's group) instead of running it as root.",
    breaks: 'It widens access rather than narrowing it; dropping a group the service relied on causes permission errors on sockets, devices or shared files.',
    notes: 'Review every group: membership in groups such as disk, adm or docker is close to full root access. An empty assignment discards earlier lines. Not applied to + command lines.',
  },
  SetLoginEnvironment: {
    summary: "Controls whether the service manager sets $HOME, $LOGNAME and $SHELL for the unit's processes.",
    protects: 'Turned off, a service (even one running as root) is not pointed at a home directory or login shell, so programs do not read or write dotfiles there by default.',
    breaks: 'Programs that find their configuration, caches or keys through $HOME, or start $SHELL, fall back to defaults or fail when the variables are missing.',
    notes: 'When not set, the variables are provided only if User=, DynamicUser= or PAMName= is configured. Per-user services usually inherit them from the user manager anyway.',
  },
  PAMName: {
    summary: "Opens a PAM session for the unit's processes under the given PAM service name.",
    protects: 'Lets site PAM policy (resource limits, access rules, auditing modules) apply to the service the way it applies to a login.',
    breaks: 'Start-up now depends on the PAM stack: a strict or broken PAM configuration can refuse or stall the service, and PAM modules may grant extra groups or environment.',
    notes: 'Only takes effect together with User=. A helper process stays alive for the session, and the main process may be moved into a separate session scope, which breaks NotifyAccess=all.',
  },

  // Capabilities and privilege flags

  CapabilityBoundingSet: {
    summary: "Limits which Linux capabilities the unit's processes can ever hold, even when running as root.",
    protects: 'Removes kernel privileges such as CAP_SYS_ADMIN, CAP_NET_ADMIN or CAP_SYS_PTRACE for good: neither root code nor setuid programs started later can regain them. It is the main brake on a service that must run as root.',
    breaks: 'Privileged steps that need a removed capability fail with EPERM, for example binding ports below 1024 (CAP_NET_BIND_SERVICE), changing file owners (CAP_CHOWN) or reading files regardless of their mode (CAP_DAC_OVERRIDE).',
    notes: 'A plain list is an allow-list and a leading ~ makes it a deny-list. An empty value leaves no capabilities at all, while a bare ~ restores the full set, discarding earlier lines. Not applied to + command lines.',
  },
  AmbientCapabilities: {
    summary: "Grants the listed capabilities to the unit's processes even when they run as a non-root user.",
    protects: 'Lets a daemon keep exactly one privilege it needs (such as CAP_NET_BIND_SERVICE for port 443) while running unprivileged, instead of running as root with every capability.',
    breaks: 'It widens rather than restricts: the capabilities stay with the process and are passed on to programs it executes, so a compromised service keeps them. Removing one the program relies on makes its privileged step fail.',
    notes: 'A capability removed by CapabilityBoundingSet= cannot be granted here. For non-root users keep-caps is added to SecureBits= automatically. Not applied to + command lines.',
  },
  NoNewPrivileges: {
    summary: "Stops the unit's processes and their descendants from gaining privileges when they execute another program.",
    protects: 'Setuid and setgid bits and file capabilities no longer raise privileges, so a compromised non-root service cannot escalate through sudo, su or a vulnerable setuid helper.',
    breaks: "Anything that calls sudo, su, pkexec, newgrp or other setuid or file-capability helpers stops working: the helper runs with the caller's privileges only. SELinux transitions into wider domains on exec are refused too.",
    notes: 'Covers only processes descended from the service, not work it hands to other daemons (cron, at, systemd-run, D-Bus services). Services running as a non-root user get it anyway as soon as a seccomp-based option such as SystemCallFilter= or RestrictAddressFamilies= is used.',
  },
  SecureBits: {
    summary: 'Sets the kernel securebits flags that change how capabilities behave across user switches and exec.',
    protects: 'Flags such as noroot stop UID 0 from receiving capabilities automatically, no-cap-ambient-raise blocks raising ambient capabilities, and the -locked variants keep the process from changing a flag back.',
    breaks: "With noroot, programs that run as root but expect root's capabilities lose them; keep-caps keeps capabilities across a switch to another user, which weakens privilege dropping if set carelessly.",
    notes: 'Rarely needed by hand: AmbientCapabilities= already adds keep-caps where required. A later line replaces the flags of an earlier one instead of adding to them, and an empty value clears all flags. Not applied to + command lines.',
  },

  // Mandatory access control

  SELinuxContext: {
    summary: "Starts the unit's processes in the given SELinux context instead of the one the policy would pick.",
    protects: 'Allows confining a service in a specific, tighter SELinux domain when the policy has no automatic transition for its binary.',
    breaks: 'If the policy forbids the transition or the domain lacks permissions the program needs, the service fails to start or runs into AVC denials; a badly chosen context can also allow more than the default one.',
    notes: 'Ignored when SELinux is disabled. A leading - ignores a failure to set the context, but the exec may still be refused by policy. Not applied to + command lines.',
  },
  AppArmorProfile: {
    summary: "Switches the unit's processes to the named AppArmor profile, which must already be loaded.",
    protects: 'Adds mandatory access control on top of Unix permissions: the profile decides which files, capabilities and network access the service gets, even as root.',
    breaks: 'The unit fails to start when the profile is not loaded, and everything the profile does not allow is denied and logged.',
    notes: 'No effect on systems without AppArmor. A leading - ignores errors, including a missing profile, which silently leaves the service unconfined. Not applied to + command lines.',
  },
  SmackProcessLabel: {
    summary: "Runs the unit's processes under the given SMACK label.",
    protects: 'Puts the service under the SMACK rules for that label, limiting which labelled files and processes it can access.',
    breaks: 'Accesses the rules do not permit between that label and the objects the service uses are denied; an executable carrying its own SMACK64EXEC label still switches to that label.',
    notes: 'Ignored when SMACK is not enabled; without this setting the processes get the label systemd itself runs under. A leading - ignores errors.',
  },

  // File system view

  ProtectSystem: {
    summary: "Mounts the operating system's directories read-only for the unit.",
    protects: 'Stops a compromised service from altering installed software and boot files and, at the stronger levels, system configuration or the whole file system, so it cannot plant binaries, replace libraries or change configuration.',
    breaks: 'Writes outside the allowed paths fail with EROFS (read-only file system): self-updates and package installs, editing /etc (full, strict) or keeping state in /var (strict) unless the path is opened with ReadWritePaths= or a *Directory= setting.',
    notes: 'yes covers /usr and the boot loader directories, full adds /etc, and strict makes everything read-only except /dev, /proc and /sys (protect those with PrivateDevices=, ProtectKernelTunables= and ProtectControlGroups=). Aim for strict; with PrivateTmp= on, /tmp and /var/tmp stay writable. A process holding CAP_SYS_ADMIN can remount, so also drop it or deny @mount.',
  },
  ProtectHome: {
    summary: 'Hides or write-protects /home, /root and /run/user for the unit.',
    protects: "Keeps users' private files, SSH keys, browser profiles and root's home directory out of reach of a compromised service.",
    breaks: 'Services that work in home directories (backup agents, mail delivery to ~/Maildir, per-user web directories, anything reading ~/.config) can no longer see or change those files.',
    notes: 'yes makes the three directories empty and inaccessible, read-only leaves them visible but unwritable, and tmpfs mounts an empty read-only tmpfs over them so chosen paths can be brought back with BindPaths=. Home directories kept elsewhere, such as /srv/home, are not covered.',
  },
  ReadWritePaths: {
    summary: 'Keeps the listed paths writable inside an otherwise read-only view of the file system.',
    protects: 'Makes a tight ProtectSystem=strict or ReadOnlyPaths= sandbox workable by opening only the exact places the service must write.',
    breaks: 'Anything missing from the list stays read-only and writes there fail with EROFS; every entry added widens what a compromised service can modify.',
    notes: 'A file system that is read-only at the superblock level stays read-only. A leading - skips paths that do not exist, + resolves the path inside RootDirectory=/RootImage=, and an empty value drops earlier entries.',
  },
  ReadOnlyPaths: {
    summary: 'Makes the listed paths read-only for the unit, whatever their file permissions say.',
    protects: 'The service cannot change the listed files or trees even when its user, root included, would normally be allowed to write them.',
    breaks: 'Writes below the listed paths fail with EROFS; add a nested ReadWritePaths= entry for subdirectories that must stay writable.',
    notes: 'Mounts that appear on the host later below a read-only path show up writable inside the unit, so the protection is not complete. Keep /run writable, as namespace setup needs it. A process holding CAP_SYS_ADMIN can undo it, so also drop that or deny @mount.',
  },
  InaccessiblePaths: {
    summary: 'Makes the listed paths and everything below them completely inaccessible to the unit.',
    protects: "Hides sensitive locations, such as key stores, other daemons' sockets and data, or /dev/shm, so a compromised service can neither read, write nor connect to them.",
    breaks: 'Every access below the path fails with a permission error, and nothing inside can be reopened, not even with ReadWritePaths= or BindPaths=.',
    notes: 'To hide a tree but keep parts of it, use TemporaryFileSystem= plus bind mounts instead. Take care with API file systems such as /proc, /sys or /run. A leading - skips paths that do not exist.',
  },
  ExecPaths: {
    summary: 'Allows executing programs again below the listed paths inside an area made non-executable with NoExecPaths=.',
    protects: 'Makes an execute allow-list possible: with NoExecPaths=/ plus ExecPaths= for the daemon and its libraries, nothing else, such as downloads, files in /tmp or state directories, can be run.',
    breaks: 'A binary, helper, interpreter or shared library outside the listed paths can no longer be executed or loaded, so the service or the programs it starts fail with permission errors.',
    notes: 'Only meaningful inside a NoExecPaths= area. List the dynamic loader and library directories (/usr/lib, /usr/lib64 and so on) as well as the binary itself.',
  },
  NoExecPaths: {
    summary: 'Makes the listed paths non-executable for the unit, even where file modes allow execution.',
    protects: 'Prevents a compromised service from running payloads or scripts it dropped into writable places such as /tmp, /var/lib or /dev/shm.',
    breaks: 'Programs and shared libraries below the path can no longer be run or loaded; covering the ExecStart= binary or its libraries makes the service fail to start.',
    notes: 'A script can still be run by handing it to an interpreter stored elsewhere (for example sh /tmp/x), so this is not a complete barrier. Reopen needed locations with ExecPaths=.',
  },
  TemporaryFileSystem: {
    summary: 'Mounts an empty tmpfs over each listed path for the unit, hiding what lies underneath.',
    protects: 'Hides whole directory trees from the service while letting selected items be brought back with BindPaths=/BindReadOnlyPaths=, a flexible way to build a minimal file system view.',
    breaks: 'Everything originally below the path disappears for the service, and whatever it writes there (unless mounted :ro) lives in memory and is gone when the unit stops.',
    notes: 'Mount options follow a colon, :ro being the usual choice. Unlike InaccessiblePaths=, bind mounts can be placed inside it.',
  },
  BindPaths: {
    summary: "Bind-mounts host paths, writable, into the unit's file system view, optionally at a different location.",
    protects: 'Gives a service only the specific host paths it needs, especially inside RootDirectory=/RootImage= or under a TemporaryFileSystem=, instead of the whole tree.',
    breaks: 'It grants access rather than removing it: a writable bind mount can reopen host data the rest of the sandbox hides. A missing source makes the unit fail unless the entry starts with -.',
    notes: 'Each entry is source[:destination[:options]], with rbind or norbind as options. Avoid it with DynamicUser=, since files created through it escape the cleanup of the recycled UID. An empty value resets both BindPaths= and BindReadOnlyPaths=.',
  },
  BindReadOnlyPaths: {
    summary: "Bind-mounts host paths, read-only, into the unit's file system view, optionally at a different location.",
    protects: 'Exposes just the host files a sandboxed service must read (certificates, a configuration tree, the journal sockets) without letting it change them.',
    breaks: 'The service cannot write to those paths; a missing source makes the unit fail unless the entry starts with -.',
    notes: 'Common with RootDirectory=/RootImage= and for bringing selected paths back under TemporaryFileSystem= or ProtectHome=tmpfs. An empty value resets both bind settings.',
  },
  PrivateTmp: {
    summary: "Gives the unit its own /tmp and /var/tmp, separate from the host's and from other services'.",
    protects: "Blocks the classic shared-/tmp attacks: symlink and race tricks by other local users, reading other services' temporary files, and leaking the service's own; the private directories are removed when the unit stops.",
    breaks: "Programs that exchange files or sockets with other processes through /tmp (an X11 socket, a file a user dropped there for the service) no longer see each other's files.",
    notes: "yes keeps the private directories on the host's /tmp and /var/tmp storage and lets units share them via JoinsNamespaceOf=; disconnected uses a brand-new tmpfs shared with nothing. A process holding CAP_SYS_ADMIN can undo it, so also drop that or deny @mount.",
  },
  PrivateMounts: {
    summary: 'Runs the unit in its own mount namespace, so mounts it makes never appear on the host.',
    protects: 'Mounts and unmounts done by the service stay inside its namespace, so it cannot cover host paths or hide files from other processes. It is also the base the other file system sandboxing options build on.',
    breaks: 'Services whose job is to create mounts for the whole system (automounters, storage or container tools) stop working, because their mounts stay invisible to the host.',
    notes: 'Host mounts still propagate into the unit. Most file system sandboxing options turn this on implicitly; set it explicitly only when none of them is used. Each command line gets its own namespace, so mounts made in ExecStartPre= are gone for ExecStart=.',
  },
  MountFlags: {
    summary: "Sets the mount propagation mode (shared, slave or private) inside the unit's mount namespace.",
    protects: "Little on its own: the other namespacing options already stop the unit's mounts from reaching the host. private additionally stops host mount events from reaching the unit.",
    breaks: 'With private, unmounts on the host do not reach the unit, so removable media or network shares stay busy while it runs; shared cannot restore propagation towards the host once other options have made it slave.',
    notes: 'Usually best left unset in favour of PrivateMounts= and the related options.',
  },
  MountAPIVFS: {
    summary: 'Mounts private /proc, /sys and /dev plus an empty /run for a unit that runs with its own root directory.',
    protects: "Gives a RootDirectory=/RootImage= service working kernel interfaces without exposing the host's /run; together with PrivateDevices= it gets a minimal /dev instead of the host's.",
    breaks: "The /run it gets is empty, so host sockets such as the D-Bus system bus are unreachable unless bind-mounted in; without PrivateDevices= the host's full /dev is bind-mounted in.",
    notes: 'No effect unless RootDirectory= or RootImage= is set. ProtectProc=, ProcSubset=, PrivatePIDs=, ProtectKernelTunables= and ProtectControlGroups= switch it on implicitly.',
  },
  BindLogSockets: {
    summary: "Bind-mounts the journal's logging sockets into the unit's mount namespace.",
    protects: "Keeps a heavily sandboxed service (own /run or own root) able to log, so its activity stays recorded, without exposing the rest of the host's /run.",
    breaks: 'Turned off in such a setup, syslog() and journal logging from the service fail and its messages are lost.',
    notes: 'Implied by LogNamespace=, by MountAPIVFS=yes and by PrivateDevices=yes combined with a changed root.',
  },

  // Process and kernel interfaces

  ProtectProc: {
    summary: "Restricts the unit's view of other users' processes in /proc (the procfs hidepid option).",
    protects: "Stops the service from reading other users' command lines and process details in /proc, which can leak secrets passed as arguments and help an attacker map the system.",
    breaks: "Monitoring agents, process supervisors and tools like ps or top that must see other users' processes get incomplete results or permission errors.",
    notes: 'noaccess denies access to nearly all per-process entries of other users, invisible hides them, and ptraceable shows only processes the service could trace. Root and holders of CAP_SYS_PTRACE are not affected, so pair it with a non-root User= or DynamicUser=; kernels without per-mount hidepid support ignore it.',
  },
  ProcSubset: {
    summary: 'With pid, shows the unit only the per-process part of /proc and hides the kernel interfaces there.',
    protects: 'Hides system-wide information and tunables exposed in /proc (memory and CPU details, /proc/sys and the like), shrinking what a compromised service can learn or touch.',
    breaks: 'Many programs and libraries read files such as /proc/meminfo, /proc/cpuinfo or /proc/sys entries; with pid they fail, so it only suits very simple services.',
    notes: 'Uses the procfs subset= mount option and is silently skipped on kernels without it.',
  },
  PrivateDevices: {
    summary: 'Gives the unit a minimal /dev with pseudo-devices only (null, zero, random, terminals), no hardware.',
    protects: 'Removes access to disks, raw memory, I/O ports and other hardware nodes, and blocks raw I/O system calls and device-node creation, so even a root service cannot read disks directly or poke hardware.',
    breaks: 'Services that use hardware (disks, serial ports, GPUs, TPM, USB devices) lose those device nodes; old programs that map /dev/zero as executable fail, as the new /dev is noexec.',
    notes: 'Also sets DevicePolicy=closed; when only some devices are needed, DeviceAllow= is the alternative. For a service running as a non-root user (without CAP_SYS_ADMIN), it also turns on no-new-privileges, so setuid helpers such as sudo stop working.',
  },
  ProtectKernelTunables: {
    summary: 'Makes kernel tunables in /proc/sys, /sys and related /proc files read-only for the unit.',
    protects: 'A compromised service cannot change sysctl or sysfs settings (weakening security knobs, enabling IP forwarding, altering kernel behaviour), and /proc/kallsyms and /proc/kcore, which reveal kernel addresses and memory, become inaccessible.',
    breaks: 'Services that set sysctls or write to sysfs at runtime (network managers, tuning daemons, some VPN and container tools) fail with EROFS.',
    notes: "Changes another process makes on the service's behalf over IPC are not prevented; set boot-time values with sysctl.d instead. For a service running as a non-root user (without CAP_SYS_ADMIN), it also turns on no-new-privileges, so setuid helpers such as sudo stop working.",
  },
  ProtectKernelModules: {
    summary: 'Prevents the unit from loading or unloading kernel modules.',
    protects: 'Closes one of the most direct routes from root to running code in the kernel: a compromised service cannot insert a malicious or vulnerable module.',
    breaks: 'Services that load modules on demand (tools calling modprobe for a file system, firewall tools needing netfilter modules) fail; /usr/lib/modules is hidden as well.',
    notes: 'The kernel may still load modules automatically as a side effect of ordinary requests; the kernel.modules_disabled sysctl stops that system-wide. For a service running as a non-root user (without CAP_SYS_ADMIN), it also turns on no-new-privileges, so setuid helpers such as sudo stop working.',
  },
  ProtectKernelLogs: {
    summary: 'Denies the unit access to the kernel log buffer (/dev/kmsg, /proc/kmsg and the syslog(2) call).',
    protects: 'Kernel messages can leak addresses and other details useful to exploits; the service also cannot inject fake kernel log lines or clear the buffer.',
    breaks: 'Log collectors that read kernel messages (dmesg) or programs that write to /dev/kmsg fail; ordinary logging through syslog(3) or the journal keeps working.',
    notes: 'Drops CAP_SYSLOG as well. For a service running as a non-root user (without CAP_SYS_ADMIN), it also turns on no-new-privileges, so setuid helpers such as sudo stop working.',
  },
  ProtectClock: {
    summary: 'Denies the unit any change to the system clock or the hardware real-time clock.',
    protects: 'A compromised service cannot move time, which would disturb logs, certificate checks, timers and time-based authentication.',
    breaks: 'NTP clients and time-sync daemons fail; because the clock-adjusting calls are blocked as a whole, programs that only query clock state through them can fail too.',
    notes: 'Drops CAP_SYS_TIME and CAP_WAKE_ALARM and makes RTC devices read-only through the device policy. For a service running as a non-root user (without CAP_SYS_ADMIN), it also turns on no-new-privileges, so setuid helpers such as sudo stop working.',
  },
  ProtectControlGroups: {
    summary: "Restricts the unit's access to the cgroup file system under /sys/fs/cgroup.",
    protects: "A compromised service cannot rewrite cgroup settings to escape its resource limits, move processes between units or change other services' limits; private and strict also hide the rest of the host's cgroup tree.",
    breaks: 'Container managers and programs that create sub-cgroups or adjust limits themselves fail with EROFS unless delegation is arranged.',
    notes: 'yes makes the host hierarchy read-only; private runs the unit in a cgroup namespace with its own writable mount; strict does the same with a read-only mount. Without the unified hierarchy and cgroup namespaces, private and strict fall back to no and yes.',
  },
  ProtectHostname: {
    summary: "Runs the unit in its own UTS namespace so it cannot change the host's hostname or domain name.",
    protects: 'A compromised service cannot rename the machine, which could confuse logging, monitoring, certificates and cluster membership; with yes the system calls for setting names are blocked outright.',
    breaks: 'The service no longer sees later hostname changes of the system, and programs that set the hostname (DHCP clients, provisioning tools) fail or, with private, change only their own view.',
    notes: 'private allows changing a name only the unit sees; a hostname can be given after a colon for the namespace. Root can still rename the host over D-Bus (hostnamectl), so run as a non-root User= too.',
  },
  PrivateNetwork: {
    summary: 'Runs the unit in its own network namespace with only a loopback interface.',
    protects: "Cuts the service off from every network: it cannot connect out, leak data, reach internal services or listen on host interfaces. Netlink and the host's abstract AF_UNIX sockets are out of reach as well.",
    breaks: "All direct network use fails, including connections to services listening on the host's localhost, and udev device events are not received. Only AF_UNIX sockets in the file system and sockets handed over by socket activation keep working.",
    notes: 'Ideal for services that get their listening sockets through socket activation. Several units can share one namespace with JoinsNamespaceOf=.',
  },
  NetworkNamespacePath: {
    summary: "Puts the unit's processes into an existing network namespace named by a path such as /proc/PID/ns/net.",
    protects: 'Confines a service to a prepared namespace, for example one holding only a VPN interface, so it can reach only the networks placed there.',
    breaks: "The service sees only that namespace's interfaces, routes and firewall rules; if the path does not refer to a valid namespace when the unit starts, the start fails.",
    notes: 'Takes precedence over PrivateNetwork=. Combined with JoinsNamespaceOf=, it counts only if this unit starts first.',
  },
  PrivateIPC: {
    summary: 'Gives the unit its own IPC namespace: separate System V IPC objects and POSIX message queues.',
    protects: "Other processes cannot attach to or tamper with the service's System V shared memory, semaphores and message queues, and the service cannot reach theirs.",
    breaks: 'Programs that share System V IPC or POSIX message queues with processes outside the unit (some databases and their tools, legacy middleware) can no longer find them.',
    notes: 'Has no effect on AF_UNIX sockets or on POSIX shared memory in /dev/shm, which depend on other namespaces. Units can share one IPC namespace with JoinsNamespaceOf=.',
  },
  IPCNamespacePath: {
    summary: "Puts the unit's processes into an existing IPC namespace named by a namespace file path.",
    protects: 'Lets cooperating processes share System V IPC and message queues in a namespace kept apart from the rest of the host.',
    breaks: "The service can reach only that namespace's IPC objects; an invalid path at start-up makes the unit fail.",
    notes: 'Takes precedence over PrivateIPC=. Combined with JoinsNamespaceOf=, it counts only if this unit starts first.',
  },
  PrivatePIDs: {
    summary: 'Runs the unit in a new PID namespace where its main process is PID 1 and only its own processes exist.',
    protects: "The service cannot see, signal or trace any other process on the host, and its /proc lists only its own process tree, hiding other programs' command lines and activity.",
    breaks: 'Tools that inspect or signal host processes stop working; the main process takes on PID 1 duties, so unreaped children pile up and, without a SIGTERM handler, it ignores the stop request until it is killed.',
    notes: 'Service units only, and not with Type=forking: when the main process exits, the kernel kills everything else in the namespace.',
  },
  PrivateUsers: {
    summary: 'Runs the unit in a user namespace with a restricted UID/GID mapping.',
    protects: "Capabilities held inside the unit apply only within its own user namespace, not on the host, so even root in the unit cannot load modules, set the clock or override permissions on files of unmapped users; with the default mapping, other users' files appear owned by nobody.",
    breaks: 'Operations that need real host privileges fail (mounting on the host, some device access, changing owners to IDs outside the mapping), and files of unmapped users show up as owned by nobody, which confuses ownership checks.',
    notes: "self (the same as yes) maps only root and the unit's own user and group; identity (the first 65536 IDs) and full (all IDs) map one-to-one, isolating capabilities but not IDs; managed gives the unit a dynamically allocated ID range whose root is an unprivileged host UID. In the per-user manager, many sandboxing options turn this on implicitly.",
  },
  UserNamespacePath: {
    summary: "Puts the unit's processes into an existing user namespace named by a namespace file path.",
    protects: 'Runs the service under a prepared UID/GID mapping, so its capabilities apply within that namespace rather than on the host.',
    breaks: 'The service sees only the IDs mapped in that namespace; an invalid path at start-up makes the unit fail.',
    notes: 'Takes precedence over PrivateUsers=. Only for the system service manager.',
  },
  DelegateNamespaces: {
    summary: "Makes the namespaces systemd creates for the unit owned by the unit's own user namespace.",
    protects: 'Lets a user-namespaced service manage its own sandbox (for example configure its private network or mounts) with capabilities that count only inside its namespaces, instead of needing real host privileges.',
    breaks: 'It is a grant, not a restriction: the service gains control over the delegated namespaces, loosening the sandbox there in exchange for functionality. Delegating a type nothing creates has no effect.',
    notes: 'Implies PrivateUsers=self unless PrivateUsers= is already on. The namespace itself must still be requested by its own option, such as PrivateNetwork= or PrivateMounts=.',
  },
  PrivateBPF: {
    summary: "Mounts a private, empty BPF file system on /sys/fs/bpf for the unit instead of the host's.",
    protects: "Hides the host's pinned BPF programs and maps, which reveal, and might allow interfering with, networking, security and tracing programs other software has loaded.",
    breaks: "Tools that need the host's pinned maps or programs in /sys/fs/bpf (network, observability or firewall agents) can no longer find them.",
    notes: "With the BPFDelegate*= settings it lets a user-namespaced service use a chosen subset of BPF through a BPF token. Without it, ProtectKernelTunables= leaves the host's bpffs visible but read-only.",
  },
  BPFDelegateCommands: {
    summary: "Lists the bpf() commands that a BPF token from the unit's private bpffs may permit.",
    protects: 'Keeps delegated BPF power minimal: an unprivileged service gets only the BPF operations it needs rather than broad CAP_BPF-style access.',
    breaks: 'Commands not listed are refused when the service works through the token; any permits every command, which largely defeats the purpose.',
    notes: 'Only effective with PrivateBPF=yes; it becomes the delegate_cmds option of that bpffs mount.',
  },
  BPFDelegateMaps: {
    summary: "Lists the BPF map types that a BPF token from the unit's private bpffs may permit.",
    protects: 'Limits which kinds of BPF maps an unprivileged service can create through delegation.',
    breaks: 'Creating a map of an unlisted type through the token is refused; any permits every type.',
    notes: 'Only effective with PrivateBPF=yes; it becomes the delegate_maps option of that bpffs mount.',
  },
  BPFDelegatePrograms: {
    summary: "Lists the BPF program types that a BPF token from the unit's private bpffs may permit.",
    protects: 'Limits which kinds of BPF programs an unprivileged service can load through delegation, keeping powerful types such as tracing programs out of reach.',
    breaks: 'Loading a program of an unlisted type through the token is refused; any permits every type.',
    notes: 'Only effective with PrivateBPF=yes; it becomes the delegate_progs option of that bpffs mount.',
  },
  BPFDelegateAttachments: {
    summary: "Lists the BPF attach types that a BPF token from the unit's private bpffs may permit.",
    protects: 'Limits where a delegated BPF program may be attached, so an unprivileged service cannot hook places outside its purpose.',
    breaks: 'Attaching to an unlisted attach type through the token is refused; any permits every type.',
    notes: 'Only effective with PrivateBPF=yes; it becomes the delegate_attachs option of that bpffs mount.',
  },

  // Root file system and images

  RootDirectory: {
    summary: "Runs the unit's processes with the given directory as their root file system.",
    protects: 'Confines the service to a separate tree holding only what it needs, so host files, programs and configuration outside it are simply absent.',
    breaks: "The binary, its libraries, configuration and any device, /proc or socket it uses must exist inside the new root; host logging sockets, D-Bus and the host's /etc are out of reach unless bind-mounted in.",
    notes: 'Pair with MountAPIVFS= for /proc, /sys and /dev, with PrivateUsers= to limit user-database mismatches, and with BindReadOnlyPaths= for the journal sockets. On its own it is weak against a process that keeps CAP_SYS_CHROOT or CAP_SYS_ADMIN.',
  },
  RootImage: {
    summary: 'Runs the unit with its root file system mounted from a disk image or block device.',
    protects: "Runs the service from a self-contained image kept apart from the host's file system; with the dm-verity settings the image is also checked against tampering.",
    breaks: 'Everything the service needs must be in the image, and host files, sockets and devices need explicit bind mounts.',
    notes: 'The image holds a plain file system or a GPT image following the Discoverable Partitions Specification. Under a closed device policy, loop-device access is added to DeviceAllow= automatically.',
  },
  RootImageOptions: {
    summary: 'Sets mount options for the partitions of the RootImage=, optionally per partition name.',
    protects: 'Lets image partitions be mounted with restrictive options such as ro, nosuid, nodev or noexec, limiting what content from the image can do.',
    breaks: 'Options that are too strict (noexec on the partition holding the binaries, ro on one that must be written) stop the service from running or saving data.',
    notes: 'Without a partition name, the options apply to the root partition. An empty value clears earlier entries.',
  },
  RootEphemeral: {
    summary: 'Runs the unit on a throwaway copy of its RootDirectory= or RootImage=, deleted when the unit stops.',
    protects: 'Changes the service makes to its root tree do not survive a stop or restart, so a compromise cannot persist there and the original stays untouched.',
    breaks: 'Anything written into the root file system is lost at stop, so lasting data must go to bound or managed directories; copying can be slow and use much disk space without snapshots or reflinks.',
    notes: 'Keep the source on the same file system as /var/lib/systemd/ephemeral-trees/; a btrfs subvolume (directories) or a reflink-capable file system (images) keeps the copy cheap.',
  },
  RootHash: {
    summary: 'Gives the dm-verity root hash (hex, or a file holding it) used to verify the RootImage= while it is read.',
    protects: 'Each block read from the image is checked against the hash tree, so a modified or corrupted image is caught when read instead of being executed.',
    breaks: 'An image that no longer matches (say, updated without a new hash) produces read errors, so the service fails to start or crashes on I/O errors.',
    notes: 'When unset, the hash may come from a user.verity.roothash extended attribute or a .roothash file next to the image. The verity data must be in the image or supplied via RootVerity=.',
  },
  RootHashSignature: {
    summary: 'Supplies a PKCS#7 signature of the root hash; the image opens only if a key in the kernel keyring accepts it.',
    protects: 'Ties the image to a trusted signer: someone able to replace both the image and its root hash still cannot produce a valid signature.',
    breaks: 'Without the signing certificate in the kernel keyring, or with a stale signature after an image update, the image does not open and the service fails.',
    notes: 'Takes a path to a DER file or inline data prefixed with base64:. A .roothash.p7s file next to the image is used automatically.',
  },
  RootVerity: {
    summary: 'Points to a separate dm-verity hash-tree file for a RootImage= that does not contain its own.',
    protects: 'Extends integrity checking to simple single-file-system images, so tampered blocks are detected.',
    breaks: 'A hash file that does not match the image, or a missing root hash, stops the image from being used.',
    notes: 'Only for images without a partition table; GPT images should carry their verity data inside. A .verity file next to the image is used automatically.',
  },
  RootMStack: {
    summary: 'Runs the unit on a root file system assembled with overlayfs from a mount-stack (.mstack) directory.',
    protects: 'Like RootImage=, it gives the service its own composed root tree, separate from the host, built from the layers and bind mounts the stack defines.',
    breaks: 'Only what the stack provides is visible; host paths, sockets and devices need explicit bind mounts.',
    notes: 'Treated like RootImage= for device-policy additions and ordering after systemd-udevd.service.',
  },
  MountImages: {
    summary: "Mounts disk images or block devices at chosen paths inside the unit's file system view.",
    protects: "Supplies data or tools from a separate image visible only to this unit, not in the host's mount table, and mountable with restrictive options.",
    breaks: 'A missing image makes the unit fail unless the entry starts with -, and destinations below hidden directories (ProtectHome=yes, InaccessiblePaths=) cannot be created.',
    notes: 'Each entry is source:destination, optionally followed by mount options per partition. Under a closed device policy, loop-device access is added to DeviceAllow= automatically.',
  },
  ExtensionImages: {
    summary: 'Overlays system or configuration extension images onto /usr, /opt or /etc for this unit only.',
    protects: "Adds extra files for one service read-only, without touching the host's /usr or /etc, so the extension cannot be changed from inside and other services never see it.",
    breaks: "Images whose extension-release metadata does not match the unit's root (or the host) are refused, and the overlaid trees are read-only.",
    notes: 'Later images are layered above earlier ones. A leading - skips missing images.',
  },
  ExtensionDirectories: {
    summary: 'Overlays system or configuration extension directories onto /usr, /opt or /etc for this unit only.',
    protects: "Adds per-service read-only content from plain directories without changing the host's trees or exposing the content to other services.",
    breaks: 'Directories without matching extension-release metadata are refused, and the overlaid trees are read-only; user units need a kernel that allows overlayfs in unprivileged user namespaces.',
    notes: 'Later directories are layered above earlier ones. A leading - skips missing directories.',
  },

  // Managed directories

  RuntimeDirectory: {
    summary: "Creates a directory under /run (or $XDG_RUNTIME_DIR) owned by the unit's user, removed when the unit stops.",
    protects: 'Gives an unprivileged or dynamic-user service a place for sockets and PID files without write access to /run itself, keeps it writable under ProtectSystem=strict, and clears stale runtime files at stop.',
    breaks: 'Its content is deleted on every stop, so anything expected to survive a restart is lost unless RuntimeDirectoryPreserve= says otherwise.',
    notes: 'Names are relative paths; the full path is exported in $RUNTIME_DIRECTORY. If the directory exists with the wrong owner, ownership is changed recursively to match User=/Group=.',
  },
  StateDirectory: {
    summary: "Creates a persistent directory under /var/lib (or $XDG_STATE_HOME) owned by the unit's user.",
    protects: 'The safe way to give a sandboxed service writable persistent storage: it stays writable under ProtectSystem=strict, and with DynamicUser= it sits below /var/lib/private, out of reach for other users after UID reuse.',
    breaks: 'Persistent data can be written only where declared; other paths in /var/lib stay read-only under strict sandboxing.',
    notes: "Kept across stops; remove it with systemctl clean. When the top directory's owner does not match User=/Group= (after changing User=, say), ownership is changed recursively, which can take long on big trees. Exported in $STATE_DIRECTORY.",
  },
  CacheDirectory: {
    summary: "Creates a directory under /var/cache (or $XDG_CACHE_HOME) owned by the unit's user, kept across restarts.",
    protects: 'Provides a writable cache location without granting wider write access, kept private below /var/cache/private for DynamicUser= services.',
    breaks: 'Cache writes elsewhere fail under strict sandboxing; the directory may be wiped (for example by systemctl clean), so it must hold only data that can be regenerated.',
    notes: 'Exported in $CACHE_DIRECTORY. Ownership is fixed recursively when it does not match User=/Group=.',
  },
  LogsDirectory: {
    summary: "Creates a directory under /var/log (or $XDG_STATE_HOME/log) owned by the unit's user, kept across restarts.",
    protects: 'Lets a service write its own log files without write access to all of /var/log, even under ProtectSystem=strict.',
    breaks: "Log files outside the declared directory cannot be written under strict sandboxing, and log rotation must cope with the directory's owner.",
    notes: 'Exported in $LOGS_DIRECTORY. With DynamicUser= it lives below /var/log/private, reached through a symlink.',
  },
  ConfigurationDirectory: {
    summary: "Creates a directory under /etc (or $XDG_CONFIG_HOME) for the unit's configuration.",
    protects: "Declares where the service's configuration lives so it can be made available inside a sandbox (for example with RootDirectory=) without exposing the rest of /etc.",
    breaks: 'Unlike the other managed directories it is not handed to User=, so a non-root service can read but usually not modify its configuration there.',
    notes: 'Exported in $CONFIGURATION_DIRECTORY. Kept when the unit stops.',
  },
  StateDirectoryAccounting: {
    summary: 'Tags the StateDirectory= tree with a file system project ID so its disk usage can be tracked.',
    protects: 'On its own it only measures usage; together with StateDirectoryQuota= it is what lets a runaway service be kept from filling the disk.',
    breaks: 'Restricts nothing by itself; tracking works only on file systems with project quota support enabled.',
    notes: 'Usage appears in quota reports such as repquota once project quotas are on.',
  },
  CacheDirectoryAccounting: {
    summary: 'Tags the CacheDirectory= tree with a file system project ID so its disk usage can be tracked.',
    protects: 'On its own it only measures usage; together with CacheDirectoryQuota= it is what lets a runaway cache be kept from filling the disk.',
    breaks: 'Restricts nothing by itself; tracking works only on file systems with project quota support enabled.',
    notes: 'Usage appears in quota reports such as repquota once project quotas are on.',
  },
  LogsDirectoryAccounting: {
    summary: 'Tags the LogsDirectory= tree with a file system project ID so its disk usage can be tracked.',
    protects: 'On its own it only measures usage; together with LogsDirectoryQuota= it is what lets runaway logging be kept from filling the disk.',
    breaks: 'Restricts nothing by itself; tracking works only on file systems with project quota support enabled.',
    notes: 'Usage appears in quota reports such as repquota once project quotas are on.',
  },
  StateDirectoryQuota: {
    summary: "Caps the disk space (and, given as a percentage, the inodes) the unit's StateDirectory= may use.",
    protects: 'Keeps a compromised or buggy service from exhausting disk space shared with the rest of the system, a common denial-of-service path.',
    breaks: 'Once the limit is hit, writes fail with EDQUOT (disk quota exceeded), which can corrupt data or stop a service that does not handle it.',
    notes: 'Needs project quotas enabled on the file system (e.g. the ext4 prjquota feature, with quotas switched on); otherwise nothing is enforced. An absolute size limits blocks only, a percentage limits blocks and inodes.',
  },
  CacheDirectoryQuota: {
    summary: "Caps the disk space (and, given as a percentage, the inodes) the unit's CacheDirectory= may use.",
    protects: "Keeps a service's cache from growing until it exhausts disk space shared with the rest of the system.",
    breaks: 'Once the limit is hit, cache writes fail with EDQUOT (disk quota exceeded); programs that do not evict or handle the error may fail.',
    notes: 'Needs project quotas enabled on the file system; otherwise nothing is enforced. An absolute size limits blocks only, a percentage limits blocks and inodes.',
  },
  LogsDirectoryQuota: {
    summary: "Caps the disk space (and, given as a percentage, the inodes) the unit's LogsDirectory= may use.",
    protects: 'Stops log floods, accidental or provoked by an attacker, from filling the disk shared with the rest of the system.',
    breaks: 'Once the limit is hit, log writes fail with EDQUOT (disk quota exceeded), so new messages are lost and some programs stop.',
    notes: 'Needs project quotas enabled on the file system; otherwise nothing is enforced. An absolute size limits blocks only, a percentage limits blocks and inodes.',
  },

  // System call filtering and related restrictions

  SystemCallFilter: {
    summary: "Allows or denies system calls for the unit's processes with seccomp, by name or by @group.",
    protects: 'Shrinks the kernel interface a compromised service can reach: unneeded and dangerous calls (mounting, module loading, rebooting, tracing, raw I/O) simply fail, cutting off many exploit and escalation paths.',
    breaks: 'A blocked call kills the process with SIGSYS unless SystemCallErrorNumber= says otherwise; a missing call often shows up only on rare paths such as error handling, reload or crash reporting.',
    notes: 'Prefer an allow-list starting from @system-service together with SystemCallArchitectures=native; the first line decides allow- or deny-list mode and an empty value resets the filter. Try the list with SystemCallLog= first; + command lines are not filtered. For a service running as a non-root user (without CAP_SYS_ADMIN), it also turns on no-new-privileges, so setuid helpers such as sudo stop working.',
  },
  SystemCallErrorNumber: {
    summary: 'Makes calls blocked by SystemCallFilter= fail with the given errno instead of killing the process.',
    protects: 'Does not change what is blocked; it makes enforcement gentler, since many programs handle EPERM and fall back, so a strict filter can run without crashing the service.',
    breaks: 'A returned error can hide filter gaps: the program may quietly lose a feature instead of failing visibly. With kill (the default behaviour) the first blocked call ends the process.',
    notes: 'EPERM is the usual choice with @system-service. An action given after a colon on a SystemCallFilter= entry wins over this setting; without SystemCallFilter= it does nothing.',
  },
  SystemCallArchitectures: {
    summary: "Restricts which system call ABIs the unit's processes may use, typically to the native one only.",
    protects: 'Stops a process from sidestepping seccomp-based restrictions by calling through a secondary ABI, such as 32-bit x86 calls on x86-64, where some filters are incomplete or not applied.',
    breaks: 'Programs built for another ABI (32-bit binaries on a 64-bit host, x32) can no longer make system calls and cannot run.',
    notes: 'native is the usual value and is strongly advised whenever SystemCallFilter=, RestrictAddressFamilies= or MemoryDenyWriteExecute= is used. For a service running as a non-root user (without CAP_SYS_ADMIN), it also turns on no-new-privileges, so setuid helpers such as sudo stop working.',
  },
  SystemCallLog: {
    summary: "Logs the listed system calls made by the unit's processes to the kernel audit log, without blocking them.",
    protects: 'Blocks nothing; it is an auditing and profiling aid that shows which calls a service really makes, so a tight SystemCallFilter= can be built and checked.',
    breaks: 'Nothing is denied, but logging frequent calls can flood the audit log and slow the service.',
    notes: 'A leading ~ logs every call except the listed ones. Not applied to + command lines. For a service running as a non-root user (without CAP_SYS_ADMIN), it also turns on no-new-privileges, so setuid helpers such as sudo stop working.',
  },
  RestrictAddressFamilies: {
    summary: 'Limits which socket address families (AF_INET, AF_UNIX, AF_NETLINK, ...) the unit may create sockets in.',
    protects: 'Takes away rarely needed and historically buggy protocol families (AF_PACKET, Bluetooth, obscure legacy protocols) that often serve as entry points for kernel exploits, and can forbid networking while keeping local sockets.',
    breaks: 'Creating a socket of an unlisted family fails with EAFNOSUPPORT: interface listing and getaddrinfo() with AI_ADDRCONFIG need AF_NETLINK, DHCP clients and packet capture need AF_PACKET, and logging and D-Bus need AF_UNIX.',
    notes: 'Only socket() is checked; sockets received through socket activation, socketpair() or io_uring are not, and some ABIs such as 32-bit x86 are not covered, so combine it with SystemCallFilter= and SystemCallArchitectures=native. For a service running as a non-root user (without CAP_SYS_ADMIN), it also turns on no-new-privileges, so setuid helpers such as sudo stop working.',
  },
  RestrictNamespaces: {
    summary: "Limits which kinds of Linux namespaces the unit's processes may create or join.",
    protects: 'Creating namespaces, user namespaces above all, exposes a large amount of kernel code to unprivileged processes and is a frequent step in privilege-escalation exploits; blocking it removes that surface.',
    breaks: 'Software that uses namespaces internally fails: container runtimes, browser sandboxes (Chromium, Firefox), bubblewrap and Flatpak, unshare, ip netns.',
    notes: 'yes forbids every type, a list allows only the listed types, and a ~ list forbids only those. Enforced with seccomp and only on some architectures. For a service running as a non-root user (without CAP_SYS_ADMIN), it also turns on no-new-privileges, so setuid helpers such as sudo stop working.',
  },
  RestrictRealtime: {
    summary: "Refuses attempts by the unit's processes to switch to a realtime scheduling policy.",
    protects: 'A realtime process stuck in a loop can starve the rest of the system, so this closes an easy denial-of-service route.',
    breaks: 'Audio servers, low-latency media or telephony software and some trading or database engines that request realtime priority fail or run without it.',
    notes: 'For a service running as a non-root user (without CAP_SYS_ADMIN), it also turns on no-new-privileges, so setuid helpers such as sudo stop working.',
  },
  RestrictSUIDSGID: {
    summary: "Stops the unit's processes from setting the set-user-ID or set-group-ID bit on files and directories.",
    protects: 'A compromised service cannot leave behind a setuid or setgid program as a backdoor for later privilege escalation.',
    breaks: 'Package managers, installers and tools that create setuid programs or setgid shared directories fail with EPERM; calls whose mode cannot be inspected, such as openat2(), are refused entirely.',
    notes: "On automatically with DynamicUser=; otherwise the default comes from the manager's DefaultRestrictSUIDSGID=. For a service running as a non-root user (without CAP_SYS_ADMIN), it also turns on no-new-privileges, so setuid helpers such as sudo stop working.",
  },
  MemoryDenyWriteExecute: {
    summary: "Forbids memory that is writable and executable at once, or that becomes executable later, in the unit's processes.",
    protects: 'Makes it much harder for an exploit to inject and run new machine code: code written into memory cannot then be made executable.',
    breaks: 'Runtimes that generate code at run time (Java, Node.js, .NET, LuaJIT and other JIT engines) and programs needing executable stacks or libffi closures fail or fall back to slower paths.',
    notes: 'Writing code to an executable file system such as /dev/shm or using memfd_create() gets around it; add InaccessiblePaths=/dev/shm, SystemCallFilter=~memfd_create and SystemCallArchitectures=native. For a service running as a non-root user (without CAP_SYS_ADMIN), it also turns on no-new-privileges, so setuid helpers such as sudo stop working.',
  },
  LockPersonality: {
    summary: "Prevents the unit's processes from changing their execution domain with personality().",
    protects: 'Rarely used personality modes for old or foreign binaries are poorly tested kernel surface; locking also blocks flags such as the one that turns off address-space randomization.',
    breaks: 'Programs that switch personality (setarch, some emulators, debuggers or old 32-bit software) fail.',
    notes: 'Locks to the Personality= value when set, otherwise to the default. For a service running as a non-root user (without CAP_SYS_ADMIN), it also turns on no-new-privileges, so setuid helpers such as sudo stop working.',
  },
  Personality: {
    summary: "Sets the execution domain, i.e. the architecture that uname() reports to the unit's processes.",
    protects: 'Not a protection by itself; with LockPersonality= it fixes the execution domain so the service cannot switch to other emulation modes.',
    breaks: 'Programs see a different machine architecture, which can make them choose the wrong binaries or code paths.',
    notes: 'Mainly for running 32-bit software on a 64-bit host; only the native and closely related 32-bit personalities are supported.',
  },
  RestrictFileSystems: {
    summary: 'Limits which file system types the unit may open files on, enforced with the BPF LSM.',
    protects: 'Blocks access to special or rarely needed file systems (debugfs, tracefs, configfs and the like) that expose kernel internals or have a history of bugs, even when they are mounted.',
    breaks: "Opening files on an unlisted type fails with a permission error; leaving out common types (proc, sysfs, tmpfs, the root file system's type) breaks start-up.",
    notes: 'Needs a kernel with the BPF LSM active and the unified cgroup hierarchy, otherwise it silently does nothing. Sets such as @basic-api or @common-block help build allow-lists; the first line decides allow- or deny-list mode.',
  },

  // Credentials, keyring and IPC

  LoadCredential: {
    summary: 'Passes a credential (secret, key, certificate) to the unit, read from a file, a socket or a credential store.',
    protects: "The secret is copied into a read-only per-unit directory that only the unit's user can read, kept in non-swappable memory where possible, instead of environment variables or world-readable files; the service needs no access to the source.",
    breaks: 'Programs must read the secret from $CREDENTIALS_DIRECTORY (or /run/credentials/UNIT); software expecting the key at its usual path needs a configuration change or a symlink.',
    notes: 'ID:PATH reads an absolute path; a bare name is looked up among credentials the manager received and in the credstore directories. A directory path loads each file as a separate credential.',
  },
  LoadCredentialEncrypted: {
    summary: 'Like LoadCredential=, but the source is encrypted with systemd-creds and decrypted only as the unit starts.',
    protects: "The secret is never stored in plain text on disk and can be bound to this machine's TPM2 and/or host key, so a copied disk or backup does not reveal it.",
    breaks: 'If decryption or authentication fails (different host, changed TPM state, wrong user or system scope), the unit fails to start.',
    notes: 'Credentials for per-user services must be encrypted with systemd-creds --user. The credstore.encrypted directories are searched as well.',
  },
  ImportCredential: {
    summary: 'Passes credentials the service manager received or finds in its credential stores to the unit, by name or glob.',
    protects: 'Lets secrets provisioned by a hypervisor, container manager, initrd or credential store reach the service through the protected credentials directory instead of environment or config files.',
    breaks: 'Matching credentials that fail to decrypt are skipped with a warning rather than failing the unit, so the service may start without a secret it expects.',
    notes: 'Only one * at the end is allowed; an optional :rename pattern renames credentials on import. Entries from LoadCredential= win over imported ones of the same name.',
  },
  SetCredential: {
    summary: 'Defines a credential for the unit with its value written directly in the unit file.',
    protects: 'Delivers non-secret data (account names, public keys, identifiers) through the credentials mechanism, and serves as a fallback when a loaded credential is missing.',
    breaks: "It restricts nothing; the risk is exposure, since unprivileged users can read the value through the manager's IPC, so it must never hold secrets.",
    notes: 'Use LoadCredential= or SetCredentialEncrypted= for anything confidential. Loaded and imported credentials of the same name take precedence.',
  },
  SetCredentialEncrypted: {
    summary: 'Embeds an encrypted credential, produced by systemd-creds, directly in the unit file.',
    protects: 'Allows shipping a secret inside the unit without exposing it: only the intended machine (TPM2 and/or host key) can decrypt it, at start.',
    breaks: 'If decryption fails (different host, changed TPM, user/system mismatch), the unit fails to start.',
    notes: 'systemd-creds with -p prints a ready-made line. Loaded and imported credentials of the same name take precedence.',
  },
  KeyringMode: {
    summary: "Decides whether the unit's processes get a fresh kernel session keyring, and whether the user keyring is linked in.",
    protects: "private gives each service invocation its own keyring, not linked to any user keyring, so services sharing a UID (often root) cannot read each other's keys stored in the kernel.",
    breaks: "Programs that expect keys in the user's keyring (for example file system encryption or network file system keys) do not find them with private.",
    notes: 'inherit leaves the keyring as the kernel sets it up; shared creates a new session keyring but links the keyring of the User= account into it, so units of the same user can share keys. System services default to private.',
  },
  RemoveIPC: {
    summary: "At stop, deletes the shared memory, semaphores and message queues that belong to the unit's user and group.",
    protects: 'Leaves no shared memory, semaphores or message queues behind for a later process, possibly one reusing the UID, to read or abuse, and keeps leaked objects from piling up.',
    breaks: 'IPC objects meant to survive a restart vanish, and since cleanup works per user and group, other processes of the same account lose theirs when the last unit of that user stops.',
    notes: 'Needs User=, Group= or DynamicUser=; objects owned by root are never removed. Always on with DynamicUser=.',
  },

  // Environment

  Environment: {
    summary: "Sets environment variables for the unit's processes.",
    protects: "Offers no isolation; its security relevance is exposure: values set here are readable by unprivileged users through the manager's D-Bus interface and are inherited by every child process, so they must not carry secrets.",
    breaks: 'Removing or changing a variable the program relies on (configuration paths, proxies, locale, library switches) changes its behaviour or stops it from starting.',
    notes: 'Pass passwords, tokens and keys with LoadCredential=, LoadCredentialEncrypted= or SetCredentialEncrypted= instead. Variables such as LD_PRELOAD or PATH here deserve close review.',
  },
  PassEnvironment: {
    summary: "Copies the named variables from the system manager's own environment into the unit's processes.",
    protects: 'System services start with a clean, explicit environment; this imports only the few host variables a service needs instead of everything.',
    breaks: 'Variables not listed, or not set in the manager, are absent, so the service loses settings such as a proxy or locale that exist only there.',
    notes: 'Ignored by the per-user manager, which passes its whole environment anyway. Environment= and EnvironmentFile= override passed values.',
  },
  UMask: {
    summary: "Sets the file creation mask of the unit's processes.",
    protects: 'A stricter mask such as 0027 or 0077 keeps files and directories the service creates private to its user (or group) by default, so data and secrets are not world-readable by accident.',
    breaks: 'Files that other programs or users must read (shared sockets, content served by another daemon, logs read by an admin group) may become unreadable to them.',
    notes: 'System services default to 0022, which lets everyone read new files. Programs that set explicit modes or call umask() themselves are not bound by it.',
  },
  WorkingDirectory: {
    summary: "Sets the current directory of the unit's processes; ~ stands for the home directory of User=.",
    protects: 'No isolation of its own; a directory that only the service owns keeps relative paths from resolving into shared or attacker-writable places.',
    breaks: 'If the directory is missing or hidden from the unit (for example by ProtectHome= or InaccessiblePaths=), the unit fails to start unless the value starts with -.',
    notes: 'Relative to RootDirectory=/RootImage= when those are set. System services otherwise start in /.',
  },

  // Standard input and output, logging

  StandardInput: {
    summary: "Chooses what the unit's standard input is connected to: nothing, a terminal, a socket, a file or inline data.",
    protects: 'The default (/dev/null) gives a daemon nothing interactive to read; terminal modes would hand it control of a TTY.',
    breaks: 'Services that expect input get immediate end-of-file with null: inetd-style daemons need socket, interactive tools need a tty.',
    notes: 'file: paths are opened by the service manager with its own privileges before the program starts, so they can give the service access to files its user could not open.',
  },
  StandardOutput: {
    summary: "Chooses where the unit's standard output goes: journal, kernel log, console, a file, a socket or nowhere.",
    protects: 'Output sent to the journal is stored with trusted metadata about its sender and with controlled read access, unlike a log file the service itself could rewrite.',
    breaks: 'With journal or kmsg the stream is a socket, so shell code writing to /dev/stdout or /dev/stderr fails; with null, everything printed, errors included, is lost.',
    notes: 'file:, append: and truncate: targets are opened by the manager (as root for system services, before any SELinux transition), so keep them out of directories the service user can write, where a planted symlink could redirect them.',
  },
  StandardError: {
    summary: "Chooses where the unit's standard error goes; the targets match StandardOutput=, and by default it follows stdout.",
    protects: 'Keeps error output in the journal, with trusted sender metadata, rather than in files the service itself could alter.',
    breaks: 'With null, error messages disappear, which hides failures; with journal or kmsg, writing to /dev/stderr from shell code fails.',
    notes: 'File targets are opened by the manager with its own privileges, so keep them out of directories the service user can write.',
  },
  StandardInputText: {
    summary: "Feeds the given text (with C escapes and specifiers resolved) to the unit's standard input, one line per assignment.",
    protects: "Embeds input in the unit instead of having the manager open a file on the service's behalf.",
    breaks: 'The text is part of the unit and readable by anyone who can read the unit file or query the manager, so it is unsuitable for secrets.',
    notes: 'Used only when StandardInput=data, which is implied as soon as this setting appears; surrounding whitespace is trimmed from each line and an empty value clears the buffer.',
  },
  StandardInputData: {
    summary: "Feeds base64-encoded data to the unit's standard input.",
    protects: "Embeds binary input in the unit instead of having the manager open a file on the service's behalf.",
    breaks: 'The data is part of the unit and readable by anyone who can read the unit file or query the manager, so it is unsuitable for secrets.',
    notes: 'Used only when StandardInput=data, which is implied as soon as this setting appears. Shares one buffer with StandardInputText=, in the order written.',
  },
  LogNamespace: {
    summary: "Sends all of the unit's logs to a separate journal namespace served by its own journald instance.",
    protects: "Separates the service's logs from the main journal: a noisy or hostile service cannot flood or rotate away system logs, and its logs get their own storage and retention.",
    breaks: 'Its messages no longer appear in plain journalctl output (use --namespace=), and the unit gets a mount namespace, so it cannot create mounts visible on the host.',
    notes: "Only for the system service manager. The unit is tied to the namespace's journald sockets automatically.",
  },
  SyslogIdentifier: {
    summary: "Sets the identifier (tag) attached to log lines from the unit's stdout and stderr.",
    protects: "No isolation; a distinct tag makes the service's messages easy to find and attribute during review.",
    breaks: 'Log filters, alerts or syslog rules that matched the old tag stop matching.',
    notes: 'Only applies to stdout/stderr sent to the journal or kernel log. Any process can log under any identifier, so rely on the trusted _SYSTEMD_UNIT journal field for attribution.',
  },
  SyslogFacility: {
    summary: "Sets the syslog facility of log lines from the unit's stdout and stderr.",
    protects: 'Lets security-relevant services log under auth or authpriv so forwarding rules send their messages to protected storage.',
    breaks: 'Changing the facility changes which syslog rules catch the messages, so they may land in another file or be dropped.',
    notes: 'Only applies to stdout/stderr sent to the journal or kernel log.',
  },
  SyslogLevel: {
    summary: "Sets the default priority of log lines from the unit's stdout and stderr.",
    protects: 'No isolation; correct priorities let alerting single out real errors.',
    breaks: 'Marking error output as info or debug hides it from alerting; marking routine output as err floods monitoring.',
    notes: 'Lines that start with a <N> priority prefix override it unless SyslogLevelPrefix= is off.',
  },
  SyslogLevelPrefix: {
    summary: 'Controls whether <N> priority prefixes at the start of stdout/stderr lines are interpreted.',
    protects: 'Turned off, a service that echoes untrusted input cannot have its lines raised to emergency priority, which may trigger alerts or broadcasts to logged-in users.',
    breaks: 'With it off, programs that use sd-daemon style prefixes log every line at the default level, with the prefix left in the text.',
    notes: 'Only applies to stdout/stderr sent to the journal or kernel log.',
  },
  UtmpIdentifier: {
    summary: 'Makes the service manager write utmp/wtmp login records for the unit under the given short identifier.',
    protects: 'Brings getty-like services into login accounting, so tools such as who and last show their sessions.',
    breaks: 'Only getty-style services need it; leaving it out means no login records for them, while setting it on other services fills login history with noise.',
    notes: 'Values longer than four characters are cut to their last four.',
  },
  UtmpMode: {
    summary: 'Selects which utmp/wtmp records are written for a unit with UtmpIdentifier=: init, login or full user session.',
    protects: 'Keeps login accounting accurate for terminal and session services.',
    breaks: 'A mode that does not match what the program actually does leaves misleading or stale login records.',
    notes: 'No effect without UtmpIdentifier=. For init and login the program must carry on the getty or login record keeping itself.',
  },

  // Resource limits and placement

  LimitAS: {
    summary: 'Sets the per-process limit on address-space size (RLIMIT_AS, as with ulimit -v).',
    protects: 'Caps how much virtual memory one process can map, which can stop some runaway allocations.',
    breaks: 'Modern programs reserve far more address space than they use (JIT runtimes, Go, Java, sanitizers, large file mappings), so a low limit causes allocation failures and crashes while barely bounding real memory use.',
    notes: "Not a memory limit: use MemoryMax= to bound a service's memory. Unlimited is the advised value.",
  },
  LimitDATA: {
    summary: 'Sets the per-process limit on the data segment and private writable mappings (RLIMIT_DATA, as with ulimit -d).',
    protects: 'A weak brake on runaway heap growth of a single process.',
    breaks: 'Like LimitAS=, it counts reserved address space rather than memory in use, so it breaks programs with large reservations long before memory is actually short.',
    notes: 'Use MemoryMax= for real memory limits; unlimited is the advised value.',
  },
  LimitNOFILE: {
    summary: 'Sets the soft and hard limits on open file descriptors per process (RLIMIT_NOFILE, as with ulimit -n).',
    protects: 'Bounds how many files and sockets a single process may hold open.',
    breaks: 'Set too low, busy servers fail with EMFILE (too many open files); a soft limit above 1024 can break programs that use select(), which cannot handle descriptors above 1023.',
    notes: 'Descriptor memory is charged like other memory, so MemoryMax= is the better bound; programs should raise their own soft limit up to the hard limit when they can.',
  },
  LimitNPROC: {
    summary: 'Limits the number of processes and threads per user ID (RLIMIT_NPROC, as with ulimit -u).',
    protects: 'Can stop a fork bomb started from a compromised process once the limit is reached.',
    breaks: "It counts everything running under that UID system-wide, not just this service, so services sharing an account hit each other's limit and fork or thread creation fails with EAGAIN.",
    notes: 'Not enforced for services running as root. TasksMax= limits tasks per service and is usually the better choice.',
  },
  LimitRSS: {
    summary: 'Sets RLIMIT_RSS (as with ulimit -m), a limit the Linux kernel does not enforce.',
    protects: 'Nothing on Linux: the kernel ignores this limit.',
    breaks: 'Nothing is restricted, which is the danger: it suggests memory is capped when it is not.',
    notes: 'Use MemoryMax= and MemoryHigh= to bound memory use.',
  },
  CPUAffinity: {
    summary: "Restricts which CPUs the unit's processes may run on.",
    protects: 'Keeps a service off CPUs reserved for other work, bounding the CPU it can contend for; pinning workloads to separate cores can also reduce exposure to side channels between them.',
    breaks: 'A narrow set slows CPU-heavy services, and programs that size thread pools by the total CPU count may overload the few CPUs allowed.',
    notes: 'Processes may change their own affinity again; the cgroup setting AllowedCPUs= enforces a CPU set for the whole unit. numa derives the set from NUMAMask=.',
  },
  NUMAPolicy: {
    summary: "Sets the NUMA memory placement policy of the unit's processes.",
    protects: 'Mainly a performance setting; binding memory to chosen nodes can keep a service from using memory on nodes reserved for others.',
    breaks: 'With bind, allocations fail or trigger OOM kills when the chosen nodes are full even if others have free memory; a poor policy can also hurt performance.',
    notes: 'Policies other than default and local need NUMAMask=. A policy the kernel does not support is ignored with a warning.',
  },
  NUMAMask: {
    summary: 'Lists the NUMA nodes that NUMAPolicy= applies to.',
    protects: "Together with NUMAPolicy=bind, it confines where the service's memory may be allocated.",
    breaks: 'Too small a node set can cause allocation failures or OOM kills under load.',
    notes: 'Uses the same syntax as CPUAffinity=, plus all for every node. The preferred policy expects exactly one node.',
  },
};
