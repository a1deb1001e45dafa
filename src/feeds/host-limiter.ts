import pLimit from 'p-limit';

type LimitFunction = ReturnType<typeof pLimit>;

/**
 * Concurrency limits overall and per host, so a run over many feeds never opens more than
 * `perHost` connections to one publisher (politeness) nor more than `overall` in total.
 */
export class HostLimiter {
  private readonly overall: LimitFunction;
  private readonly hosts = new Map<string, LimitFunction>();

  constructor(
    overall: number,
    private readonly perHost: number,
  ) {
    this.overall = pLimit(overall);
  }

  run<T>(url: string, task: () => Promise<T>): Promise<T> {
    const host = hostOf(url);
    let limit = this.hosts.get(host);
    if (!limit) {
      limit = pLimit(this.perHost);
      this.hosts.set(host, limit);
    }
    // Per-host slot first, so a busy host does not hold overall slots while it waits.
    return limit(() => this.overall(task));
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
