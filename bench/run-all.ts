/**
 * Runs every bench/*.bench.ts that exports `run()`, one after another, and prints each one's
 * figures as JSON lines. A bench that throws prints {"bench":"<file>","error":"..."} and the rest
 * still run; the exit code is non-zero when any failed. Run: npm run bench
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

interface BenchModule {
  run?: () => Promise<unknown>;
}

/** This folder; BENCH_DIR points elsewhere (e.g. to try run-all itself on stand-in benches). */
const BENCH_DIR = process.env.BENCH_DIR ?? __dirname;

function benchFiles(): string[] {
  return readdirSync(BENCH_DIR)
    .filter((file) => file.endsWith('.bench.ts'))
    .sort();
}

function isFiguresLine(line: string): boolean {
  try {
    const value = JSON.parse(line);
    return typeof value === 'object' && value !== null && 'bench' in value;
  } catch {
    return false;
  }
}

/**
 * Some benches print their own JSON lines from run(), others only return figures. Watch what run()
 * prints so each figure line appears once, whichever the bench does.
 */
async function runCapturingPrints(run: () => Promise<unknown>): Promise<{ result: unknown; printedFigures: boolean }> {
  const original = console.log;
  let printedFigures = false;
  console.log = (...args: unknown[]) => {
    if (args.length === 1 && typeof args[0] === 'string' && isFiguresLine(args[0])) printedFigures = true;
    original(...args);
  };
  try {
    return { result: await run(), printedFigures };
  } finally {
    console.log = original;
  }
}

export async function runAll(): Promise<number> {
  let failures = 0;
  for (const file of benchFiles()) {
    try {
      const bench = (await import(join(BENCH_DIR, file))) as BenchModule;
      if (typeof bench.run !== 'function') continue;
      const { result, printedFigures } = await runCapturingPrints(bench.run);
      if (!printedFigures && result !== undefined) {
        for (const figures of Array.isArray(result) ? result : [result]) console.log(JSON.stringify(figures));
      }
    } catch (error) {
      failures += 1;
      const message = error instanceof Error ? error.message : String(error);
      console.log(JSON.stringify({ bench: file, error: message }));
    }
  }
  return failures;
}

if (require.main === module) {
  runAll()
    // Exit explicitly: a bench that leaves a handle open must not keep the whole run alive.
    .then((failures) => process.exit(failures > 0 ? 1 : 0))
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
