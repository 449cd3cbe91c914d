import { setFlagsFromString } from 'node:v8';

/**
 * A language server answers small requests, one after another, for as long as the editor is
 * open. The engine compiles a function with its optimizing compiler once the function has run
 * through a budget of bytecode; by default the request path of the server gets there after about
 * two thousand requests, and until then a request now and then waits on compilation work (a
 * hover's 99th percentile of 2.5–3.5 ms instead of 0.6–0.9 ms on a machine of two cores). An
 * eighth of the budget gets there within the first few hundred requests. The flag counts for the
 * code the engine loads after it, so it is set before the language service is loaded.
 */
export function tierUpSooner(): void {
  setFlagsFromString('--interrupt-budget=8192');
}
