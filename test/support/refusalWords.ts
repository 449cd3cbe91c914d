/** How systemd words each cause of refusal that UnitGuard knows, for the oracle tests. */
import type { RefusalCause } from '../../server/src/core/model/unitRefusal';

/**
 * What systemd says for each cause of refusal (its words vary a little between releases): a unit
 * both refuse must be refused for the same cause.
 */
export const SYSTEMD_SAYS: Readonly<Record<RefusalCause, RegExp>> = {
  'automount-root': /Cannot assign requested address|automount unit for the root directory/,
  'dynamic-user-user-manager': /DynamicUser= enabled for user unit/,
  'mount-api-file-system': /API file system|credential mount/,
  'mount-without-what': /What= setting is missing/,
  'pam-kill-mode': /PAM enabled\. Kill mode must be set/,
  'path-without-path': /lacks path setting/,
  'private-pids-not-service': /PrivatePIDs= setting is only supported for service units/,
  'socket-accept-defer-trigger': /accepting with DeferTrigger=/,
  'socket-accept-not-accepting': /sockets are non-accepting/,
  'socket-accept-service': /Explicit service configuration for accepting socket units/,
  'socket-max-connections': /MaxConnection= setting too small/,
  'socket-symlinks-target': /symlinks set but none or more than one node/,
  'socket-without-listener': /no Listen setting/,
  'template-of-type': /^Failed to load unit file .*: Invalid argument$/m,
  'timer-without-trigger': /lacks value setting/,
  'where-not-name': /Where= setting doesn't match unit name/,
  'working-directory-home-dynamic-user': /WorkingDirectory=~ is not allowed under DynamicUser=yes/,
  'nothing-to-run': /Service has no ExecStart=, ExecStop=, or SuccessAction=/,
  'no-start-command': /Service has no ExecStart= setting/,
  'no-start-not-remaining': /RemainAfterExit/,
  'several-start-commands': /more than one ExecStart= setting/,
  'oneshot-restart': /Restart= set to .*Type=oneshot/,
  'oneshot-force-exit-status': /RestartForce(Exit)?Status=/,
  'oneshot-exit-type-cgroup': /ExitType=cgroup/,
  'dbus-without-bus-name': /D-Bus but no D-Bus service name|^Assertion '.*' failed at/m,
  'forking-private-pids': /PrivatePIDs=/,
  'isolate-several-units': /OnFailureJobMode=isolate|OnSuccessJobMode=isolate/,
  'pam-private-pids': /PrivatePIDs=/,
  'private-users-namespace-path': /UserNamespacePath=|PrivateUsers=/,
  'private-users-managed-user': /PrivateUsers=managed/,
};
