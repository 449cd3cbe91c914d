/**
 * What the value checks need beyond the knowledge base: which path prefixes a setting's parser
 * strips, and values people are known to write by mistake.
 */

/**
 * Characters a setting's parser accepts in front of each path, in the order it reads them: `-`
 * (ignore a missing path), then `+` (relative to the root directory); `~` (the user's home,
 * WorkingDirectory= only, alone). Settings not listed take plain absolute paths.
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
  ExtensionDirectories: '-+',
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
  'ExecSearchPath',
  'TemporaryFileSystem',
]);

/**
 * Settings whose lines each hold one path, blanks included: the value kind calls them lists
 * because repeated lines add up, but systemd reads the whole value of a line as a single path.
 */
export const ONE_PATH_PER_LINE: ReadonlySet<string> = new Set(['IPIngressFilterPath', 'IPEgressFilterPath']);

/** Values that are not misspellings but are written by mistake, with what is meant. */
export const KNOWN_MISTAKES: readonly { directive: string; value: string; meant: string; why: string }[] = [
  { directive: 'PrivateTmp', value: 'isolate', meant: 'disconnected', why: 'the fully separated /tmp is called "disconnected"' },
  { directive: 'SystemCallFilter', value: '@service', meant: '@system-service', why: 'there is no @service group; the baseline for services is @system-service' },
];
