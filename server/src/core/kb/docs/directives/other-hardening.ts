import type { DirectiveDocs } from '../types';

/**
 * Hardening-relevant settings documented outside systemd.exec: unit
 * dependencies and ordering, service lifecycle, resource control and kill
 * behaviour. They matter to a review either because the security analysis
 * inspects them or because a sandboxing setting depends on them.
 */
export const docs: DirectiveDocs = {
  // ---------------------------------------------------------------------
  // [Unit] / [Install]: dependencies, ordering, actions
  // ---------------------------------------------------------------------
  After: {
    summary: 'Starts this unit only once the listed units have finished starting; stop order is the reverse.',
    protects:
      'Ordering decides whether what a sandbox relies on exists when the service starts: the mounts behind /tmp, /var or a state directory, a loaded firewall ruleset, finished tmpfiles setup. ' +
      '{since 257:Under DefaultDependencies=no, an explicit After=tmp.mount is one of the ways to keep PrivateTmp=yes in its normal host-backed form instead of it being turned into a disconnected tmpfs.}',
    breaks:
      'Ordering against a unit that itself must come later creates a cycle, which systemd resolves by dropping one of the jobs, typically noticed as a unit missing after boot.',
    notes:
      'It only orders and never pulls the other unit in, so it is normally paired with Wants= or Requires=. ' +
      'A service counts as started for ordering purposes only after its ExecStartPost= commands have finished.',
  },
  Before: {
    summary: 'Makes the listed units wait until this unit has finished starting; the mirror image of After=.',
    protects:
      'Used to bring protective units up first, for example a firewall loader placed before network-pre.target so that no interface is configured while the ruleset is still missing. ' +
      'It grants or removes no access itself.',
    breaks:
      'Putting a unit that keeps its default dependencies before early-boot targets such as sysinit.target produces an ordering cycle.',
    notes:
      'Has no effect on .device units, which appear through hotplug rather than being started. ' +
      'Like After=, it adds no requirement.',
  },
  BindsTo: {
    summary: 'Strongest requirement: this unit is also stopped whenever a listed unit stops, even on its own or by failure.',
    protects:
      'Gives fail-closed behaviour: a service that must never run without its guard (a VPN tunnel, the mount holding its data, a device) goes down together with it instead of carrying on unprotected. ' +
      'Combined with After=, the unit is also stopped when the bound unit is skipped because one of its conditions failed.',
    breaks:
      'Every restart, crash or unplug of the bound unit takes this unit down too, which turns a flapping dependency into repeated outages.',
    notes: 'Pair it with After= on the same unit; without ordering both start in parallel and the binding is looser.',
  },
  Conflicts: {
    summary: 'Negative dependency: starting this unit stops the listed units, and starting one of them stops this unit.',
    protects:
      'Lets a hardened variant of a service exclude an unhardened or debug variant so the two never run together. ' +
      'It is also how services with default dependencies are stopped at shutdown (a conflict with shutdown.target).',
    breaks:
      'If both sides are required by the same start request, the request fails; a conflict with a unit others depend on stops those dependents as well.',
    notes:
      'Implies no ordering; add After= or Before= so that the conflicting unit has fully stopped before this one starts.',
  },
  DefaultDependencies: {
    summary: 'Whether systemd adds the usual implicit dependencies, such as starting after basic boot and stopping at shutdown.',
    protects:
      'The implicit ordering makes sure the file systems, mounts and tmpfiles setup a sandbox uses are ready before the service runs. ' +
      'systemd-analyze security skips its file-system checks (private /tmp, ProtectSystem=, ProtectHome=, root directory) for units with DefaultDependencies=no, since early-boot services often cannot use them.',
    breaks:
      'With no, {since 257:PrivateTmp=yes silently becomes a disconnected tmpfs unless /tmp mount ordering is declared, PrivateTmp=disconnected may leave the host /var/tmp reachable, }{before 257:PrivateTmp= may set up its private folders before /tmp and /var/tmp are mounted unless mount ordering is declared, }and the unit is no longer stopped automatically at shutdown.',
    notes:
      'Meant for early-boot and late-shutdown units; ordinary services should keep the default. ' +
      'Turning it off removes only the optional implicit dependencies, including those PrivateTmp= and the systemd-oomd settings would add, not every implicit one.',
  },
  DefaultInstance: {
    summary: 'In a template unit, the instance that gets enabled when only the bare template name is enabled.',
    protects:
      'Not a restriction itself: the instance name feeds the %i and %I specifiers, which templates often use in sandbox paths, user names and state directories. ' +
      'The default therefore decides which paths and identities the enabled instance is given.',
    breaks:
      'A default pointing at the wrong resource quietly opens the wrong paths to the service; a string that is not a valid instance name is rejected.',
    notes: 'Only meaningful in template units (an @ right before the suffix) and only consulted when the template is enabled.',
  },
  FailureAction: {
    summary: 'System-wide action, such as a reboot or power-off, to carry out when this unit ends up failed.',
    protects:
      'A reboot or power-off action turns this unit\'s failure into a whole-system event: anyone able to crash the service, locally or over the network, can then restart or halt the host. ' +
      'Review such actions on exposed services and keep them for units where that really is the intended fail-safe.',
    breaks:
      'A service that fails now and then takes the machine down with it; the force and immediate variants skip parts of the orderly shutdown and can lose data.',
    notes:
      'Per-user managers accept only the none and exit-style actions. ' +
      'Failed Condition…= checks do not trigger it because the unit never becomes active; RebootArgument= and FailureActionExitStatus= tune the reboot and exit variants.',
  },
  FailureActionExitStatus: {
    summary: 'Exit status handed to the parent container or service manager when FailureAction= makes the manager exit.',
    protects:
      'No access-control effect. It matters where a unit\'s failure is used to end a container or user manager, so the outer supervisor can tell this deliberate fail-safe exit apart from other exits.',
    breaks:
      'Ignored unless FailureAction= is one of the exit actions; choosing a status the outer manager treats as success hides the failure.',
    notes:
      'Takes 0–255, or an empty value for the default, which passes on the main process\'s exit status (255 when there is none).',
  },
  JoinsNamespaceOf: {
    summary: 'Runs this unit in the same private /tmp, network and IPC namespaces as the listed units.',
    protects:
      'Lets cooperating services share a private network namespace or private /tmp without exposing either to the whole host. ' +
      'Each join removes isolation between the joined units, so compromising one reaches the other\'s temporary files, IPC objects and loopback-only services.',
    breaks:
      'Does nothing unless both units enable the matching private namespace (PrivateNetwork=, PrivateIPC=, PrivateTmp= or a namespace path setting); which namespace is joined depends on which unit started first.',
    notes:
      'The reverse link is added to the other unit automatically. ' +
      'A PrivateTmp=disconnected tmpfs is never shared, even through this setting.',
  },
  RebootArgument: {
    summary: 'Argument for the reboot system call when a failure or start-limit action reboots the machine.',
    protects:
      'No isolation effect. It matters for units whose failure triggers a reboot, where the argument can pick a platform boot mode such as recovery; review it together with the action that uses it.',
    breaks: 'Ignored unless StartLimitAction= or FailureAction= is one of the reboot actions.',
    notes: 'Interpreted by the kernel and platform in the same way as the optional argument of systemctl reboot.',
  },
  Requires: {
    summary: 'Strong requirement: starting this unit starts the listed units, and stopping or restarting them does the same here.',
    protects:
      'Suited to dependencies a service must not run without, such as the mount holding its data or the firewall it relies on: with After= as well, this unit is not started when the dependency fails to start. ' +
      'Path settings such as WorkingDirectory=, RootDirectory= and StateDirectory= add the same requirement on the mounts those paths need.',
    breaks:
      'A failing or restarted dependency stops or restarts this unit too; Wants= is the more forgiving choice for optional helpers.',
    notes:
      'It does not stop this unit when the dependency later exits on its own or is skipped by a condition; BindsTo= covers that. ' +
      'Without After= both units start in parallel.',
  },
  RequiresMountsFor: {
    summary: 'Adds Requires= and After= on every mount unit needed to reach the listed absolute paths.',
    protects:
      'Ensures the file systems a sandbox binds, hides or writes to are mounted before the service starts, so paths named in ReadWritePaths=, BindPaths= or RootDirectory= refer to the intended file system. ' +
      'Under DefaultDependencies=no, RequiresMountsFor=/tmp/ keeps PrivateTmp=yes in its host-backed form.',
    breaks:
      'If one of the mounts fails, this unit fails too; mounts marked noauto are still pulled in, which may mount something an admin expected to stay unmounted.',
    notes:
      'WorkingDirectory=, RootDirectory=, RootImage= and the StateDirectory=-style settings add the same dependencies implicitly. ' +
      'Use WantsMountsFor= when the mount is optional.',
  },
  Requisite: {
    summary: 'Requires the listed units to be active already; instead of starting them, this unit fails to start.',
    protects:
      'A fail-closed check: the service refuses to start unless a guard unit (firewall, mount, tunnel) is already up, rather than quietly pulling it in.',
    breaks:
      'The start fails immediately whenever the listed unit is not active yet, including during boot when ordering is missing.',
    notes: 'It adds no ordering, even when both units start in the same transaction, so combine it with After=.',
  },
  StartLimitAction: {
    summary: 'System-wide action to carry out when the unit hits its start rate limit.',
    protects:
      'Can turn a crash loop into a reboot or power-off: a deliberate fail-safe for critical units, but also a way for anyone able to crash the service repeatedly to take the host down.',
    breaks:
      'Does nothing when StartLimitIntervalSec=0; a reboot action on a unit that fails early in boot can cause a reboot loop.',
    notes: 'Accepts the same actions as FailureAction=; RebootArgument= applies to its reboot variants.',
  },
  StartLimitBurst: {
    summary: 'How many starts are permitted within StartLimitIntervalSec= before further starts are refused.',
    protects:
      'Caps crash-restart loops, which limits log flooding, resource churn and the number of attempts someone gets against a service that comes back after every crash.',
    breaks:
      'Too small a burst leaves a briefly flapping service failed until the interval passes or someone runs systemctl reset-failed; manual starts count as well.',
    notes:
      'Belongs in [Unit]; the defaults come from the manager configuration. ' +
      'Not applied to slices, targets, devices and scopes.',
  },
  StartLimitIntervalSec: {
    summary: 'Time window used for start rate limiting; 0 turns rate limiting off.',
    protects:
      'Together with StartLimitBurst= it bounds how often a failing unit is started again, so Restart= cannot loop endlessly on a broken or attacked service.',
    breaks:
      '0 disables the limit entirely, and with it StartLimitAction=; a long window with a small burst can block legitimate restarts for a long time.',
    notes:
      'Counters are dropped when the unit is unloaded, so units that are not kept referenced are barely limited. ' +
      'Starts skipped because of failed conditions do not count.',
  },
  SuccessAction: {
    summary: 'System-wide action, such as power-off, to carry out when this unit stops after running successfully.',
    protects:
      'Makes a unit\'s normal completion end the system, container or user manager, as used by single-purpose appliances and test machines. ' +
      'On a service that others can make exit cleanly, it hands them a shutdown trigger.',
    breaks:
      'A normal exit of the service, or an ExecCondition= skip, shuts down or reboots the machine, which is rarely wanted on a general-purpose host.',
    notes:
      'Failed Condition…= checks do not trigger it, since the unit never becomes active. ' +
      'SuccessActionExitStatus= sets the status for the exit variants.',
  },
  SuccessActionExitStatus: {
    summary: 'Exit status handed to the parent container or service manager when SuccessAction= makes the manager exit.',
    protects:
      'No access-control effect; it lets a container host or outer manager tell a planned completion apart from other ways the manager ended.',
    breaks: 'Ignored unless SuccessAction= is one of the exit actions.',
    notes:
      'Takes 0–255, or an empty value for the default, which passes on the main process\'s status or otherwise leaves the manager\'s status untouched.',
  },
  Wants: {
    summary: 'Weak requirement: starting this unit also starts the listed units, but their failure does not stop it.',
    protects:
      'Pulls in helpers a sandbox needs, such as modprobe@ instances for device groups named in DeviceAllow=, or systemd-oomd for the managed OOM settings. ' +
      'Because failures are ignored it is fail-open, so do not rely on it for a guard the service must never run without.',
    breaks:
      'Without After= the listed unit starts in parallel, so something the sandbox needs may not be ready in time.',
    notes:
      'PrivateTmp= and the systemd-oomd settings add Wants= implicitly unless DefaultDependencies=no. ' +
      'Symlinks in a .wants/ directory have the same effect.',
  },
  WantsMountsFor: {
    summary: 'Like RequiresMountsFor=, but pulls in the needed mount units with Wants=, so a failed mount does not block the unit.',
    protects:
      'Orders the service after the mounts behind the listed paths, so its private temporary directories, state directories and bind mounts are set up on the right file systems. ' +
      'PrivateTmp= adds it implicitly for /tmp and /var/tmp, or for /var in the disconnected mode.',
    breaks:
      'The unit still starts when a mount fails, so the service may then write into the bare mount-point directory on the root file system.',
    notes:
      'Under DefaultDependencies=no, an explicit WantsMountsFor=/tmp/{since 257: (or /var/ for PrivateTmp=disconnected)} is what keeps the private temporary directories complete.',
  },
  ConditionArchitecture: {
    summary: 'Skips starting the unit unless the machine has the given CPU architecture; prefix ! to negate.',
    protects:
      'No sandboxing effect. It is reviewed next to Personality= and SystemCallArchitectures= because the condition tests the architecture the manager sees, so a Personality= in the same unit does not change its result.',
    breaks:
      'On a non-matching machine the unit is skipped rather than failed, so a protective unit can silently never run.',
    notes: 'The special value native stands for the architecture the service manager itself was built for.',
  },

  // ---------------------------------------------------------------------
  // [Service]: commands, lifecycle, notification
  // ---------------------------------------------------------------------
  BusName: {
    summary: 'D-Bus name the service owns; with Type=dbus, start-up completes once the name appears on the bus.',
    protects:
      'Taking a well-known bus name is governed by D-Bus policy, which names fixed users; that is why it cannot work with DynamicUser=, whose user the policy cannot refer to. ' +
      'Services that talk over the bus need AF_UNIX in RestrictAddressFamilies=.',
    breaks:
      'With DynamicUser=yes, or a User= the bus policy does not allow to own the name, the name is never acquired and a Type=dbus service times out at start.',
    notes: 'Setting it makes dbus the default service type, and Type=dbus requires it.',
  },
  ExecCondition: {
    summary: 'Commands run before ExecStartPre=; exit 1–254 skips the start quietly, 255 or a crash fails the unit.',
    protects:
      'Runs inside the service\'s sandbox like the other command lines. ' +
      'A + prefix runs that line without the sandbox and ! without the user and group switch, so keep prefixed checks minimal and trusted.',
    breaks:
      'A check that needs privileges or paths the sandbox hides exits non-zero and the service is silently skipped; long-running commands do not belong here.',
    notes:
      'A skip counts as a clean deactivation, so SuccessAction= fires. ' +
      'ExecStopPost= still runs after a non-zero exit.',
  },
  ExecReload: {
    summary: 'Commands that make the service reload its configuration; $MAINPID holds the main process ID.',
    protects:
      'Runs inside the service\'s sandbox unless prefixed with + or !; a reload helper needing extra rights is a common reason for adding a + exemption, which then runs with full privileges.',
    breaks:
      'A fire-and-forget helper such as kill -HUP $MAINPID reports success before the daemon has actually reloaded; a reload exceeding the start timeout is reported as failed.',
    notes: 'Type=notify-reload handles reloads by signal with proper completion tracking and is usually the better choice.',
  },
  ExecStart: {
    summary: 'Command that runs the service (several only for Type=oneshot); its process is the main one unless Type=forking.',
    protects:
      'Every sandboxing setting applies to this command. ' +
      'A + prefix runs it with full privileges, ignoring User=, capability limits and namespace settings (cgroup-wide controls such as DevicePolicy= or IPAddressDeny= still apply), while ! lifts only the user and group switch; review such prefixes explicitly.',
    breaks:
      'Tight NoExecPaths=, ProtectSystem= or SystemCallFilter= settings fail here first: the binary and its libraries must stay executable and its system calls allowed, or the service dies at start.',
    notes:
      'An empty assignment resets the list. ' +
      'The - prefix treats a failing exit as success, which can hide a failure; the first word must be an absolute path or a bare name found in the standard binary directories.',
  },
  ExecStartPost: {
    summary: 'Commands run after the main process has started, as judged by Type=, before the unit counts as active.',
    protects:
      'Runs with the same sandbox and identity as the service unless prefixed with + or !. ' +
      'Units ordered after this one wait for these commands, so post-start setup finishes before dependents start.',
    breaks:
      'If one fails or times out, the service is stopped and ExecStopPost= runs, so a post step needing access the sandbox removes takes the whole service down.',
    notes:
      'With Type=simple it may run before the program is initialized; use exec or a notify type when the step depends on the service being ready.',
  },
  ExecStartPre: {
    summary: 'Commands run one after another before ExecStart=; a failure without the - prefix aborts the start.',
    protects:
      'Setup steps run in the same sandbox as the service. ' +
      'Privileged preparation (ownership fixes, key generation) is often given a + prefix to escape it; keep such lines short with fixed arguments, since they run as root outside the sandbox.',
    breaks:
      'A setup step needing paths or capabilities the sandbox removes fails and blocks the start; processes it leaves behind are killed before the next command.',
    notes:
      'Not for long-running processes. ' +
      'StateDirectory=, RuntimeDirectory= and similar settings usually replace privileged setup commands.',
  },
  ExecStop: {
    summary: 'Commands asking a successfully started service to shut down; leftover processes are then killed per KillMode=.',
    protects:
      'Stop commands run in the service\'s sandbox unless prefixed. ' +
      'KillMode= and TimeoutStopSec= then make sure nothing belonging to the service outlives its stop.',
    breaks:
      'A command that only sends a signal and returns lets the remaining processes be killed right away, cutting a clean shutdown short.',
    notes:
      'Not run when the start failed, and also run on restart; $MAINPID may be unset if the main process is already gone. ' +
      'Cleanup that must always happen belongs in ExecStopPost=.',
  },
  ExecStopPost: {
    summary: 'Cleanup commands run after the service has stopped, including after a failed or aborted start.',
    protects:
      'The place to undo what setup did, such as removing firewall rules or revoking temporary access, because it runs even after failures. ' +
      'A + prefixed cleanup runs outside the sandbox with full privileges.',
    breaks:
      'It must cope with half-initialized state; cleanup that needs access the sandbox denies fails, and with a - prefix does so unnoticed, leaving leftovers behind.',
    notes:
      'The result is available in $SERVICE_RESULT, $EXIT_CODE and $EXIT_STATUS. ' +
      'Ordering of dependent units waits for these commands during stop.',
  },
  ExitType: {
    summary: 'Whether the service ends when its main process exits or only once every process in its cgroup is gone.',
    protects:
      'Decides how long the manager treats the service as running. ' +
      'With main, processes left after the main one exits are cleaned up according to KillMode=; with cgroup, the unit stays up as long as any of its processes lives.',
    breaks:
      'cgroup keeps the unit active while a stray process lingers, which can hide that the main program died; it cannot be combined with Type=oneshot.',
    notes: 'main suits services with a known main process; cgroup is meant for programs without one, such as desktop applications started as units.',
  },
  FileDescriptorStoreMax: {
    summary: 'How many file descriptors the service may park in the manager to keep across restarts; 0 disables the store.',
    protects:
      'Stored descriptors are only handed back to the service\'s own processes, but their metadata, such as names, can be listed by unprivileged clients, so secrets must not be encoded there. ' +
      'Using the store needs notification access, so NotifyAccess= defaults to main.',
    breaks: 'Descriptors beyond the limit are not kept, so state is lost across a restart.',
    notes:
      'Stored descriptors are closed when they report a hangup or error, or once the service has completely stopped, unless FileDescriptorStorePreserve= keeps them longer.',
  },
  FileDescriptorStorePreserve: {
    summary: 'When the manager discards the service\'s file descriptor store: on stop, after final failure, or only on request.',
    protects:
      'Keeping the store means descriptors, and any memory-backed state or secrets in them, outlive the service\'s processes; the yes mode pins them and keeps the unit from being unloaded. ' +
      'Consider whether stale state should really be handed to the next start.',
    breaks:
      'With no, state is lost on every stop; with yes, stale descriptors persist until cleared with systemctl clean --what=fdstore.',
    notes:
      'By default the store survives automatic restarts only. ' +
      'The yes and on-success modes are also what carries LUOSession= sessions across a kexec.',
  },
  GuessMainPID: {
    summary: 'For Type=forking without PIDFile=, whether the manager guesses the main process after the parent exits.',
    protects:
      'A wrong guess means the manager supervises and signals the wrong process, weakening the watchdog, restarts and main-process-only notification access. ' +
      'A PIDFile= or a non-forking Type= removes the guesswork.',
    breaks: 'With no, the main process stays unknown, so failure detection and automatic restarts become unreliable.',
    notes: 'Ignored for every other Type= and whenever PIDFile= is set.',
  },
  LUOSession: {
    summary: 'Names of Live Update Orchestrator sessions the manager creates and passes to the service via its fd store.',
    protects:
      'A session lets descriptors such as memfds survive a kexec-based reboot, so service state, possibly sensitive, persists across what looks like a restart of the machine; review what the service keeps there.',
    breaks:
      'Without /dev/liveupdate no session is passed and the service starts without one; without FileDescriptorStorePreserve=yes the sessions are not kept across kexec.',
    notes:
      'Implies a file descriptor store big enough for the sessions, and an existing session of the same name is reused. ' +
      'An empty assignment resets the list.',
  },
  NonBlocking: {
    summary: 'Sets O_NONBLOCK on the socket-activation descriptors passed to the service.',
    protects:
      'No isolation effect. It is reviewed because it only works for socket-activated services, the arrangement that lets a sandboxed service receive ready-bound listening sockets.',
    breaks:
      'Programs expecting blocking sockets may spin or fail with EAGAIN; services sharing one socket unit must agree on the setting, since the flag is shared.',
    notes: 'Descriptors restored from the file descriptor store are not affected.',
  },
  NotifyAccess: {
    summary: 'Which processes of the service may send status notifications (readiness, watchdog, main PID) to the manager.',
    protects:
      'Notifications steer the manager: they mark the service ready, keep the watchdog satisfied, change the tracked main process and fill the fd store. ' +
      'Opening this to every process in the cgroup lets any child, including a compromised helper, do all that, which is why the security analysis flags all.',
    breaks:
      'Too narrow a setting makes readiness or watchdog messages from a helper or forked worker be ignored, so the start times out or the watchdog kills the service.',
    notes:
      'Defaults to main when Type=notify, WatchdogSec= or FileDescriptorStoreMax= is used; exec also admits the processes of the Exec*= command lines. ' +
      'Avoid all together with PAMName=, where child processes end up in the session scope.',
  },
  OOMPolicy: {
    summary: 'What the manager does when the kernel or systemd-oomd kills one of the unit\'s processes for lack of memory.',
    protects:
      'Stopping or killing the whole unit after an OOM kill avoids a half-working service running on with a missing worker; the kill mode has the kernel remove all of the unit\'s processes together.',
    breaks:
      'Stop or kill turn one OOM-killed worker into an outage of the whole service (then subject to Restart=); continue may leave it running in an inconsistent state.',
    notes:
      'The default comes from the manager configuration, except delegated units default to continue. ' +
      'OOMScoreAdjust= sets how likely the unit\'s processes are to be picked.',
  },
  PIDFile: {
    summary: 'File from which the manager reads the main process ID of a forking service once start-up is done.',
    protects:
      'A PID file owned by an unprivileged user is accepted only if it does not link into another user\'s files and names a process of the service itself, so a compromised daemon cannot point supervision at an unrelated process.',
    breaks:
      'The manager reads the path in the host\'s view: a file written into a private /tmp, or not writable because ProtectSystem=strict made /run read-only, leaves the start to time out; RuntimeDirectory= gives a writable place.',
    notes:
      'Relative paths are placed under /run (or the user runtime directory). ' +
      'The manager never writes the file, only removes it after stop; exec or notify types avoid PID files altogether.',
  },
  ReloadSignal: {
    summary: 'Signal sent to the main process to request a reload when Type=notify-reload is used.',
    protects:
      'No isolation effect. It is reviewed because it only applies to notify-reload, where reloads are tracked to completion rather than signalled blindly.',
    breaks: 'A signal the program does not handle usually terminates it instead of reloading; other service types ignore the setting.',
    notes: 'Defaults to SIGHUP.',
  },
  RemainAfterExit: {
    summary: 'Keeps the unit marked active after all of its processes have exited.',
    protects:
      'Lets a oneshot setup unit such as a firewall loader stay active, so units depending on it see the protection as in place, and its ExecStop= can undo the setup when the unit is stopped.',
    breaks:
      'Without it a oneshot unit goes inactive right after running, so starting it again re-runs it and units bound to it see it stop.',
    notes: 'A service without ExecStart= needs RemainAfterExit=yes and at least one ExecStop=.',
  },
  Restart: {
    summary: 'Which kinds of termination (clean exit, error, signal, timeout, watchdog) lead to an automatic restart.',
    protects:
      'Automatic restarts keep a protective or critical service available after crashes and watchdog timeouts. ' +
      'They also give whoever can crash the service a fresh attempt each time, so combine restarts with start rate limiting.',
    breaks:
      'Restarting after a clean exit causes loops for programs that are meant to finish; oneshot units refuse the values that restart on success.',
    notes:
      'A stop requested by an administrator never triggers a restart. ' +
      'Restarts count toward StartLimitBurst=; RestartSec=, RestartSteps= and RestartMaxDelaySec= shape the delay.',
  },
  RestartMaxDelaySec: {
    summary: 'Upper bound on the restart delay while RestartSteps= grows it step by step.',
    protects:
      'Backoff slows crash loops, reducing log flooding and the rate of attempts against a repeatedly failing service, while still retrying eventually.',
    breaks:
      'Ignored unless RestartSteps= is set and RestartSec= is non-zero; a large maximum keeps a service down for long stretches after repeated failures.',
    notes: 'infinity switches the feature off.',
  },
  RestartSteps: {
    summary: 'Number of steps over which the restart delay grows from RestartSec= to RestartMaxDelaySec=.',
    protects:
      'Exponential backoff limits how quickly a crashing service can be triggered again and keeps a failing dependency from being hammered.',
    breaks: 'Ignored unless RestartMaxDelaySec= is set and RestartSec= is non-zero.',
    notes: '0 disables the backoff; a handful of steps gives a smooth ramp.',
  },
  RootDirectoryStartOnly: {
    summary: 'Applies RootDirectory= only to ExecStart=, not to the other command lines of the service.',
    protects:
      'With yes, the pre, post, reload and stop commands run against the host file system instead of the confined root, escaping that part of the confinement; keep the default unless those helpers truly need host paths.',
    breaks: 'Has no effect without RootDirectory=; with the default, helper commands must exist inside the root directory.',
    notes: 'Only the root directory is affected; the other sandbox settings still apply to every command.',
  },
  RuntimeMaxSec: {
    summary: 'Longest time the service may stay active before it is stopped and marked failed.',
    protects: 'Bounds the lifetime of jobs that are supposed to finish, so a hung or hijacked process cannot linger indefinitely.',
    breaks:
      'Long-running services are stopped on schedule and, with Restart=, started again; it has no effect on Type=oneshot, where TimeoutStartSec= is the limit.',
    notes:
      'Notify-type services can extend it with EXTEND_TIMEOUT_USEC=. ' +
      'RuntimeRandomizedExtraSec= adds jitter.',
  },
  RuntimeRandomizedExtraSec: {
    summary: 'Adds a random extra duration, up to the given time, to the RuntimeMaxSec= limit.',
    protects: 'Spreads the termination of many identical units so they do not all stop and restart at the same moment.',
    breaks: 'Ignored without RuntimeMaxSec=; it makes the exact stop time unpredictable for anything scheduled around it.',
    notes: 'The extra time is drawn evenly between zero and the given value.',
  },
  Sockets: {
    summary: 'Socket units whose listening descriptors this service inherits, in addition to its same-named .socket unit.',
    protects:
      'With socket activation the manager creates and binds the socket, so the service needs no CAP_NET_BIND_SERVICE and can run with PrivateNetwork= or a tight RestrictAddressFamilies= while still serving. ' +
      'Inherited sockets are governed by the socket unit\'s IP access lists, not the service\'s.',
    breaks:
      'A socket listed for several services is shared by all of them; once set, the list cannot be cleared again.',
    notes:
      'Rarely needed, since the socket unit with the same name is passed automatically. ' +
      'A socket unit\'s Service= need not mirror this list.',
  },
  TimeoutSec: {
    summary: 'Shorthand for giving the start timeout and the stop timeout the same value in one line.',
    protects:
      'Bounds how long a stuck start or stop can hold things up; with infinity a hung service can stall boot, shutdown or dependent units indefinitely.',
    breaks: 'Too short a value kills slow but healthy services during start-up or cuts a graceful shutdown short.',
    notes: 'Set the two separately when start and stop need different limits.',
  },
  TimeoutStartSec: {
    summary: 'How long start-up, and later each reload, may take before it is treated as failed.',
    protects: 'Keeps a hung start from blocking dependent units forever; infinity removes that bound.',
    breaks:
      'Slow storage, key generation or heavy initialization can exceed a tight limit and fail the service at boot; oneshot units have no limit by default.',
    notes:
      'Notify-type services can extend it with EXTEND_TIMEOUT_USEC=. ' +
      'TimeoutStartFailureMode= chooses how a timed-out start is ended.',
  },
  TimeoutStopSec: {
    summary: 'How long each ExecStop= command, and then the service itself, may take to stop before being killed.',
    protects:
      'Ensures a stop normally ends with SIGKILL after a bounded time, so together with a cgroup-wide KillMode= no process of the unit survives indefinitely.',
    breaks:
      'Too short cuts off clean shutdown of databases and similar programs, risking data loss; infinity lets a hung service block shutdown.',
    notes: 'TimeoutStopFailureMode= and SendSIGKILL= change what happens at the deadline.',
  },
  Type: {
    summary: 'Start-up model of the service: when the manager considers it started and which process is the main one.',
    protects:
      'exec and the notify types report sandbox setup failures (unknown user, namespace or mount errors) as a failed start, whereas simple reports success before they happen. ' +
      'The type also carries hardening-relevant defaults: notify types default NotifyAccess= to main, credentials imply exec, and dbus cannot work with DynamicUser=.',
    breaks:
      'forking without a reliable PID file leaves the main process unknown; notify types hang until the timeout when readiness never arrives, for example because RestrictAddressFamilies= omits AF_UNIX.',
    notes:
      'Prefer exec or a notify type over simple; forking is discouraged. ' +
      'oneshot allows several ExecStart= lines and never restarts after a clean exit.',
  },
  WatchdogSec: {
    summary: 'Keep-alive interval: the service must send WATCHDOG=1 at least this often or it is killed and marked failed.',
    protects:
      'Detects a hung or wedged service and terminates it, with SIGABRT by default so a core dump is available, optionally followed by a restart. ' +
      'It needs notification access, so NotifyAccess= defaults to main.',
    breaks:
      'A program not written for the watchdog, or whose notifications are blocked (no AF_UNIX, too narrow NotifyAccess=), is killed over and over.',
    notes:
      'The interval reaches the service in $WATCHDOG_USEC; 0 disables it. ' +
      'Pair it with Restart=on-failure or on-watchdog for automatic recovery.',
  },

  // ---------------------------------------------------------------------
  // Kill behaviour
  // ---------------------------------------------------------------------
  KillMode: {
    summary: 'Which processes are signalled when the unit stops: its whole cgroup, only the main process, or none.',
    protects:
      'The default cgroup-wide mode guarantees that every process the service spawned, including anything an attacker started, is terminated on stop. ' +
      'process and none let such processes keep running after the unit is reported stopped, where they easily go unnoticed.',
    breaks:
      'Cgroup-wide killing also ends helpers a service means to outlive it, such as detached jobs; those belong in separate units rather than a weaker KillMode=.',
    notes:
      'mixed sends the first signal only to the main process and the final SIGKILL to the whole cgroup, a good fit for daemons that stop their own workers. ' +
      'none is deprecated.',
  },

  // ---------------------------------------------------------------------
  // Resource control: CPU and memory
  // ---------------------------------------------------------------------
  AllowedCPUs: {
    summary: 'Restricts the unit\'s processes to the listed CPUs or CPU ranges (cpuset controller).',
    protects:
      'Pins a workload to dedicated CPUs, limiting how much it can disturb other services; with an isolated CPUSetPartition= other tasks are kept off those CPUs, which also reduces the sharing of cores that some cache-timing side channels rely on.',
    breaks:
      'Too few CPUs throttle multi-threaded programs; CPUs that parent slices do not grant are silently left out.',
    notes:
      'The CPUs actually in effect are reported as EffectiveCPUs=. ' +
      'Requires the unified cgroup hierarchy; StartupAllowedCPUs= covers boot and shutdown.',
  },
  CPUSetPartition: {
    summary: 'Makes the unit\'s cpuset an ordinary member, a partition root, or an isolated partition.',
    protects:
      'An isolated partition gives the unit exclusive use of its CPUs so no other workload is scheduled there, useful for real-time work and for keeping sensitive computation off shared cores.',
    breaks:
      'Requires AllowedCPUs=; root and isolated partitions take their CPUs away from every other unit, which can starve the rest of the system if too many are claimed.',
    notes: 'Unset means the kernel default, an ordinary member.',
  },
  CoredumpReceive: {
    summary: 'Forwards core dumps of crashing container processes in this unit to the container\'s own systemd-coredump.',
    protects:
      'Core dumps hold process memory, secrets included. ' +
      'This setting decides that dumps from a container go to the container\'s coredump handling, which affects who gets to read them.',
    breaks: 'Requires Delegate=yes; forwarding is only attempted, so a container without working coredump handling may not keep the dump.',
    notes: 'Meant for units that run container payloads, such as nspawn or other container managers.',
  },
  Delegate: {
    summary: 'Hands the unit\'s cgroup subtree to its processes so they can create and manage their own sub-cgroups.',
    protects:
      'Delegation gives the service write access to part of the cgroup tree (handed to User= for unprivileged services), letting it move processes between sub-cgroups and set controller limits there. ' +
      'The security analysis flags it because that is more power than an ordinary service needs.',
    breaks:
      'Container managers and tools that build their own cgroups fail without it; with it, the read-only modes of ProtectControlGroups= get in the way, so such services use its private mode.',
    notes:
      'Takes a boolean or a list of controllers; delegated controllers also get enabled on parent and sibling units. ' +
      'OOMPolicy= defaults to continue, and processes should live in a leaf sub-cgroup (see DelegateSubgroup=).',
  },
  DelegateSubgroup: {
    summary: 'With delegation on, starts the main process inside the named sub-cgroup of the unit\'s cgroup.',
    protects:
      'Keeps a delegated subtree well-formed, with no processes in inner nodes, without the service having to move itself; control processes go to a separate .control subgroup.',
    breaks:
      'Has no effect without Delegate=; names that clash with kernel attribute files, such as cgroup.procs, are not accepted.',
    notes:
      'Applies to ExecStart= processes only. ' +
      'The subgroup is created on demand and may be handed over to the unit\'s user.',
  },
  MemoryAccounting: {
    summary: 'Enables per-unit accounting of memory use (implicitly also for its slice and the slices above it).',
    protects:
      'Not a restriction: it makes per-unit memory use visible and underpins memory limits, pressure monitoring and systemd-oomd decisions.',
    breaks: 'Rarely harmful; without it, tools and OOM handling lack per-unit memory data.',
    notes: 'Memory limits and MemoryPressureWatch=yes enable it implicitly; the default comes from DefaultMemoryAccounting=.',
  },
  MemoryHigh: {
    summary: 'Soft memory ceiling: above it the unit is throttled and its memory reclaimed aggressively.',
    protects:
      'The main tool for containing a leaking or abusive service without killing it, so memory stays available for the rest of the system.',
    breaks: 'Set too low, the service slows to a crawl under constant reclaim instead of failing visibly.',
    notes:
      'Takes bytes with K/M/G/T suffixes, a percentage of physical memory, or infinity. ' +
      'Use it as the everyday limit, with MemoryMax= above it as the hard stop.',
  },
  MemoryLow: {
    summary: 'Best-effort memory protection: the unit\'s memory up to this size is reclaimed only if nothing else can be.',
    protects:
      'Keeps the working set of important services in memory while other workloads cause pressure, with less risk than MemoryMin=.',
    breaks:
      'Large values push reclaim onto unprotected units; the protection can still be overridden to avoid an OOM situation.',
    notes: 'Only effective when the parent slices carry a matching protection (the root slice excepted).',
  },
  MemoryMax: {
    summary: 'Hard memory limit: if usage cannot be pushed back under it, the OOM killer acts inside the unit.',
    protects:
      'Caps the damage a memory leak or memory-exhaustion attack on this service can do to the host; unlike LimitAS= or LimitDATA= it limits real memory use, not address space.',
    breaks: 'Processes are OOM-killed when peaks exceed the limit, after which OOMPolicy= and Restart= decide what happens.',
    notes:
      'The limit in effect is the tightest of the unit and its parent slices. ' +
      'Prefer MemoryHigh= for day-to-day control and keep this one as the upper bound.',
  },
  MemoryMin: {
    summary: 'Hard memory protection: this much of the unit\'s memory is never reclaimed on behalf of others.',
    protects:
      'Shields a critical service, such as sshd or a monitoring agent, from being squeezed out when other workloads exhaust memory, keeping it reachable.',
    breaks: 'Over-protecting leaves too little for everything else and causes OOM kills elsewhere.',
    notes:
      'Only effective when the parent slices carry a matching protection; protection a parent does not hand to specific children is shared among them.',
  },
  MemoryPressureWatch: {
    summary: 'Whether the service is told, via $MEMORY_PRESSURE_WATCH, where to monitor memory pressure notifications.',
    protects:
      'Lets a cooperating service shed caches before pressure leads to heavy reclaim or OOM kills. ' +
      'When enabled, the unit\'s memory.pressure file is made writable for the service user so it can register triggers.',
    breaks: 'Enabling it turns on memory accounting; programs without pressure handling gain nothing from it.',
    notes: 'auto follows whether memory accounting is on anyway; skip leaves the environment untouched.',
  },
  StartupMemoryLow: {
    summary: 'MemoryLow= value that applies during boot and shutdown instead of the runtime value.',
    protects: 'Lets boot-critical services keep their memory during the busy start-up phase.',
    breaks: 'Same pitfalls as MemoryLow=, and it stops mattering once start-up has finished.',
    notes: 'Needs matching protection on parent slices; the runtime setting takes over after boot.',
  },
  TasksMax: {
    summary: 'Maximum number of tasks (processes plus threads) the unit may have at the same time.',
    protects:
      'Stops fork bombs and runaway thread creation in one service from exhausting the system\'s process table; unlike LimitNPROC= it counts per unit rather than per user and also binds root.',
    breaks:
      'Thread-heavy programs such as JVMs, databases or build jobs fail to fork or start threads once the cap is reached, often with confusing EAGAIN errors.',
    notes: 'Takes a number, a percentage of the system-wide limit, or infinity; a manager-wide default applies when unset.',
  },

  // ---------------------------------------------------------------------
  // Resource control: I/O
  // ---------------------------------------------------------------------
  IOAccounting: {
    summary: 'Enables per-unit accounting of block I/O (implicitly also for its slice and the slices above it).',
    protects:
      'Not a restriction: it makes per-service I/O visible and is needed for I/O limits and pressure monitoring, which helps spot a service hogging the disk.',
    breaks: 'Rarely harmful; it adds some kernel bookkeeping, and enabling it for one unit enables it for its whole slice.',
    notes: 'Implied by I/O latency targets and IOPressureWatch=yes; the default comes from DefaultIOAccounting=.',
  },
  IODeviceLatencyTargetSec: {
    summary: 'Target average I/O latency for the unit on one block device, given as a device path and a time span.',
    protects:
      'Protects this workload\'s I/O responsiveness: when it misses the target, the kernel throttles sibling cgroups, limiting how far a noisy or hostile neighbour can starve it.',
    breaks: 'Unrealistically low targets throttle everything else on the device; the path must resolve to a block device when applied.',
    notes:
      'Implies IOAccounting=yes. ' +
      'A regular file path selects the block device behind its file system; repeat the setting for each device.',
  },
  IOPressureWatch: {
    summary: 'Whether the service is told, via $IO_PRESSURE_WATCH, where to monitor I/O pressure notifications.',
    protects:
      'Lets a cooperating service back off before I/O contention turns into stalls. ' +
      'When enabled, the unit\'s io.pressure file is made writable for the service user so it can register triggers.',
    breaks: 'Enabling it turns on I/O accounting; programs without pressure handling gain nothing from it.',
    notes: 'auto follows whether I/O accounting is on anyway; skip leaves the environment untouched.',
  },

  // ---------------------------------------------------------------------
  // Resource control: OOM handling
  // ---------------------------------------------------------------------
  ManagedOOMMemoryPressure: {
    summary: 'With kill, systemd-oomd watches this cgroup\'s memory pressure and kills a descendant cgroup if it stays high.',
    protects: 'Ends memory thrashing before the whole system stalls, so one runaway workload cannot degrade everything else.',
    breaks: 'Aggressive settings kill work that was merely busy; the chosen cgroup is killed with SIGKILL, without a graceful stop.',
    notes:
      'Most useful on slices. ' +
      'Adds Wants=/After= on systemd-oomd.service unless DefaultDependencies=no; with auto, the unit can still be killed when an ancestor opts in.',
  },
  ManagedOOMMemoryPressureDurationSec: {
    summary: 'How long memory pressure must stay above the limit before systemd-oomd acts on this unit.',
    protects: 'Tunes how quickly pressure-based killing reacts, trading fast relief from thrashing against tolerance for short spikes.',
    breaks: 'Ignored unless ManagedOOMMemoryPressure=kill; a very short duration kills on brief bursts.',
    notes: 'Must be at least one second; empty means the oomd.conf default.',
  },
  ManagedOOMMemoryPressureLimit: {
    summary: 'Memory pressure percentage above which systemd-oomd may act on this unit, overriding the global default.',
    protects: 'Gives a sensitive slice a tighter or looser pressure threshold than the rest of the system.',
    breaks: 'Ignored unless ManagedOOMMemoryPressure=kill; a low limit kills workloads under ordinary load.',
    notes: '0% means the oomd.conf default.',
  },
  ManagedOOMSwap: {
    summary: 'With kill, makes this unit a candidate for systemd-oomd kills when system swap use runs too high.',
    protects: 'Frees memory before swap is exhausted, when the kernel OOM killer would act late and less selectively.',
    breaks: 'Processes are killed with SIGKILL, without a clean stop, and the heaviest swap user may be an important service.',
    notes: 'Adds Wants=/After= on systemd-oomd.service unless DefaultDependencies=no; thresholds come from oomd.conf.',
  },
  OOMRules: {
    summary: 'Names of systemd-oomd rulesets (.oomrule files) to evaluate against this unit\'s cgroup.',
    protects: 'Applies site-defined memory and swap conditions, with their actions, to this unit for finer control than the built-in managed OOM settings.',
    breaks:
      'A ruleset whose action kills ends the unit without a graceful stop when its conditions match; watching many cgroups this way costs systemd-oomd CPU time.',
    notes: 'Adds Wants=/After= on systemd-oomd.service unless DefaultDependencies=no.',
  },

  // ---------------------------------------------------------------------
  // Resource control: devices
  // ---------------------------------------------------------------------
  DeviceAllow: {
    summary: 'Allow-lists a device node or device group for read, write and/or mknod access (eBPF device filter).',
    protects:
      'Limits which device nodes the unit can open, even where file permissions or capabilities would allow it. ' +
      'It applies to the whole cgroup, so + prefixed commands cannot bypass it.',
    breaks:
      'Missing entries make device opens fail with EPERM; device groups whose driver is not loaded at start are silently left out (pull in modprobe@ with Wants= and After=).',
    notes:
      'Any entry turns the default policy from allow-all into an allow-list, though the security analysis only credits DevicePolicy=closed or strict. ' +
      'PrivateDevices= is simpler when no physical devices are needed; wildcards work only in char-/block- group names, not in paths.',
  },
  DevicePolicy: {
    summary: 'Overall device-access policy: everything, only standard pseudo devices plus DeviceAllow=, or DeviceAllow= alone.',
    protects:
      'closed and strict turn device access into an allow-list enforced for the whole cgroup: raw disks, input devices and other hardware become unreachable even for root processes of the unit.',
    breaks:
      'strict also blocks /dev/null, /dev/zero, /dev/urandom and similar unless listed, which breaks most programs; closed keeps those available.',
    notes:
      'PrivateDevices=yes implies closed. ' +
      'The default allows everything only while no DeviceAllow= entry exists.',
  },

  // ---------------------------------------------------------------------
  // Resource control: network
  // ---------------------------------------------------------------------
  IPAddressAllow: {
    summary: 'IP prefixes the unit may exchange packets with; takes precedence over IPAddressDeny= (eBPF filter).',
    protects:
      'With IPAddressDeny=any on the unit or a parent slice, this turns network access into an allow-list: the service can only reach the listed hosts, which limits data exfiltration and lateral movement.',
    breaks:
      'Forgotten peers such as DNS resolvers, time servers or localhost become unreachable; without a deny entry the list does nothing, because unmatched traffic passes.',
    notes:
      'Symbolic names such as localhost, link-local and any are accepted, and lists combine with those of parent slices. ' +
      'Sockets passed in by socket activation follow the socket unit\'s lists, so mirror them there; without cgroup BPF support the filter is not applied.',
  },
  IPAddressDeny: {
    summary: 'IP prefixes the unit may not exchange packets with, unless IPAddressAllow= matches (eBPF filter).',
    protects:
      'IPAddressDeny=any cuts off all IPv4 and IPv6 traffic of the unit and is the base for an allow-list with IPAddressAllow=. ' +
      'Unlike PrivateNetwork=, it applies to the whole cgroup, so + prefixed commands are filtered too.',
    breaks: 'Blocking everything also blocks DNS, NTP and loopback connections unless localhost and the needed servers are allowed.',
    notes:
      'A common layout denies on a slice such as system.slice and allows per service. ' +
      'Socket units keep their own lists, and an empty assignment resets the list.',
  },
  IPEgressFilterPath: {
    summary: 'Attaches a pinned BPF program from /sys/fs/bpf that filters the unit\'s outgoing IP packets.',
    protects:
      'Allows custom egress policy, such as per port, protocol or content, beyond address lists; the security analysis treats a custom filter as covering the unit\'s IP traffic.',
    breaks: 'The program must already be pinned when the unit starts; a faulty program can drop legitimate traffic.',
    notes:
      'Runs in addition to IPAddressAllow=/IPAddressDeny= and the filters of parent slices; sockets passed in by socket activation use the socket unit\'s filters. ' +
      'Without cgroup BPF support the setting has no effect.',
  },
  IPIngressFilterPath: {
    summary: 'Attaches a pinned BPF program from /sys/fs/bpf that filters the unit\'s incoming IP packets.',
    protects:
      'Allows custom ingress policy beyond address lists, for example dropping unexpected ports or malformed traffic before the service sees it; the security analysis treats a custom filter as covering the unit\'s IP traffic.',
    breaks: 'The program must already be pinned when the unit starts; a faulty program can drop legitimate traffic.',
    notes:
      'Runs in addition to IPAddressAllow=/IPAddressDeny= and the filters of parent slices; sockets passed in by socket activation use the socket unit\'s filters. ' +
      'Without cgroup BPF support the setting has no effect.',
  },
  NFTSet: {
    summary: 'Adds the unit\'s cgroup ID, user ID or group ID to named nftables sets so firewall rules can match it.',
    protects:
      'Enables per-service nftables policy, even for DynamicUser= IDs and for cgroup IDs that change with every restart.',
    breaks:
      'The tables, sets and rules must exist beforehand; failures to update the sets are ignored, so a typo silently leaves the service unmatched by the firewall.',
    notes:
      'System services only. ' +
      'If reloading the ruleset empties the sets, systemctl daemon-reload fills them again.',
  },
  RestrictNetworkInterfaces: {
    summary: 'Limits which network interfaces the unit\'s processes can use: an allow-list, or a deny-list with ~.',
    protects:
      'Keeps a service off interfaces it has no business with, such as a management network or a VPN, enforced cgroup-wide with eBPF.',
    breaks: 'Loopback gets no special treatment: an allow-list that omits lo breaks local connections.',
    notes:
      'The first assignment fixes whether the list allows or denies; later lines of the other kind only edit the set. ' +
      'An empty assignment resets it.',
  },
  SocketBindAllow: {
    summary: 'bind() rules (family, protocol, ports) the unit may use; they take precedence over SocketBindDeny=.',
    protects:
      'Restricts which ports and families the service can listen on, enforced by cgroup BPF, so moving into another network namespace does not escape it.',
    breaks:
      'On its own it restricts nothing, because binds matching no rule are allowed; pair it with SocketBindDeny=any.',
    notes:
      'Ports may be single values or ranges, with at most 128 assignments per setting. ' +
      'Sockets created by a .socket unit fall under that unit\'s rules, not the service\'s.',
  },
  SocketBindDeny: {
    summary: 'bind() rules the unit may not use; any blocks every port bind not matched by SocketBindAllow=.',
    protects:
      'SocketBindDeny=any with narrow allow rules confines a service to exactly the ports it needs, so injected code cannot open a new listener or backdoor port.',
    breaks: 'Programs that choose ports at run time (FTP data channels, RPC, cluster protocols) fail to bind with EPERM.',
    notes: 'Allow rules win over deny rules; an empty assignment clears earlier ones.',
  },
};
