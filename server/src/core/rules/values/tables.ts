/**
 * What the value checks need beyond the knowledge base: which path prefixes a setting's parser
 * strips, and values people are known to write by mistake.
 */
import { errno, signal } from '../../kb';

/** A signal as systemd reads it: a name with or without `SIG`, a number, or a real-time offset. */
export function isSignal(text: string): boolean {
  if (signal(text)) return true;
  const name = text.startsWith('SIG') ? text.slice(3) : text;
  if (/^RTMIN(\+[0-9]+)?$/.test(name) || /^RTMAX(-[0-9]+)?$/.test(name)) return true;
  if (/^[0-9]+$/.test(text)) return Number(text) >= 1 && Number(text) <= 64;
  return false;
}

/** An errno as SystemCallErrorNumber= reads it: a name, a number, or the actions `kill` and `log`. */
export function isErrno(text: string): boolean {
  return errno(text) !== undefined || /^[0-9]+$/.test(text) || text === 'kill' || text === 'log';
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
