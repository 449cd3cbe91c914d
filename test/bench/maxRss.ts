/**
 * Loaded with `node --require` when /usr/bin/time is missing: prints the
 * process's peak resident set size (kB) to stderr as it exits.
 */
process.on('exit', () => {
  process.stderr.write(`\nunitguard-bench-maxrss-kb ${process.resourceUsage().maxRSS}\n`);
});
