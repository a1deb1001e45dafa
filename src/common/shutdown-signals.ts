const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Calls `stop` once, on the first SIGINT, SIGTERM or SIGHUP, instead of Node's default of dying
 * at once: the service and the command-line tools close the app first (running jobs record how
 * they ended) and then stop the embedded database. Returns the undo.
 */
export function onShutdownSignal(stop: (signal: NodeJS.Signals) => void): () => void {
  let stopped = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopped) return;
    stopped = true;
    stop(signal);
  };
  for (const signal of SHUTDOWN_SIGNALS) process.on(signal, handler);
  return () => {
    for (const signal of SHUTDOWN_SIGNALS) process.removeListener(signal, handler);
  };
}
