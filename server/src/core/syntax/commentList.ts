import type { LineIndex } from './lineIndex';
import type { Comment, SyntaxTree } from './syntaxTree';
import { commentListOf } from './parsedTree';
import { CommentNode } from './treeNodes';

/**
 * The comment lines of a text, packed: where each comment starts and ends, two numbers a comment,
 * and no object for any of them until they are read. The rules never read comments; a unit of
 * one-character `#` lines kept an object of 64 bytes for every two bytes of its text. A keystroke
 * moves the comments after it by copying these numbers, not by making a node for each.
 */
export class CommentList {
  readonly #index: LineIndex;
  /** Per comment: the offset of its `#` or `;`, and of its end (trailing blanks left out). */
  readonly #offsets: Int32Array;

  constructor(index: LineIndex, offsets: Int32Array) {
    this.#index = index;
    this.#offsets = offsets;
  }

  /** How many comments there are. */
  get length(): number {
    return this.#offsets.length >> 1;
  }

  /** The offset of the `i`th comment's first character. */
  start(i: number): number {
    return this.#offsets[i << 1];
  }

  /** The offset just past the `i`th comment's last non-blank character. */
  end(i: number): number {
    return this.#offsets[(i << 1) + 1];
  }

  /** The comments as nodes, made now: each call makes new ones. */
  nodes(): Comment[] {
    const index = this.#index;
    const nodes = new Array<Comment>(this.length);
    for (let i = 0; i < nodes.length; i++) {
      const start = this.start(i);
      const end = this.end(i);
      nodes[i] = new CommentNode(index, index.slice(start, end), start, end);
    }
    return nodes;
  }

  /** The first comment that starts at or after `offset` (the count when none does). */
  firstFrom(offset: number): number {
    let low = 0;
    let high = this.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.start(mid) < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The same comments `delta` characters on, in `index`. */
  moved(index: LineIndex, delta: number): CommentList {
    return CommentList.joined(index, [{ list: this, from: 0, to: this.length, delta }]);
  }

  /**
   * One list in `index` of runs of lists, in order: of each, the comments `[from, to)`, moved
   * `delta` characters on.
   */
  static joined(index: LineIndex, runs: ReadonlyArray<{ list: CommentList; from: number; to: number; delta: number }>): CommentList {
    let count = 0;
    for (const run of runs) count += Math.max(0, run.to - run.from);
    const offsets = new Int32Array(count << 1);
    let at = 0;
    for (const { list, from, to, delta } of runs) {
      const source = list.#offsets;
      for (let k = from << 1; k < to << 1; k++) offsets[at++] = source[k] + delta;
    }
    return new CommentList(index, offsets);
  }
}

/** Gathers comments as a parser finds them, in document order. */
export class CommentListBuilder {
  #offsets = new Int32Array(32);
  #used = 0;

  add(start: number, end: number): void {
    if (this.#used + 2 > this.#offsets.length) {
      const grown = new Int32Array(this.#offsets.length * 2);
      grown.set(this.#offsets);
      this.#offsets = grown;
    }
    this.#offsets[this.#used++] = start;
    this.#offsets[this.#used++] = end;
  }

  /** The comments found, read in `index`: a copy of their exact length, not the room adding grew. */
  build(index: LineIndex): CommentList {
    return new CommentList(index, this.#offsets.slice(0, this.#used));
  }
}

/** The line of each comment of a tree, in order, without making its comments' nodes. */
export function commentLines(tree: SyntaxTree): number[] {
  const list = commentListOf(tree);
  if (list === undefined) return tree.comments.map((comment) => comment.range.start.line);
  const lines = new Array<number>(list.length);
  for (let i = 0; i < lines.length; i++) lines[i] = tree.lines.lineOf(list.start(i));
  return lines;
}
