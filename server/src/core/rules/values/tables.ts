/**
 * Small tables the value checks need that are not facts about unit-file settings themselves:
 * signal names, which path prefixes a setting's parser strips, and values people are known to
 * write by mistake.
 */

/** Linux signal names as systemd reads them (with or without `SIG`), plus the real-time range. */
export const SIGNAL_NAMES: readonly string[] = [
  'HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'IOT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM',
  'TERM', 'STKFLT', 'CHLD', 'CLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF',
  'WINCH', 'IO', 'POLL', 'PWR', 'SYS',
];

export function isSignal(text: string): boolean {
  const name = text.startsWith('SIG') ? text.slice(3) : text;
  if (SIGNAL_NAMES.includes(name)) return true;
  if (/^RTMIN(\+[0-9]+)?$/.test(name) || /^RTMAX(-[0-9]+)?$/.test(name)) return true;
  if (/^[0-9]+$/.test(text)) return Number(text) >= 1 && Number(text) <= 64;
  return false;
}

/**
 * Characters a setting's parser accepts in front of each path: `-` (ignore a missing path), `+`
 * (relative to the root directory), `~` (the user's home, WorkingDirectory= only). Settings not
 * listed take plain absolute paths.
 */
export const PATH_PREFIXES: Readonly<Record<string, string>> = {
  ReadWritePaths: '-+',
  ReadOnlyPaths: '-+',
  InaccessiblePaths: '-+',
  ExecPaths: '-+',
  NoExecPaths: '-+',
  ReadWriteDirectories: '-+',
  ReadOnlyDirectories: '-+',
  InaccessibleDirectories: '-+',
  ExtensionDirectories: '-',
  EnvironmentFile: '-',
  WorkingDirectory: '-~',
  IPIngressFilterPath: '',
  IPEgressFilterPath: '',
  RootImage: '',
  RootDirectory: '',
};

/**
 * Settings whose paths are checked for being absolute. Other `path` settings either accept
 * relative paths (PIDFile= puts them below /run) or hold things that only look like paths.
 */
export const ABSOLUTE_PATH_SETTINGS: ReadonlySet<string> = new Set([
  ...Object.keys(PATH_PREFIXES),
  'RequiresMountsFor',
  'WantsMountsFor',
  'TTYPath',
  'USBFunctionDescriptors',
  'USBFunctionStrings',
  'UserNamespacePath',
  'NetworkNamespacePath',
  'IPCNamespacePath',
  'ListenFIFO',
  'ListenSpecial',
  'ListenUSBFunction',
  'Where',
  'PathExists',
  'PathExistsGlob',
  'PathChanged',
  'PathModified',
  'DirectoryNotEmpty',
  'RootVerity',
  'RootMStack',
  'Symlinks',
  'SourcePath',
]);

/** Values that are not misspellings but are written by mistake, with what is meant. */
export const KNOWN_MISTAKES: readonly { directive: string; value: string; meant: string; why: string }[] = [
  { directive: 'PrivateTmp', value: 'isolate', meant: 'disconnected', why: 'the fully separated /tmp is called "disconnected"' },
  { directive: 'SystemCallFilter', value: '@service', meant: '@system-service', why: 'there is no @service group; the baseline for services is @system-service' },
];
