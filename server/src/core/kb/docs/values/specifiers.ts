import type { ValueDocs } from '../types';

/**
 * What each unit-file specifier expands to, with an example. Keys are the
 * specifier as written (`%n`, `%%`). The documented specifiers come first;
 * `%c`, `%r` and `%R` are still accepted but deprecated and undocumented.
 * Versions and the list of letters live in the knowledge-base tables.
 */
export const specifierDocs: ValueDocs = {
  '%a':
    'The architecture of the host in systemd\'s naming, the same names ConditionArchitecture= uses, for example `x86-64` or `arm64`.',
  '%A':
    'The OS image version, taken from IMAGE_VERSION= in /etc/os-release, for example `1.4.2` on an image-based system; empty when os-release has no such line.',
  '%b': 'The random identifier of the current boot (boot ID) as 32 hexadecimal digits; it changes on every boot.',
  '%B': 'The OS build identifier, taken from BUILD_ID= in /etc/os-release; empty when os-release has no such line.',
  '%C':
    'The root of cache directories: `/var/cache` under the system manager, `$XDG_CACHE_HOME` (usually `~/.cache`) under a user manager. It is the base CacheDirectory= paths are relative to.',
  '%d':
    'The directory holding the unit\'s credentials, the same path the service finds in $CREDENTIALS_DIRECTORY, for example `/run/credentials/foo.service` for a system unit.',
  '%D':
    'The root of shared data: `/usr/share` under the system manager, `$XDG_DATA_HOME` (usually `~/.local/share`) under a user manager.',
  '%E':
    'The root of configuration directories: `/etc` under the system manager, `$XDG_CONFIG_HOME` (usually `~/.config`) under a user manager. It is the base ConfigurationDirectory= paths are relative to.',
  '%f':
    'A file system path decoded from the unit name: the instance, or for non-template units the name without suffix, unescaped as a path with a leading `/`. For `systemd-fsck@dev-sda1.service` it gives `/dev/sda1`, for `srv-www.mount` it gives `/srv/www`.',
  '%g':
    'The primary group name of the account the service manager runs as: `root` under the system manager. Group= does not change it.',
  '%G': 'The numeric group ID of the account the service manager runs as: `0` under the system manager. Group= does not change it.',
  '%h':
    'The home directory of the account the service manager runs as: `/root` under the system manager. User= does not change it, so it does not point at the service user\'s home.',
  '%H':
    'The host name of the machine as it was when the unit was loaded, for example `web1.example.com`; a later host name change shows up only after a reload.',
  '%i':
    'The instance name, the part between the first `@` and the type suffix, kept exactly as written (still escaped): for `foo@bar.service` it gives `bar`. Empty for units that are not template instances.',
  '%I':
    'The instance name with unit-name escaping undone: `\\xNN` sequences are decoded and every `-` becomes `/`. For `foo@a-b\\x2dc.service`, `%i` gives `a-b\\x2dc` but `%I` gives `a/b-c`, so prefer `%i` when instance names contain plain dashes.',
  '%j':
    'The last dash-separated part of the prefix, still escaped: for `foo-bar@baz.service` it gives `bar`, for `systemd-journald.service` it gives `journald`. When the prefix has no dash it equals `%p`.',
  '%J':
    'Like `%j` (the last dash-separated part of the prefix) but with unit-name escaping undone, so `\\xNN` sequences are decoded.',
  '%l':
    'The host name cut at the first dot, as it was when the unit was loaded: `web1.example.com` gives `web1`.',
  '%L':
    'The root of log directories: `/var/log` under the system manager, `$XDG_STATE_HOME/log` (usually `~/.local/state/log`) under a user manager. It is the base LogsDirectory= paths are relative to.',
  '%m': 'The machine ID from /etc/machine-id, 32 hexadecimal digits that stay the same across boots.',
  '%M': 'The OS image identifier, taken from IMAGE_ID= in /etc/os-release; empty when os-release has no such line.',
  '%n':
    'The full unit name including its type suffix, as written (not unescaped): for `foo@bar.service` it gives `foo@bar.service`.',
  '%N':
    'The unit name minus its type suffix: for `foo@bar.service` it gives `foo@bar`. Like `%n` it is not unescaped; the difference is only the missing suffix.',
  '%o': 'The operating system identifier, taken from ID= in /etc/os-release, for example `debian` or `fedora`.',
  '%p':
    'The prefix: the part of the name before the first `@`, still escaped. For `foo@bar.service` it gives `foo`; for a non-template unit it equals `%N`, so `sshd.service` gives `sshd`.',
  '%P':
    'The prefix with unit-name escaping undone (`\\xNN` decoded, `-` turned into `/`): for `my\\x2dapp@x.service`, `%p` gives `my\\x2dapp` and `%P` gives `my-app`.',
  '%q':
    'The pretty host name from PRETTY_HOSTNAME= in /etc/machine-info, as it was when the unit was loaded, for example `Alice\'s Laptop`; falls back to the short host name (`%l`) when not set.',
  '%s':
    'The login shell of the account the service manager runs as, for example `/bin/sh` under the system manager. User= does not change it.',
  '%S':
    'The root of state directories: `/var/lib` under the system manager, `$XDG_STATE_HOME` (usually `~/.local/state`) under a user manager. It is the base StateDirectory= paths are relative to.',
  '%t':
    'The root of runtime directories: `/run` under the system manager, `$XDG_RUNTIME_DIR` (for example `/run/user/1000`) under a user manager. It is the base RuntimeDirectory= paths are relative to.',
  '%T':
    'The directory for temporary files: `/tmp`, unless $TMPDIR, $TEMP or $TMP point elsewhere in the environment of the service manager (not of the service).',
  '%u':
    'The login name of the account the service manager runs as: `root` under the system manager. User= does not change it, so it is not the service\'s user.',
  '%U':
    'The numeric user ID of the account the service manager runs as: `0` under the system manager. User= does not change it.',
  '%v': 'The kernel release of the running system, as printed by `uname -r`, for example `6.1.0-18-amd64`.',
  '%V':
    'The directory for larger temporary files that should survive a reboot: `/var/tmp`, unless $TMPDIR, $TEMP or $TMP point elsewhere in the environment of the service manager (not of the service).',
  '%w': 'The OS version, taken from VERSION_ID= in /etc/os-release, for example `12`; empty when os-release has no such line.',
  '%W': 'The OS variant, taken from VARIANT_ID= in /etc/os-release, for example `server`; empty when os-release has no such line.',
  '%y':
    'The path of the unit\'s main file (its fragment, not a drop-in), for example `/usr/lib/systemd/system/foo@.service`; for a linked unit file it is the real location behind the link. Using it in a unit that has no file is an error.',
  '%Y':
    'The folder containing the unit\'s main file (`%y` without its file name), for example `/usr/lib/systemd/system`.',
  '%%': 'A literal percent sign: write `%%` wherever a `%` should reach the value, for example `date +%%s` runs `date +%s`.',
  '%c':
    'Deprecated and undocumented: the unit\'s control group path, for example `/system.slice/foo.service`. systemd logs a warning when it is used; do not rely on it.',
  '%r':
    'Deprecated and undocumented: the control group path of the unit\'s slice, for example `/system.slice`. systemd logs a warning when it is used; do not rely on it.',
  '%R':
    'Deprecated and undocumented: the root of the service manager\'s control group tree. systemd logs a warning when it is used; do not rely on it.',
};
