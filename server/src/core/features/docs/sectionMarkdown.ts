/**
 * What each section of a unit file is for, in UnitGuard's words, and the man
 * pages that document its settings.
 */
import { manUrl, sectionNames, type ManPage, type SectionName } from '../../kb';
import { blocks, link, manPageLabel } from './markdown';

interface SectionInfo {
  summary: string;
  /** The section's own page first, then the shared option pages its settings come from. */
  pages: readonly ManPageName[];
}

/** The unit-file man pages, including the two of unit types without settings. */
type ManPageName = ManPage | 'systemd.target' | 'systemd.device';

const SHARED: readonly ManPage[] = ['systemd.exec', 'systemd.kill', 'systemd.resource-control'];

export const SECTION_INFO: Readonly<Record<SectionName, SectionInfo>> = {
  Unit: {
    summary:
      'Generic settings every unit type understands: its description and documentation links, ordering and requirement dependencies on other units, conditions and asserts checked before starting, and what happens on success or failure.',
    pages: ['systemd.unit'],
  },
  Install: {
    summary:
      'Read only by `systemctl enable` and `disable`, never by the running service manager: which targets or units pull this unit in (through `.wants/` and `.requires/` links), its aliases, and units enabled along with it.',
    pages: ['systemd.unit'],
  },
  Service: {
    summary:
      'How the service manager runs a daemon or job: the commands to start, reload and stop it, how readiness is detected, restart behaviour, plus the shared execution (user, sandboxing, hardening), kill and resource-control settings.',
    pages: ['systemd.service', ...SHARED],
  },
  Socket: {
    summary:
      'Sockets, FIFOs and other file descriptors the service manager listens on for socket activation, how they are created, and which service receives them; the execution, kill and resource-control settings apply to the helper commands.',
    pages: ['systemd.socket', ...SHARED],
  },
  Mount: {
    summary:
      'A file system mount controlled by the service manager: what to mount, where, with which type and options. The unit name must match the mount point path.',
    pages: ['systemd.mount', ...SHARED],
  },
  Automount: {
    summary:
      'A mount point that is mounted on first access: where it is and when it is unmounted again. The matching .mount unit does the actual mounting.',
    pages: ['systemd.automount'],
  },
  Swap: {
    summary: 'A swap device or file the service manager activates: what it is, its priority and options.',
    pages: ['systemd.swap', ...SHARED],
  },
  Path: {
    summary:
      'File system paths watched with inotify, and the unit (by default the .service of the same name) started when they appear, change or become non-empty.',
    pages: ['systemd.path'],
  },
  Timer: {
    summary:
      'When to start another unit (by default the .service of the same name): at calendar times, a time after boot or after the unit last ran, with optional random delay and catch-up of missed runs.',
    pages: ['systemd.timer'],
  },
  Slice: {
    summary:
      'A node in the control-group tree that groups units for resource management; its resource-control settings limit everything below it.',
    pages: ['systemd.slice', 'systemd.resource-control'],
  },
  Scope: {
    summary:
      'Processes started elsewhere and handed to the service manager over its bus API; scope units are created at run time rather than written as files, so this section only appears in drop-ins.',
    pages: ['systemd.scope', 'systemd.kill', 'systemd.resource-control'],
  },
  Target: {
    summary:
      'Targets group units and serve as synchronisation points during boot; they take no settings of their own, so this section is accepted but stays empty.',
    pages: ['systemd.target', 'systemd.unit'],
  },
  Device: {
    summary:
      'Device units are created by the device manager for kernel devices tagged for systemd; they take no settings of their own, so this section is accepted but stays empty.',
    pages: ['systemd.device', 'systemd.unit'],
  },
};

/** The link to a whole man page. */
export function manPageUrl(page: ManPageName): string {
  // Every page lives next to the others; manUrl knows where.
  return manUrl(page as ManPage, '').replace(/#.*$/, '');
}

export function isSectionName(name: string): name is SectionName {
  return (sectionNames as readonly string[]).includes(name);
}

/** The Markdown for a section: heading, what it is for, man page links. */
export function sectionMarkdown(name: SectionName, detail: 'completion' | 'hover'): string {
  const info = SECTION_INFO[name];
  return blocks(
    detail === 'hover' ? `**[${name}]** section` : undefined,
    info.summary,
    info.pages.map((p) => link(manPageLabel(p), manPageUrl(p))).join(' · '),
  );
}
