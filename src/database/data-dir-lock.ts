import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * One process owns a data folder's embedded PostgreSQL. postmaster.pid alone cannot say whether
 * the server it names belongs to a live instance (leave it alone) or to one killed with SIGKILL
 * (an orphan to stop): the owner is the Node process, not postgres. So the owner writes
 * `instance.lock` (pid, the kernel's start time of that pid, host) before it touches the
 * server, and removes it when it stops. A lock whose pid is gone, or reused by a younger
 * process, is stale and is taken over.
 */
const LOCK_FILE = 'instance.lock';

export interface LockOwner {
  pid: number;
  /** The process start time as /proc/<pid>/stat gives it (clock ticks since boot); null without /proc. */
  startTicks: string | null;
  host: string;
  acquiredAt: string;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `another instance (pid ${owner.pid}, since ${owner.acquiredAt}) is running on DATA_DIR=${dataDir}:` +
        ' stop it first, or give this one its own DATA_DIR and EMBEDDED_PG_PORT',
    );
  }
}

export interface DataDirLock {
  release(): void;
}

const ATTEMPTS = 3;

/** Takes the data folder's lock for this process, taking over a stale one; throws DataDirLockedError if it is live. */
export function lockDataDir(dataDir: string, log: (m: string) => void = () => undefined): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  const me: LockOwner = {
    pid: process.pid,
    startTicks: processStartTicks(process.pid),
    host: hostname(),
    // Taken in main.ts before the Nest container (and its Clock) exists; for a person reading the file.
    acquiredAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (createExclusively(path, JSON.stringify(me))) return { release: () => releaseIfOurs(path, me) };
    const owner = readOwner(path);
    if (owner && isOwnerAlive(owner)) throw new DataDirLockedError(dataDir, owner);
    log(`taking over the lock of a stopped instance (${owner ? `pid ${owner.pid}` : 'unreadable lock file'})`);
    rmSync(path, { force: true });
  }
  throw new Error(`could not take the lock ${path}: another process keeps replacing it`);
}

function createExclusively(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644); // O_EXCL: of two starts racing here, exactly one creates it
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readOwner(path: string): LockOwner | null {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
    return Number.isInteger(owner.pid) && owner.pid > 0 ? owner : null;
  } catch {
    return null; // half-written by a process killed mid-write, or gone meanwhile: not a live owner
  }
}

/**
 * Alive: the pid exists and is the same process (its start time matches), not a later one that
 * happens to have been given the same pid. A lock written under another host name (a recreated
 * container on the same volume) cannot be checked from here and counts as stale.
 */
function isOwnerAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false;
  if (owner.pid === process.pid) return false; // our own leftover from an earlier start in this process
  if (!pidExists(owner.pid)) return false;
  const ticks = processStartTicks(owner.pid);
  return owner.startTicks === null || ticks === null || ticks === owner.startTicks;
}

function releaseIfOurs(path: string, me: LockOwner): void {
  const owner = readOwner(path);
  if (owner && owner.pid === me.pid && owner.acquiredAt === me.acquiredAt) rmSync(path, { force: true });
}

function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by another user
  }
}

/** Field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces, so count from its ')'. */
function processStartTicks(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}
