/**
 * Documentation written for UnitGuard, in its own words. Facts (the version
 * that added a setting, its values, its pairings, its security-test weight,
 * the man page link) live in the knowledge-base tables, not here: features
 * join the two.
 */
export interface DirectiveDoc {
  /** One line: what the setting does. */
  summary: string;
  /** Hardening and sandboxing settings: what exposure or attack it takes away. */
  protects?: string;
  /** What it can break for a service that needs the access it removes. */
  breaks?: string;
  /** Anything else a reviewer should know: how values differ, common pitfalls. */
  notes?: string;
}

export type DirectiveDocs = Readonly<Record<string, DirectiveDoc>>;

/** Docs for the values of one kind: enum values, @groups, capabilities, address families, ... */
export type ValueDocs = Readonly<Record<string, string>>;
