/** A review run as the output formats of `unitguard review` see it. */
import type { UnitReview } from '../../core';
import type { InputError } from '../files';
import type { ReviewJob } from './inputs';

export interface ReviewedUnit {
  job: ReviewJob;
  review: UnitReview;
}

export interface ReviewReport {
  units: ReviewedUnit[];
  /** Inputs that could not be read. */
  errors: InputError[];
  notes: string[];
  /** Files the change touches that are not units. */
  skipped: string[];
  /** Units whose files are the same on both sides. */
  unchanged: number;
  /** The folder paths are shown relative to. */
  cwd: string;
}

/** An output format of `unitguard review`. */
export interface ReviewFormatter {
  format(report: ReviewReport): string;
}
