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
  if (/%[0-9a-f]{2}/i.test(path)) {
    try {
      path = decodeURIComponent(path);
    } catch {
      // keep it as written
    }
  }
  return USER_FOLDER.test(path) ? 'user' : 'system';
}
