#!/usr/bin/env node
// `security` has a bundle of its own, without the diagnostics and their docs, that loads in a
// fraction of the time of the whole CLI.
require(process.argv[2] === 'security' ? '../dist/cli-security.js' : '../dist/cli.js');
