/**
 * Stores an evidence model compactly: only features some training example had can have a
 * non-zero weight, so the weights go out as (feature index: int32, one float32 per output) for
 * those features, little-endian, in a Buffer (a bytea column).
 */
import { EvidenceModel, layoutOf } from './evidence-model';

export interface StoredModel {
  trends: string[];
  bias: number[];
  dimensions: number;
  weights: Buffer;
}

export function encodeModel(model: EvidenceModel): StoredModel {
  const { weights, outputs, dimensions, bias } = model.linear;
  const features: number[] = [];
  for (let f = 0; f < dimensions; f++) {
    for (let k = 0; k < outputs; k++) {
      if (weights[f * outputs + k] !== 0) {
        features.push(f);
        break;
      }
    }
  }
  const stride = 4 + 4 * outputs;
  const buffer = Buffer.alloc(features.length * stride);
  features.forEach((feature, i) => {
    buffer.writeInt32LE(feature, i * stride);
    for (let k = 0; k < outputs; k++) buffer.writeFloatLE(weights[feature * outputs + k]!, i * stride + 4 + 4 * k);
  });
  return { trends: [...model.trends], bias: [...bias], dimensions, weights: buffer };
}

export function decodeModel(stored: StoredModel, trainingIds: string[] = []): EvidenceModel {
  // One bias per output: the layout (per-stance models stored before issue 14's second round, or
  // relevance and stance) follows from how many there are; checked here, so a stored model that
  // fits neither fails when it is loaded rather than while scoring.
  const outputs = stored.bias.length;
  layoutOf(stored.trends.length, outputs);
  const weights = new Float32Array(stored.dimensions * outputs);
  const stride = 4 + 4 * outputs;
  for (let at = 0; at + stride <= stored.weights.length; at += stride) {
    const feature = stored.weights.readInt32LE(at);
    for (let k = 0; k < outputs; k++) weights[feature * outputs + k] = stored.weights.readFloatLE(at + 4 + 4 * k);
  }
  return {
    trends: [...stored.trends],
    linear: { dimensions: stored.dimensions, outputs, weights, bias: Float64Array.from(stored.bias) },
    trainingIds,
  };
}
