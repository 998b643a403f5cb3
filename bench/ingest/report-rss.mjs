// Preloaded with `node --import` when /usr/bin/time is not available: reports the process's
// peak RSS on stderr at exit, as `maxRSS=<kB>`.
process.on('exit', () => {
  process.stderr.write(`maxRSS=${process.resourceUsage().maxRSS}\n`);
});
