/**
 * The Markdown shown for a setting: our words from kb/docs joined with the
 * knowledge base's facts (version, value kind, deprecation, pairings,
 * systemd-analyze security checks, man page link). Completion shows the
 * short form, hover the full one.
 */
import { pairingsFor, securityTests, type Deprecation, type DirectiveRow, type SecurityTest } from '../../kb';
import { atRelease, directiveDoc, type DirectiveDoc } from '../../kb/docs';
import { blocks, code, link, manPageLabel, needsVersionText, sinceText } from './markdown';
import { pairingText } from './pairingText';
import { assignmentText, valueKindText } from './valueKindText';
import { SEVERITY_RANK } from '../../types';

export interface DirectiveMarkdownOptions {
  /** `hover` adds value details, pairings and security checks. */
  detail: 'completion' | 'hover';
  /** The target systemd version, to flag a setting added later. */
  systemdVersion?: number;
}

/** At most this many pairings are listed in a hover; the rest are counted. */
const MAX_PAIRINGS = 6;

/** "Renamed: use `X=` instead." */
export function deprecationText(name: string, deprecation: Deprecation): string {
  const replacement = deprecation.replacement;
  let use = '';
  if (replacement) {
    const target = code(`${replacement.directive}=${replacement.value ?? ''}`);
    const where = replacement.section ? ` in [${replacement.section}]` : '';
    const prefixes = replacement.commandPrefixes?.length ? ` with the ${replacement.commandPrefixes.map(code).join(' or ')} prefix` : '';
    use = ` Use ${target}${where}${prefixes} instead.`;
  }
  const version = deprecation.since !== undefined ? ` since systemd ${deprecation.since}` : '';
  const self = code(`${name}=`);
  let text: string;
  switch (deprecation.kind) {
    case 'removed':
      text =
        deprecation.removedIn !== undefined && deprecation.removedIn !== deprecation.since
          ? `**Deprecated**${version}, **removed** in systemd ${deprecation.removedIn}: from then on systemd reads ${self} and ignores it.`
          : `**Removed**${version}: systemd reads ${self} and ignores it.`;
      break;
    case 'renamed':
      text = `**Deprecated**${version}: an old name, still read.`;
      break;
    case 'alias':
      text = `**Deprecated**${version}: a legacy alias, still read.`;
      break;
    case 'obsolete':
      text = `**Deprecated**${version}: still read, but systemd logs a warning.`;
      break;
    case 'moved':
      text = `**Deprecated**${version}: still read here, but it belongs in another section now.`;
      break;
  }
  if (deprecation.cgroupV1) text += ' It belonged to cgroup v1, which systemd no longer supports.';
  if (deprecation.alwaysOn) text += ' The feature is always on now, so the line can simply go.';
  return text + use;
}

/** The systemd-analyze security checks a setting feeds, heaviest first. */
export function securityTestsFor(directive: string): readonly SecurityTest[] {
  return securityTests.filter((t) => t.directives.includes(directive)).sort((a, b) => b.weight - a.weight || a.order - b.order);
}

function securityText(directive: string): string | undefined {
  const tests = securityTestsFor(directive);
  if (tests.length === 0) return undefined;
  const shown = tests.slice(0, 8).map((t) => `${code(t.id)} (weight ${t.weight}${t.range > 1 ? `, range ${t.range}` : ''})`);
  const more = tests.length > 8 ? `, and ${tests.length - 8} more` : '';
  return `**systemd-analyze security:** ${shown.join(', ')}${more}`;
}

function pairingsText(directive: string): string | undefined {
  const list = [...pairingsFor(directive)].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
  if (list.length === 0) return undefined;
  const lines = list.slice(0, MAX_PAIRINGS).map((p) => `- ${pairingText(p)}`);
  if (list.length > MAX_PAIRINGS) lines.push(`- … and ${list.length - MAX_PAIRINGS} more`);
  return `**Works with other settings:**\n${lines.join('\n')}`;
}

/** The heading line: `**PrivateTmp=**` · [Service] · systemd 239+ (the version left out when the target lacks it). */
function heading(row: DirectiveRow, tooNew: boolean): string {
  const parts = [`**${row.name}=**`, `[${row.section}]`];
  const since = sinceText(row.since);
  if (since && !tooNew) parts.push(since);
  if (row.deprecation) parts.push(row.deprecation.kind === 'removed' ? 'removed' : 'deprecated');
  return parts.join(' · ');
}

/** Every text of a setting's doc as it holds for the target release. */
function docAtRelease(doc: DirectiveDoc | undefined, version: number | undefined): DirectiveDoc | undefined {
  if (!doc) return undefined;
  return {
    summary: atRelease(doc.summary, version),
    ...(doc.protects !== undefined ? { protects: atRelease(doc.protects, version) } : {}),
    ...(doc.breaks !== undefined ? { breaks: atRelease(doc.breaks, version) } : {}),
    ...(doc.notes !== undefined ? { notes: atRelease(doc.notes, version) } : {}),
  };
}

/** The Markdown already made for each row, by detail and target release. */
const made = new WeakMap<DirectiveRow, Map<string, string>>();

/**
 * The Markdown of a setting's row. It is made of the knowledge base alone, so it is made once per
 * row, detail and target release: hovering a setting again costs nothing.
 */
export function directiveMarkdown(row: DirectiveRow, options: DirectiveMarkdownOptions): string {
  let byOptions = made.get(row);
  if (!byOptions) made.set(row, (byOptions = new Map()));
  const key = `${options.detail} ${options.systemdVersion}`;
  let markdown = byOptions.get(key);
  if (markdown === undefined) byOptions.set(key, (markdown = makeDirectiveMarkdown(row, options)));
  return markdown;
}

function makeDirectiveMarkdown(row: DirectiveRow, options: DirectiveMarkdownOptions): string {
  const doc = docAtRelease(directiveDoc(row.name), options.systemdVersion);
  // An old name without words of its own borrows the summary of its replacement.
  const replacementDoc = row.deprecation?.replacement ? directiveDoc(row.deprecation.replacement.directive) : undefined;
  const needsVersion = needsVersionText(row.since, options.systemdVersion);
  const hover = options.detail === 'hover';
  const manLink = row.url && row.manPage ? `${link(manPageLabel(row.manPage), row.url)}` : undefined;
  return blocks(
    hover ? heading(row, needsVersion !== undefined) : undefined,
    doc?.summary,
    row.deprecation && deprecationText(row.name, row.deprecation),
    !doc && replacementDoc ? `${code(`${row.deprecation?.replacement?.directive}=`)}: ${replacementDoc.summary}` : undefined,
    needsVersion,
    doc?.protects && `**Protects:** ${doc.protects}`,
    doc?.breaks && `**May break:** ${doc.breaks}`,
    doc?.notes && `**Notes:** ${doc.notes}`,
    hover && `**Value:** ${valueKindText(row)}. ${assignmentText(row.assignment)}`,
    hover && pairingsText(row.name),
    hover && securityText(row.name),
    !hover && row.since !== undefined && !needsVersion ? `Added in systemd ${row.since}.` : undefined,
    row.buildCondition && hover ? `Needs a systemd built with ${code(row.buildCondition)}; without it the setting is ignored.` : undefined,
    manLink,
  );
}
