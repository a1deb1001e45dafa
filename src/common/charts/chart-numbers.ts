/** Number helpers shared by the SVG charts: coordinates are rounded so the markup stays short. */

export function positiveOr(value: number, fallback: number): number {
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export function finiteOrZero(value: number): number {
  return Number.isFinite(value) ? value : 0;
}
