import { decodeUriText } from '../uriNames';

/**
 * Which service manager reads a unit file, as far as its location tells: units under a
 * `systemd/user/` folder (`/usr/lib/systemd/user/`, `/etc/systemd/user/`,
 * `~/.config/systemd/user/`, ...) belong to the per-user manager, everything else to the
 * system manager.
 */
export type ManagerKind = 'system' | 'user';

const USER_FOLDER = /\/systemd\/user(?:\.control)?\//;

export function managerOf(uriOrPath: string): ManagerKind {
  let path = uriOrPath.replace(/\\/g, '/');
  path = decodeUriText(path);
  return USER_FOLDER.test(path) ? 'user' : 'system';
}
