// parse-prometheus-text-format ships no types; this is the part of its output the tests read.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const parsePrometheusTextFormat: (text: string) => MetricFamily[] = require('parse-prometheus-text-format');

export interface Sample {
  labels?: Record<string, string>;
  /** Counters and gauges. */
  value?: string;
  /** Histograms. */
  count?: string;
  sum?: string;
  buckets?: Record<string, string>;
}

export interface MetricFamily {
  name: string;
  help: string;
  type: 'COUNTER' | 'GAUGE' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED';
  metrics: Sample[];
}

/** A scrape parsed by a real Prometheus text-format parser, with lookups for assertions. */
export class Scrape {
  readonly families: MetricFamily[];

  constructor(readonly text: string) {
    this.families = parsePrometheusTextFormat(text);
  }

  /**
   * How many observations a histogram has under `labels`. The parser folds a labelled histogram's
   * series into one sample without labels, so its `_count` lines are parsed on their own (as an
   * untyped family, which keeps labels).
   */
  histogramCount(name: string, labels: Record<string, string> = {}): number {
    return this.histogramSeries(name, labels).reduce((n, s) => n + Number(s.value ?? 0), 0);
  }

  /** A histogram's `_count` samples, one per label set. */
  histogramSeries(name: string, labels: Record<string, string> = {}): Sample[] {
    const countLines = this.text.split('\n').filter((line) => line.startsWith(`${name}_count`));
    return new Scrape(`${countLines.join('\n')}\n`).matching(`${name}_count`, labels);
  }

  family(name: string): MetricFamily | undefined {
    return this.families.find((f) => f.name === name);
  }

  /** Sum of a counter's or gauge's samples whose labels include `labels` (0 when absent). */
  value(name: string, labels: Record<string, string> = {}): number {
    return this.matching(name, labels).reduce((n, s) => n + Number(s.value ?? 0), 0);
  }

  /** Samples of `name` whose labels include `labels`. */
  matching(name: string, labels: Record<string, string> = {}): Sample[] {
    const samples = this.family(name)?.metrics ?? [];
    return samples.filter((s) => Object.entries(labels).every(([k, v]) => s.labels?.[k] === v));
  }
}

/** GET /metrics and parse it; throws on anything but a 200 in the Prometheus text format. */
export async function scrape(url: string, token?: string): Promise<Scrape> {
  const res = await fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`scrape of ${url} answered ${res.status}: ${text}`);
  const contentType = res.headers.get('content-type') ?? '';
  if (!contentType.startsWith('text/plain') || !contentType.includes('version=0.0.4'))
    throw new Error(`scrape of ${url} is not Prometheus text: ${contentType}`);
  return new Scrape(text);
}
