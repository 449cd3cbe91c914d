/**
 * Linux signals with their numbers on the common architectures (x86, Arm),
 * for KillSignal=, RestartKillSignal=, FinalKillSignal=, WatchdogSignal=,
 * ReloadSignal= and the exit-status lists. systemd also accepts the names
 * without `SIG`, as numbers, and real-time signals as `SIGRTMIN+n` and
 * `SIGRTMAX-n`; SIGRTMIN is listed with the number glibc gives it.
 * Aliases (SIGIOT, SIGCLD, SIGPOLL) name the signal they stand for; systemd's
 * own table (signal_from_string) has no aliases, so it refuses them in unit files.
 * The real-time signals run from SIGRTMIN to SIGRTMAX (64), so SIGRTMIN+n takes
 * n up to 30.
 */
import type { Signal } from './types';

export const SIGNALS: readonly Signal[] = [
  { name: 'SIGHUP', number: 1 },
  { name: 'SIGINT', number: 2 },
  { name: 'SIGQUIT', number: 3 },
  { name: 'SIGILL', number: 4 },
  { name: 'SIGTRAP', number: 5 },
  { name: 'SIGABRT', number: 6 },
  { name: 'SIGBUS', number: 7 },
  { name: 'SIGFPE', number: 8 },
  { name: 'SIGKILL', number: 9 },
  { name: 'SIGUSR1', number: 10 },
  { name: 'SIGSEGV', number: 11 },
  { name: 'SIGUSR2', number: 12 },
  { name: 'SIGPIPE', number: 13 },
  { name: 'SIGALRM', number: 14 },
  { name: 'SIGTERM', number: 15 },
  { name: 'SIGSTKFLT', number: 16 },
  { name: 'SIGCHLD', number: 17 },
  { name: 'SIGCONT', number: 18 },
  { name: 'SIGSTOP', number: 19 },
  { name: 'SIGTSTP', number: 20 },
  { name: 'SIGTTIN', number: 21 },
  { name: 'SIGTTOU', number: 22 },
  { name: 'SIGURG', number: 23 },
  { name: 'SIGXCPU', number: 24 },
  { name: 'SIGXFSZ', number: 25 },
  { name: 'SIGVTALRM', number: 26 },
  { name: 'SIGPROF', number: 27 },
  { name: 'SIGWINCH', number: 28 },
  { name: 'SIGIO', number: 29 },
  { name: 'SIGPWR', number: 30 },
  { name: 'SIGSYS', number: 31 },
  { name: 'SIGRTMIN', number: 34 },
  { name: 'SIGIOT', number: 6, aliasOf: 'SIGABRT' },
  { name: 'SIGCLD', number: 17, aliasOf: 'SIGCHLD' },
  { name: 'SIGPOLL', number: 29, aliasOf: 'SIGIO' },
];
