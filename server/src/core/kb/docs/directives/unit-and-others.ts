import type { DirectiveDocs } from '../types';

/**
 * Hover docs for the general unit settings ([Unit], [Install], conditions and
 * asserts) and for the automount, kill, mount, path, slice and timer settings
 * that are not about sandboxing.
 */
export const docs: DirectiveDocs = {
  // ---------------------------------------------------------------- [Unit]
  Description: {
    summary: 'Short human-readable label for the unit, shown by systemctl status and in Starting/Started log lines.',
    notes:
      'Write a name that identifies the unit (say, "PostgreSQL Database Server"), not a sentence; ' +
      'it is used as a noun inside status messages and should not merely repeat the file name.',
  },
  Documentation: {
    summary: 'Space-separated URIs (such as man: or https: links) pointing to documentation for this unit.',
  },
  AllowIsolate: {
    summary: 'Permit systemctl isolate to switch the system to this unit; normally enabled only for runlevel-like targets.',
  },
  IgnoreOnIsolate: {
    summary: 'Leave this unit running when another unit is isolated, instead of stopping it with everything else.',
  },
  CollectMode: {
    summary: 'Whether an unreferenced failed unit is unloaded automatically or kept until systemctl reset-failed.',
    notes:
      'With inactive-or-failed the exit status and other results of a failed run are dropped as soon as it ends; ' +
      'only the journal keeps them. Useful for transient units that would otherwise pile up as failed.',
  },
  JobTimeoutSec: {
    summary: 'Cancel a job for this unit that has not finished within this time, counted from when it was queued.',
    notes:
      'Only the pending job is cancelled: the unit does not fail or change state. ' +
      'To abort a service that is slow to start, use TimeoutStartSec= instead.',
  },
  JobRunningTimeoutSec: {
    summary: 'Cancel a job for this unit that is still running this long after it actually began executing.',
    notes:
      'The clock starts when the job leaves the queue, unlike JobTimeoutSec= which counts from queueing; ' +
      'a value larger than JobTimeoutSec= has no effect.',
  },
  JobTimeoutAction: {
    summary: 'Additional action, such as a reboot or poweroff, that the manager takes when a job for this unit times out.',
  },
  JobTimeoutRebootArgument: {
    summary: 'Argument string handed to the reboot system call when JobTimeoutAction= reboots the machine.',
  },
  OnFailure: {
    summary: 'Units to start when this unit ends up in the failed state, typically an alert or recovery service.',
    notes:
      'A template such as notify@%n.service receives the failing unit name as its instance. ' +
      'A skipped start due to an unmet Condition or Assert is not a failure and does not trigger it.',
  },
  OnFailureJobMode: {
    summary: 'Job mode used to queue the units named in OnFailure=; the isolate mode accepts just one unit there.',
  },
  OnSuccess: {
    summary: 'Units to start when this unit goes back to inactive without failing, for example after a oneshot job ends.',
    notes:
      'Any clean transition to inactive counts, including an ordinary manual stop of a long-running service, ' +
      'not only the completion of a task.',
  },
  OnSuccessJobMode: {
    summary: 'Job mode used to queue the units named in OnSuccess=; the isolate mode accepts just one unit there.',
  },
  PartOf: {
    summary: 'Stop or restart this unit whenever a listed unit is stopped or restarted; one-way, and it never starts it.',
    notes:
      'Starting the listed unit does not start this one: add Wants=/WantedBy= (or similar) if it should come up too.',
  },
  PropagatesReloadTo: {
    summary: 'Whenever this unit is reloaded, queue a reload of each listed unit as well.',
  },
  ReloadPropagatedFrom: {
    summary: 'Reload this unit whenever one of the listed units is reloaded (the reverse of PropagatesReloadTo=).',
  },
  PropagatesStopTo: {
    summary: 'Whenever this unit is stopped, queue a stop of each listed unit as well.',
  },
  StopPropagatedFrom: {
    summary: 'Stop this unit whenever one of the listed units is stopped (the reverse of PropagatesStopTo=).',
  },
  RefuseManualStart: {
    summary: 'Reject explicit start requests such as systemctl start; the unit can still be started as a dependency.',
  },
  RefuseManualStop: {
    summary: 'Reject explicit stop requests; the unit can still be stopped because of other units or at shutdown.',
  },
  SourcePath: {
    summary: 'Configuration file a generator built this unit from; not meant for hand-written units.',
  },
  StopWhenUnneeded: {
    summary: 'Stop this unit automatically as soon as no active unit depends on it any more.',
    notes: 'If started by hand with nothing depending on it, the unit is stopped again right after it comes up.',
  },
  SurviveFinalKillSignal: {
    summary: 'Spare this unit\'s processes from the last SIGTERM/SIGKILL sweep at the very end of system shutdown.',
    notes:
      'Intended for daemons that serve the root file system, such as network block storage; ' +
      'ordinary services should not use it.',
  },
  Upholds: {
    summary: 'While this unit is active, restart each listed unit whenever it is found inactive or failed.',
    notes:
      'Unlike Wants=, which acts once at start-up, this acts continuously and without delay; ' +
      'only the listed unit\'s start rate limit stops a crash loop.',
  },

  // ------------------------------------------------------------- [Install]
  Alias: {
    summary: 'Extra names for this unit, created as symlinks by systemctl enable; each must keep the same type suffix.',
    notes:
      'Has no effect until the unit is enabled. Mount, automount, swap and slice units cannot be aliased.',
  },
  Also: {
    summary: 'Other units that systemctl enable/disable should enable or disable together with this one.',
  },
  WantedBy: {
    summary: 'On enable, link this unit into each listed unit\'s .wants/ so starting that unit also starts this one.',
    notes:
      'Read only by systemctl enable/disable: after changing it, run systemctl reenable so the symlinks match.',
  },
  RequiredBy: {
    summary: 'On enable, link this unit into each listed unit\'s .requires/, giving that unit a Requires= on this one.',
    notes:
      'Stopping this unit, or its failure to start when the listed unit is ordered after it, then takes the listed ' +
      'unit down too; WantedBy= is the usual, more forgiving choice.',
  },
  UpheldBy: {
    summary: 'On enable, link this unit into each listed unit\'s .upholds/, so they keep restarting it while active.',
  },

  // ------------------------------------------------------------- Conditions
  ConditionACPower: {
    summary: 'Skip the unit unless the machine is on mains power (yes) or running purely on battery (no).',
    notes: 'With yes the check also passes on machines that report no AC adapter at all.',
  },
  ConditionCPUFeature: {
    summary: 'Skip the unit unless the CPU reports the named feature flag (x86 CPUID flags or arm64 hwcaps).',
    notes: 'On other architectures the feature is assumed absent, so the check fails.',
  },
  ConditionCPUPressure: {
    summary: 'Skip the unit unless CPU pressure (PSI), system-wide or in a given slice, is at or below the threshold.',
    notes: 'The threshold is a percentage averaged over 5 minutes by default; a /10sec or /1min suffix picks another window.',
  },
  ConditionCPUs: {
    summary: 'Skip the unit unless the number of usable CPUs compares as given (e.g. >=4) against the threshold.',
    notes: 'It counts the CPUs in the service manager\'s affinity mask, which in a container is its assigned share.',
  },
  ConditionCapability: {
    summary: 'Skip the unit unless the named capability is in the service manager\'s capability bounding set.',
    notes:
      'It looks at the manager, not at what the service will be granted; useful mainly inside containers ' +
      'where capabilities have been dropped.',
  },
  ConditionControlGroupController: {
    summary: 'Skip the unit unless all listed cgroup controllers are usable, or unless the v1 or v2 hierarchy is in use.',
  },
  ConditionCredential: {
    summary: 'Skip the unit unless a credential of this name was passed to the service manager itself.',
    notes: 'It checks credentials given to the manager (system or user), not those a service loads with LoadCredential=.',
  },
  ConditionDirectoryNotEmpty: {
    summary: 'Skip the unit unless the path is a directory containing at least one entry.',
  },
  ConditionEnvironment: {
    summary: 'Skip the unit unless a variable (NAME) or exact assignment (NAME=value) is set in the manager\'s environment.',
    notes:
      'Variables from Environment= or EnvironmentFile= are not seen; this is for values handed in by a container ' +
      'manager or PAM.',
  },
  ConditionFileIsExecutable: {
    summary: 'Skip the unit unless the path is a regular file with the executable bit set.',
  },
  ConditionFileNotEmpty: {
    summary: 'Skip the unit unless the path is a regular file with a size above zero.',
  },
  ConditionFirmware: {
    summary: 'Skip the unit unless the firmware matches: UEFI, device tree (optionally compatible string), or an SMBIOS field.',
  },
  ConditionFirstBoot: {
    summary: 'Skip the unit unless this is (yes) or is not (no) the first boot of the installation, with /etc unpopulated.',
    notes:
      'Give such units Before= and Wants= on first-boot-complete.target, so an interrupted first boot ' +
      'repeats them on the next start-up.',
  },
  ConditionFraction: {
    summary: 'Skip the unit except on a stable, machine-ID-derived share of a fleet (e.g. 30%), for staged rollouts.',
    notes:
      'Without a tag every rollout picks the very same machines; give unrelated rollouts their own tag word ' +
      'before the percentage.',
  },
  ConditionGroup: {
    summary: 'Skip the unit unless the service manager runs with the given group or GID as primary or supplementary group.',
  },
  ConditionHost: {
    summary: 'Skip the unit unless the hostname matches the glob, or the ID given equals the boot ID, machine ID or product UUID.',
  },
  ConditionIOPressure: {
    summary: 'Skip the unit unless I/O pressure (PSI), system-wide or in a given slice, is at or below the threshold.',
    notes: 'The threshold is a percentage averaged over 5 minutes by default; a /10sec or /1min suffix picks another window.',
  },
  ConditionKernelCommandLine: {
    summary: 'Skip the unit unless the kernel command line has the word, or the exact key=value, given.',
  },
  ConditionKernelModuleLoaded: {
    summary: 'Skip the unit unless the named kernel module is loaded and has finished initializing.',
  },
  ConditionKernelVersion: {
    summary: 'Skip the unit unless the running kernel release (uname -r) satisfies the comparison or glob given.',
    notes:
      'Distributions backport features into older kernels, so a version test is a poor proxy for a feature; ' +
      'prefer checking the feature itself.',
  },
  ConditionMachineTag: {
    summary: 'Skip the unit unless one of the machine\'s configured tags matches the glob pattern.',
    notes: 'For tags of the form key=value the value is part of the tag: match "role=*", not plain "role".',
  },
  ConditionMemory: {
    summary: 'Skip the unit unless the installed (or container-assigned) memory compares as given against the size.',
  },
  ConditionMemoryPressure: {
    summary: 'Skip the unit unless memory pressure (PSI), system-wide or in a given slice, is at or below the threshold.',
    notes: 'The threshold is a percentage averaged over 5 minutes by default; a /10sec or /1min suffix picks another window.',
  },
  ConditionNeedsUpdate: {
    summary: 'Skip the unit unless /etc or /var needs refreshing because /usr is newer than its .updated stamp file.',
    notes:
      'Order such units before systemd-update-done.service; otherwise the stamp may be refreshed first and they are skipped.',
  },
  ConditionOSRelease: {
    summary: 'Skip the unit unless a key in os-release compares as given (string, version or glob) against the value.',
    notes: 'A key that is missing from the file is compared as an empty string.',
  },
  ConditionPathExists: {
    summary: 'Skip the unit unless the path exists; with a leading ! the unit runs only if it is absent.',
    notes:
      'Symlinks are followed, so a dangling link counts as missing. A leading | makes this one of several ' +
      'alternatives of which any may hold (put | before !).',
  },
  ConditionPathExistsGlob: {
    summary: 'Skip the unit unless the glob pattern matches at least one existing path.',
  },
  ConditionPathIsDirectory: {
    summary: 'Skip the unit unless the path is an existing directory.',
  },
  ConditionPathIsEncrypted: {
    summary: 'Skip the unit unless the file system holding the path sits on a dm-crypt/LUKS encrypted block device.',
    notes: 'Per-directory (fscrypt) encryption is not detected, nor encryption below a loop device.',
  },
  ConditionPathIsMountPoint: {
    summary: 'Skip the unit unless a file system is mounted exactly at the path.',
  },
  ConditionPathIsReadWrite: {
    summary: 'Skip the unit unless the file system holding the path is mounted writable.',
  },
  ConditionPathIsSocket: {
    summary: 'Skip the unit unless the path is an existing socket.',
  },
  ConditionPathIsSymbolicLink: {
    summary: 'Skip the unit unless the path itself is a symbolic link.',
    notes: 'This is the only path check that does not follow symlinks.',
  },
  ConditionSecurity: {
    summary: 'Skip the unit unless the named security technology (an LSM, audit, Secure Boot, TPM2, ...) is active.',
  },
  ConditionUser: {
    summary: 'Skip the unit unless the service manager runs as the given user, UID, or (with @system) a system user.',
    notes: 'The system manager always runs as root, so this is only meaningful in user units.',
  },
  ConditionVersion: {
    summary: 'Skip the unit unless the kernel, systemd or glibc version satisfies the comparison or glob given.',
  },
  ConditionVirtualization: {
    summary: 'Skip the unit unless it runs (or, negated, does not run) in a VM, a container, or a named hypervisor.',
    notes: 'With nested virtualization only the innermost layer is considered.',
  },

  // ---------------------------------------------------------------- Asserts
  AssertACPower: {
    summary: 'Fail the start job unless the machine is on mains power (yes) or on battery only (no).',
  },
  AssertArchitecture: {
    summary: 'Fail the start job unless the system runs on the given CPU architecture.',
  },
  AssertCPUFeature: {
    summary: 'Fail the start job unless the CPU reports the named feature flag.',
  },
  AssertCPUPressure: {
    summary: 'Fail the start job unless CPU pressure (PSI), system-wide or in a given slice, is within the threshold.',
  },
  AssertCPUs: {
    summary: 'Fail the start job unless the number of usable CPUs compares as given against the threshold.',
  },
  AssertCapability: {
    summary: 'Fail the start job unless the capability is in the service manager\'s bounding set.',
  },
  AssertControlGroupController: {
    summary: 'Fail the start job unless the listed cgroup controllers, or the v1 or v2 hierarchy, are available.',
  },
  AssertCredential: {
    summary: 'Fail the start job unless a credential of this name was passed to the service manager.',
  },
  AssertDirectoryNotEmpty: {
    summary: 'Fail the start job unless the path is a directory with at least one entry.',
  },
  AssertEnvironment: {
    summary: 'Fail the start job unless the variable, or exact NAME=value, is present in the environment of the manager.',
  },
  AssertFileIsExecutable: {
    summary: 'Fail the start job unless the path is a regular file marked executable.',
  },
  AssertFileNotEmpty: {
    summary: 'Fail the start job unless the path is a regular file that is not empty.',
  },
  AssertFirstBoot: {
    summary: 'Fail the start job unless this is (yes) or is not (no) the first boot of the installation.',
  },
  AssertFraction: {
    summary: 'Fail the start job except on the stable, machine-ID-derived share of a fleet given as a percentage.',
  },
  AssertGroup: {
    summary: 'Fail the start job unless the service manager runs with the given group or GID.',
  },
  AssertHost: {
    summary: 'Fail the start job unless the hostname matches, or the ID equals the boot ID, machine ID or product UUID.',
  },
  AssertIOPressure: {
    summary: 'Fail the start job unless I/O pressure (PSI), system-wide or in a given slice, is within the threshold.',
  },
  AssertKernelCommandLine: {
    summary: 'Fail the start job unless the kernel command line has the word or key=value given.',
  },
  AssertKernelModuleLoaded: {
    summary: 'Fail the start job unless the named kernel module is loaded and fully initialized.',
  },
  AssertKernelVersion: {
    summary: 'Fail the start job unless the running kernel release satisfies the comparison or glob.',
  },
  AssertMachineTag: {
    summary: 'Fail the start job unless one of the machine\'s tags matches the glob pattern.',
  },
  AssertMemory: {
    summary: 'Fail the start job unless the system (or container) memory compares as given against the size.',
  },
  AssertMemoryPressure: {
    summary: 'Fail the start job unless memory pressure (PSI), system-wide or in a given slice, is within the threshold.',
  },
  AssertNeedsUpdate: {
    summary: 'Fail the start job unless /etc or /var needs an update after a newer /usr.',
  },
  AssertOSRelease: {
    summary: 'Fail the start job unless the os-release key compares as given against the value.',
  },
  AssertPathExists: {
    summary: 'Fail the start job unless the path exists (or, with a leading !, unless it is absent).',
    notes:
      'An unmet Assert is logged as an error but leaves the unit state unchanged. Use it when the unit cannot work ' +
      'without the path; use ConditionPathExists= to skip quietly when the unit simply does not apply.',
  },
  AssertPathExistsGlob: {
    summary: 'Fail the start job unless at least one path matches the glob pattern.',
  },
  AssertPathIsDirectory: {
    summary: 'Fail the start job unless the path is a directory.',
  },
  AssertPathIsEncrypted: {
    summary: 'Fail the start job unless the path lives on a dm-crypt/LUKS encrypted block device.',
  },
  AssertPathIsMountPoint: {
    summary: 'Fail the start job unless the path is a mount point.',
  },
  AssertPathIsReadWrite: {
    summary: 'Fail the start job unless the file system holding the path is mounted writable.',
  },
  AssertPathIsSocket: {
    summary: 'Fail the start job unless the path is a socket.',
  },
  AssertPathIsSymbolicLink: {
    summary: 'Fail the start job unless the path itself is a symbolic link.',
  },
  AssertSecurity: {
    summary: 'Fail the start job unless the named security technology is active on the system.',
  },
  AssertUser: {
    summary: 'Fail the start job unless the service manager runs as the given user or UID (or a system user).',
  },
  AssertVersion: {
    summary: 'Fail the start job unless the kernel, systemd or glibc version satisfies the comparison or glob.',
  },
  AssertVirtualization: {
    summary: 'Fail the start job unless the virtualization environment matches (any, VM, container or a named one).',
  },

  // ----------------------------------------------------------------- kill
  KillSignal: {
    summary: 'First signal sent on stop, to the main process or the whole cgroup as KillMode= says; SIGTERM unless changed.',
    notes: 'Set it to whatever the daemon treats as a graceful shutdown request; some expect SIGINT or SIGQUIT.',
  },
  RestartKillSignal: {
    summary: 'Signal sent in place of KillSignal= when the unit is being stopped as part of a restart.',
  },
  SendSIGHUP: {
    summary: 'Also send SIGHUP to the remaining processes right after the stop signal, so shells see a hang-up.',
  },
  SendSIGKILL: {
    summary: 'Whether processes still alive after the stop timeout are killed with the final kill signal.',
    notes:
      'Turning it off lets hung processes linger, and the service may then refuse to start again while old ' +
      'processes remain in its cgroup.',
  },
  FinalKillSignal: {
    summary: 'Signal used for the forced kill of processes that outlived the stop timeout; SIGKILL unless changed.',
    notes:
      'Pick a signal services do not handle; SIGQUIT or SIGABRT together with LimitCORE= gives a core dump ' +
      'of a process that ignored the stop request.',
  },
  WatchdogSignal: {
    summary: 'Signal that kills the service when WatchdogSec= expires without a keep-alive ping; SIGABRT unless changed.',
  },

  // ---------------------------------------------------------- mount/swap
  What: {
    summary: 'What to mount: a device, UUID=/LABEL= spec, file or network share; in a swap unit, the swap device or file.',
    notes:
      'A device path gives the unit an automatic dependency on that device. Specifiers are expanded, so write a literal % as %%.',
  },
  Where: {
    summary: 'Absolute path of the mount point; the .mount or .automount file name must be this path in escaped form.',
    notes:
      'Get the name from systemd-escape --path --suffix=mount /srv/data (gives srv-data.mount); a mismatch makes ' +
      'the unit fail to load. The mount point may not be a symlink.',
  },
  Options: {
    summary: 'Comma-separated mount options (in a swap unit: swapon options such as discard or a priority).',
    notes: 'Add _netdev when a device-backed mount needs the network, so it is treated as a network file system.',
  },
  SloppyOptions: {
    summary: 'Tolerate mount options the file system does not know instead of failing the mount (mount -s).',
  },
  LazyUnmount: {
    summary: 'On unmount, detach the file system at once and release it once it is no longer busy (umount -l).',
    notes: 'Processes with open files keep using the detached file system, which can hide what still holds it.',
  },
  ReadWriteOnly: {
    summary: 'Fail when a read-write mount is refused, instead of retrying the mount read-only (mount -w).',
  },
  ForceUnmount: {
    summary: 'Force the unmount (umount -f), for instance when an NFS server can no longer be reached.',
  },

  // ------------------------------------------------------------ automount
  ExtraOptions: {
    summary: 'Extra comma-separated options for the autofs mount itself, not for the file system mounted on demand.',
  },
  TimeoutIdleSec: {
    summary: 'Try to unmount the file system after it has gone unused for this long; 0 turns idle unmounting off.',
  },

  // ----------------------------------------------------------------- path
  PathExists: {
    summary: 'Start the unit once the path exists, including at once if it already exists when the path unit starts.',
    notes:
      'If the service leaves the path in place, it is triggered again each time it stops, until the trigger ' +
      'rate limit puts the path unit into the failed state.',
  },
  PathExistsGlob: {
    summary: 'Start the unit once any path matches the glob, including at once if a match exists at path unit start.',
    notes: 'As with PathExists=, a match that the service does not remove re-triggers it every time it stops.',
  },
  PathChanged: {
    summary: 'Start the unit when the watched path changes: a writer closes the file, or entries appear, vanish or move.',
    notes:
      'Changes that happen while the triggered unit is still running do not cause another run. ' +
      'An already existing path does not trigger on its own.',
  },
  PathModified: {
    summary: 'Like PathChanged=, but also starts the unit on each plain write, not only when the writer closes the file.',
  },
  DirectoryNotEmpty: {
    summary: 'Start the unit whenever the directory holds at least one entry, including at path unit start.',
    notes:
      'Hidden (dot) and backup files are ignored. The service should drain the directory, or it is re-triggered ' +
      'every time it stops.',
  },
  MakeDirectory: {
    summary: 'Create the watched paths as directories (mode from DirectoryMode=) before watching; not done for PathExists*= paths.',
    notes: 'With PathChanged= or PathModified= on a file, this creates a directory at that file path, which is rarely wanted.',
  },

  // ---------------------------------------------------------------- slice
  ConcurrencyHardMax: {
    summary: 'Maximum number of units active at once in this slice and its sub-slices; further starts fail with an error.',
    notes: 'Nested slice units count toward the limit too, so leave room for them.',
  },
  ConcurrencySoftMax: {
    summary: 'Maximum number of units active at once in this slice and its sub-slices; further starts wait in the queue.',
    notes: 'Nested slice units count toward the limit too, so leave room for them.',
  },
  ActivatingConcurrencyMax: {
    summary: 'Maximum number of units in this slice tree that may be starting up at once; further starts wait their turn.',
    notes:
      'A unit stuck while starting keeps its slot, so give units a TimeoutStartSec=. A value of 0 holds back ' +
      'every start in the slice.',
  },

  // ---------------------------------------------------------------- timer
  OnActiveSec: {
    summary: 'Fire once this much time after the timer unit itself was started (monotonic clock).',
  },
  OnBootSec: {
    summary: 'Fire once this much time after the machine booted (monotonic clock).',
    notes:
      'If that point has already passed when the timer starts, it fires immediately. Used alone it fires once per boot; ' +
      'add OnUnitActiveSec= for repeated runs.',
  },
  OnStartupSec: {
    summary: 'Fire once this much time after the service manager started; mostly for user managers, which start at login.',
  },
  OnUnitActiveSec: {
    summary: 'Fire this much time after the triggered unit was last started, giving a repeating interval.',
    notes:
      'On its own it never fires if the unit has not run yet in this boot; pair it with OnBootSec= or OnActiveSec=. ' +
      'Use OnCalendar= for fixed wall-clock times instead.',
  },
  OnUnitInactiveSec: {
    summary: 'Fire this much time after the triggered unit last stopped, so the gap is measured from the end of each run.',
    notes: 'On its own it never fires if the unit has not run yet in this boot; pair it with OnBootSec= or OnActiveSec=.',
  },
  OnCalendar: {
    summary: 'Fire at wall-clock times described by a calendar expression, e.g. daily or Mon..Fri 03:00.',
    notes:
      'Runs missed while the machine was off are dropped unless Persistent=yes; check expressions with ' +
      'systemd-analyze calendar. For "every N hours since the last run" use OnUnitActiveSec= instead.',
  },
  OnClockChange: {
    summary: 'Fire whenever the wall-clock time is stepped against the monotonic clock, e.g. when someone sets the time.',
  },
  OnTimezoneChange: {
    summary: 'Fire whenever the system time zone is changed.',
  },
  AccuracySec: {
    summary: 'How late the timer may fire after its scheduled time, letting the system batch wake-ups; 1 minute by default.',
    notes:
      'This coalesces timers rather than spreading them. Set 1us for precise firing; use RandomizedDelaySec= ' +
      'to spread load.',
  },
  RandomizedDelaySec: {
    summary: 'Delay each firing by a random amount between zero and this value, chosen anew each time, to spread load.',
    notes:
      'AccuracySec= may shift the result further to batch wake-ups; set AccuracySec=1us for an even spread.',
  },
  FixedRandomDelay: {
    summary: 'Keep the RandomizedDelaySec= delay fixed per machine, user and timer name instead of re-rolling it each run.',
  },
  RandomizedOffsetSec: {
    summary: 'Shift OnCalendar= events by a stable per-machine random offset up to this value, spreading a fleet\'s load.',
    notes:
      'Unlike RandomizedDelaySec=, the offset is not counted from manager start, so a weekly job keeps its ' +
      'cadence even on machines rebooted more often than the delay.',
  },
  DeferReactivation: {
    summary: 'Schedule the next OnCalendar= run from when the triggered unit finished rather than from its last start.',
    notes: 'Avoids an immediate back-to-back run when a job outlasts the calendar interval; no effect on monotonic timers.',
  },
  Persistent: {
    summary: 'Store the last run time on disk and, when the timer starts, run at once if an OnCalendar= run was missed.',
    notes:
      'Has no effect on monotonic timers such as OnBootSec= or OnUnitActiveSec=. ' +
      'systemctl clean --what=state removes the stored timestamp.',
  },
  WakeSystem: {
    summary: 'Resume the machine from suspend when the timer elapses; it does not suspend it again afterwards.',
    notes: 'Monotonic timers then also count time spent suspended. Requires privileges, so in practice system timers only.',
  },
  RemainAfterElapse: {
    summary: 'Keep an elapsed timer loaded and visible; when off it is unloaded afterwards and can simply be started again.',
  },
  Unit: {
    summary: 'Unit to start when the timer elapses or the path watch fires; defaults to the .service of the same name.',
    notes: 'Enable the .timer or .path unit itself, not the service it triggers.',
  },
};
