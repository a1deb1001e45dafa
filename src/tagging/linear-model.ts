/**
 * One-vs-rest logistic regression over sparse vectors, for several outputs at once: output k has
 * its own weights and bias; an example may leave some outputs unknown (target -1), which then
 * contribute nothing (a reviewer who rejected an article for one prediction said nothing about
 * the others).
 *
 * Objective per output: mean log loss over the examples whose target is known (positives
 * weighted by `positiveWeights`), plus
 * (l2 / 2) * |w|^2 (the bias is not regularised). Minimised by full-batch gradient descent with
 * AdaGrad step sizes: deterministic, so the same data always gives the same model, and close to
 * the optimum after a few hundred epochs on data of this size (tests compare with known fits).
 * Weights are laid out feature-major (weights[feature * outputs + k]), so one example's features
 * touch one contiguous block per feature.
 */
import type { SparseVector } from './model-features';

export interface TrainingExample {
  vector: SparseVector;
  /** Per output: 1 positive, 0 negative, -1 unknown. */
  targets: Int8Array;
}

export interface TrainOptions {
  dimensions: number;
  outputs: number;
  l2: number;
  epochs: number;
  learningRate: number;
  /**
   * Per output, how much a positive example counts against a negative one (1 = plain log loss).
   * Positives are a few percent of each output's examples, so unweighted probabilities stay
   * small and the rare outputs (contradicting evidence) are the ones that lose most.
   */
  positiveWeights?: Float64Array;
}

export interface LinearModel {
  dimensions: number;
  outputs: number;
  weights: Float32Array;
  bias: Float64Array;
}

export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Raw scores (logits) of every output for one vector, written into `into`. */
export function logits(model: LinearModel, vector: SparseVector, into: Float64Array): Float64Array {
  const { outputs, weights, bias } = model;
  for (let k = 0; k < outputs; k++) into[k] = bias[k]!;
  const { indices, values } = vector;
  for (let i = 0; i < indices.length; i++) {
    const base = indices[i]! * outputs;
    const value = values[i]!;
    for (let k = 0; k < outputs; k++) into[k] += weights[base + k]! * value;
  }
  return into;
}

/** Output k's logit for one vector: only the outputs an example knows are computed while training. */
function logitOf(model: LinearModel, vector: SparseVector, k: number): number {
  const { outputs, weights } = model;
  const { indices, values } = vector;
  let z = model.bias[k]!;
  for (let i = 0; i < indices.length; i++) z += weights[indices[i]! * outputs + k]! * values[i]!;
  return z;
}

interface GradientScratch {
  gradW: Float32Array;
  gradB: Float64Array;
  counts: Float64Array;
  positiveWeights: Float64Array;
  /** One example's logits, then its errors (length outputs). */
  z: Float64Array;
}

/** The weighted log-loss error of output k for one example (0 when its target is unknown). */
function errorOf(scratch: GradientScratch, target: number, k: number, logit: number): number {
  if (target < 0) return 0;
  const weight = target === 1 ? scratch.positiveWeights[k]! : 1;
  return ((sigmoid(logit) - target) * weight) / scratch.counts[k]!;
}

/**
 * Adds one epoch's mean gradient of the log loss to gradW/gradB. An example that knows most of its
 * outputs (a labelled headline) is done a feature block at a time, all outputs together, as the
 * weights are laid out; one that knows a few (a reviewer decision) output by output.
 */
function accumulateGradient(model: LinearModel, examples: TrainingExample[], scratch: GradientScratch): void {
  const { outputs } = model;
  const { gradW, gradB, z } = scratch;
  for (const example of examples) {
    const { indices, values } = example.vector;
    const { targets } = example;
    let known = 0;
    for (let k = 0; k < outputs; k++) if (targets[k]! >= 0) known++;
    if (known * 4 > outputs) {
      logits(model, example.vector, z);
      for (let k = 0; k < outputs; k++) gradB[k] += z[k] = errorOf(scratch, targets[k]!, k, z[k]!);
      for (let i = 0; i < indices.length; i++) {
        const base = indices[i]! * outputs;
        const value = values[i]!;
        for (let k = 0; k < outputs; k++) gradW[base + k] += z[k]! * value;
      }
      continue;
    }
    for (let k = 0; k < outputs; k++) {
      if (targets[k]! < 0) continue;
      const error = errorOf(scratch, targets[k]!, k, logitOf(model, example.vector, k));
      gradB[k] += error;
      for (let i = 0; i < indices.length; i++) gradW[indices[i]! * outputs + k] += error * values[i]!;
    }
  }
}

function knownCounts(examples: TrainingExample[], outputs: number): Float64Array {
  const counts = new Float64Array(outputs);
  for (const example of examples) for (let k = 0; k < outputs; k++) if (example.targets[k]! >= 0) counts[k]++;
  for (let k = 0; k < outputs; k++) counts[k] = Math.max(counts[k]!, 1);
  return counts;
}

/** Features that occur in any example: the only weights that can move from zero. */
function touchedFeatures(examples: TrainingExample[]): Int32Array {
  const seen = new Set<number>();
  for (const example of examples) for (const index of example.vector.indices) seen.add(index);
  return Int32Array.from(seen).sort();
}

export function trainLinearModel(examples: TrainingExample[], options: TrainOptions): LinearModel {
  const { dimensions, outputs, l2, epochs, learningRate } = options;
  const model: LinearModel = {
    dimensions,
    outputs,
    weights: new Float32Array(dimensions * outputs),
    bias: new Float64Array(outputs),
  };
  const counts = knownCounts(examples, outputs);
  const positiveWeights = options.positiveWeights ?? new Float64Array(outputs).fill(1);
  const z = new Float64Array(outputs);
  const touched = touchedFeatures(examples);
  const gradW = new Float32Array(dimensions * outputs);
  const gradB = new Float64Array(outputs);
  const sumSqW = new Float32Array(dimensions * outputs);
  const sumSqB = new Float64Array(outputs);
  for (let epoch = 0; epoch < epochs; epoch++) {
    gradB.fill(0);
    for (const feature of touched) gradW.fill(0, feature * outputs, feature * outputs + outputs);
    accumulateGradient(model, examples, { gradW, gradB, counts, positiveWeights, z });
    for (let k = 0; k < outputs; k++) {
      sumSqB[k] += gradB[k]! * gradB[k]!;
      model.bias[k] -= (learningRate * gradB[k]!) / (Math.sqrt(sumSqB[k]!) + 1e-12);
    }
    for (const feature of touched) {
      for (let at = feature * outputs, end = at + outputs; at < end; at++) {
        const gradient = gradW[at]! + l2 * model.weights[at]!;
        sumSqW[at] += gradient * gradient;
        model.weights[at] -= (learningRate * gradient) / (Math.sqrt(sumSqW[at]!) + 1e-12);
      }
    }
  }
  return model;
}
