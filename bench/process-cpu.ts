import { readdirSync, readFileSync } from 'node:fs';

export const CLOCK_TICKS_PER_SEC = 100;

export interface ProcessInfo {
  pid: number;
  /** The command name (`postgres`, `node`). */
  name: string;
  /** The full command line; a PostgreSQL backend shows its database and client there. */
  commandLine: string;
}

/**
 * CPU seconds (user + system) used so far by every live process that `matches`, read from
 * /proc; null where there is no /proc. PostgreSQL serves a connection from its own
 * backend process, so the difference across a run is what the database spent on the app's
 * queries (plus its background workers): the part of the two cores the app's own figure misses.
 */
export function processCpuSeconds(matches: (process: ProcessInfo) => boolean): Map<number, number> | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null;
  }
  const seconds = new Map<number, number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The command name is in parentheses and may contain spaces; the fields after it are fixed.
      const close = stat.lastIndexOf(')');
      const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      if (!matches({ pid: Number(pid), name: stat.slice(stat.indexOf('(') + 1, close), commandLine })) continue;
      const fields = stat.slice(close + 2).split(' ');
      seconds.set(Number(pid), (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SEC);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return seconds;
}

/** CPU seconds the matching processes spent between two readings (processes that ended in between are lost). */
export function cpuSecondsBetween(
  before: Map<number, number> | null,
  after: Map<number, number> | null,
): number | null {
  if (!before || !after) return null;
  let total = 0;
  for (const [pid, seconds] of after) total += seconds - (before.get(pid) ?? 0);
  return total;
}

/**
 * PostgreSQL's work for one database: the backends serving it and the shared writers (WAL,
 * checkpoints, background writer, autovacuum), not other databases' backends on the same server.
 */
export function isDatabaseWorkFor(databaseName: string): (process: ProcessInfo) => boolean {
  const sharedWorkers = /(walwriter|wal writer|checkpointer|background writer|autovacuum)/;
  return ({ name, commandLine }) =>
    name === 'postgres' && (commandLine.includes(` ${databaseName} `) || sharedWorkers.test(commandLine));
}
