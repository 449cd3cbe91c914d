import type { Diagnostic } from '../types';
import type { CommentList } from './commentList';
import type { LineIndex } from './lineIndex';
import type { Comment, Entry, Section, SyntaxTree } from './syntaxTree';
import { CommentNode, EntryNode, SectionNode } from './treeNodes';
import { ownCopy } from './ownCopy';

/**
 * A tree the parser read: its comments are kept packed and made into nodes when first read, and
 * its text is its line index's (which joins an edited text into one string only when it is read).
 */
export class ParsedTree implements SyntaxTree {
  lines: LineIndex;
  sections: Section[];
  orphans: Entry[];
  diagnostics: Diagnostic[];
  hasBom: boolean;
  /** The line break most used, worked out when first read (a text in parts with a `\r` is joined for it then). */
  #eol: string | undefined;
  /** The comments as the parser found them; undefined once they were replaced. */
  #commentList: CommentList | undefined;
  #comments: Comment[] | undefined;

  constructor(lines: LineIndex, sections: Section[], orphans: Entry[], comments: CommentList, diagnostics: Diagnostic[], hasBom: boolean, eol?: string) {
    this.lines = lines;
    this.sections = sections;
    this.orphans = orphans;
    this.diagnostics = diagnostics;
    this.hasBom = hasBom;
    this.#eol = eol;
    this.#commentList = comments;
    this.#comments = undefined;
  }

  get eol(): string {
    return (this.#eol ??= this.lines.dominantEol());
  }

  get text(): string {
    return this.lines.text;
  }

  /** The comments, made into nodes when first read, then kept. */
  get comments(): Comment[] {
    return (this.#comments ??= (this.#commentList as CommentList).nodes());
  }

  set comments(comments: Comment[]) {
    this.#comments = comments;
    this.#commentList = undefined;
  }

  /** The packed comments, unless the comments were replaced since the parser read them. */
  get commentList(): CommentList | undefined {
    return this.#commentList;
  }

  /**
   * Reads the tree's text through `index` from now on, whose text reads the same character for
   * character (the same text held otherwise, see node/compactText.ts), or but where the text read
   * had a stand-in for a character, in no key, section name or problem (see parsedCompactly): its
   * nodes, comments and problems keep nothing of the text they were read from, which is then let go.
   */
  rehome(index: LineIndex): void {
    this.lines = index;
    for (const section of this.sections) {
      if (!(section instanceof SectionNode)) continue;
      section.rebase(index);
      section.detach();
    }
    for (const entry of this.orphans) {
      if (!(entry instanceof EntryNode)) continue;
      entry.rebase(index);
      entry.detach();
    }
    if (this.#commentList !== undefined) this.#commentList = this.#commentList.moved(index, 0);
    for (const comment of this.#comments ?? []) if (comment instanceof CommentNode) comment.rebase(index);
    for (const problem of this.diagnostics) problem.message = ownCopy(problem.message);
  }

  toJSON(): SyntaxTree {
    const { text, lines, sections, orphans, comments, diagnostics, hasBom, eol } = this;
    return { text, lines, sections, orphans, comments, diagnostics, hasBom, eol };
  }
}

/** The packed comments of a tree the parser read, unless its comments were replaced since. */
export function commentListOf(tree: SyntaxTree): CommentList | undefined {
  return tree instanceof ParsedTree ? tree.commentList : undefined;
}
