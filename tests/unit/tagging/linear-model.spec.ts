import { logits, sigmoid, trainLinearModel, TrainingExample } from '../../../src/tagging/linear-model';
import { articleVector, featureNames, namedFeatures } from '../../../src/tagging/model-features';
import { loadShippedTrainingItems } from '../../../src/tagging/shipped-training-data';

function example(features: Record<number, number>, targets: number[]): TrainingExample {
  const indices = Object.keys(features)
    .map(Number)
    .sort((a, b) => a - b);
  return {
    vector: { indices: Int32Array.from(indices), values: Float32Array.from(indices.map((i) => features[i]!)) },
    targets: Int8Array.from(targets),
  };
}

/** Independent check: Newton's method on a dense 2-feature logistic regression with bias and L2. */
function newtonFit(xs: number[][], ys: number[], l2: number): number[] {
  let theta = [0, 0, 0]; // bias, w1, w2
  const n = xs.length;
  for (let iteration = 0; iteration < 50; iteration++) {
    const grad = [0, 0, 0];
    const hess = [0, 0, 0, 0, 0, 0, 0, 0, 0];
    xs.forEach((x, row) => {
      const features = [1, x[0]!, x[1]!];
      const p = sigmoid(features.reduce((sum, f, j) => sum + f * theta[j]!, 0));
      for (let a = 0; a < 3; a++) {
        grad[a] += ((p - ys[row]!) * features[a]!) / n;
        for (let b = 0; b < 3; b++) hess[a * 3 + b] += (p * (1 - p) * features[a]! * features[b]!) / n;
      }
    });
    for (let j = 1; j < 3; j++) {
      grad[j] += l2 * theta[j]!;
      hess[j * 3 + j] += l2;
    }
    theta = theta.map((t, j) => t - solve3(hess, grad)[j]!);
  }
  return theta;
}

function solve3(m: number[], v: number[]): number[] {
  const det = (a: number[]) =>
    a[0]! * (a[4]! * a[8]! - a[5]! * a[7]!) -
    a[1]! * (a[3]! * a[8]! - a[5]! * a[6]!) +
    a[2]! * (a[3]! * a[7]! - a[4]! * a[6]!);
  const d = det(m);
  return [0, 1, 2].map((col) => det(m.map((value, i) => (i % 3 === col ? v[Math.floor(i / 3)]! : value))) / d);
}

describe('linear model', () => {
  it('reaches the known maximum-likelihood fit of a one-feature model (rates 3/4 and 1/4)', () => {
    const data = [...[1, 1, 1, 0].map((y) => example({}, [y])), ...[1, 0, 0, 0].map((y) => example({ 7: 1 }, [y]))];
    const model = trainLinearModel(data, { dimensions: 16, outputs: 1, l2: 0, epochs: 3000, learningRate: 0.5 });
    expect(model.bias[0]).toBeCloseTo(Math.log(3), 2);
    expect(model.weights[7]).toBeCloseTo(-2 * Math.log(3), 2);
  });

  it('weights positives of one output only: weight 3 triples the fitted odds (3/4 -> 9:1, 1/4 -> 1:1)', () => {
    const rows = [
      ...[1, 1, 1, 0].map((y) => example({}, [y, y])),
      ...[1, 0, 0, 0].map((y) => example({ 7: 1 }, [y, y])),
    ];
    const positiveWeights = Float64Array.from([3, 1]);
    const options = { dimensions: 16, outputs: 2, l2: 0, epochs: 3000, learningRate: 0.5, positiveWeights };
    const model = trainLinearModel(rows, options);
    expect(model.bias[0]).toBeCloseTo(Math.log(9), 2);
    expect(model.weights[7 * 2]).toBeCloseTo(-Math.log(9), 2);
    // the unweighted output keeps the plain maximum-likelihood fit
    expect(model.bias[1]).toBeCloseTo(Math.log(3), 2);
    expect(model.weights[7 * 2 + 1]).toBeCloseTo(-2 * Math.log(3), 2);
  });

  it('matches an independent Newton fit with L2 regularisation, output by output', () => {
    const xs = [
      [1, 0],
      [0.5, 0.5],
      [0, 1],
      [0.8, 0.2],
      [0.2, 0.9],
      [0.6, 0.1],
      [0.1, 0.3],
      [0.9, 0.7],
    ];
    const ys = [1, 1, 0, 1, 0, 0, 1, 0];
    const data = xs.map((x, i) => example({ 0: x[0]!, 1: x[1]! }, [ys[i]!, 1 - ys[i]!]));
    const model = trainLinearModel(data, { dimensions: 2, outputs: 2, l2: 0.1, epochs: 4000, learningRate: 0.5 });
    const expected = newtonFit(xs, ys, 0.1);
    expect(model.bias[0]).toBeCloseTo(expected[0]!, 2);
    expect(model.weights[0]).toBeCloseTo(expected[1]!, 2);
    expect(model.weights[2]).toBeCloseTo(expected[2]!, 2);
    // the second output is the mirror image: its fit is the negated one
    expect(model.weights[1]).toBeCloseTo(-expected[1]!, 2);
  });

  it('ignores unknown targets (-1) for that output only', () => {
    const data = [example({ 1: 1 }, [1, -1]), example({ 1: 1 }, [1, -1]), example({}, [0, 1]), example({}, [0, 0])];
    const model = trainLinearModel(data, { dimensions: 4, outputs: 2, l2: 0, epochs: 2000, learningRate: 0.5 });
    expect(model.weights[1 * 2 + 1]).toBe(0); // output 1 never saw feature 1
    expect(model.bias[1]).toBeCloseTo(0, 2); // 1 of 2 known examples positive
    const z = logits(model, data[0]!.vector, new Float64Array(2));
    expect(sigmoid(z[0]!)).toBeGreaterThan(0.9);
  });
});

describe('model features', () => {
  it('takes Latin words and bigrams, Chinese bigrams and trigrams, after normalisation', () => {
    const names = featureNames('Studio Walks Back AI', '工會抵制');
    expect(names).toEqual(
      expect.arrayContaining(['studio', 'walks back', 'back ai', '工会', '会抵', '工会抵', '抵制']),
    );
  });

  it('hashes the same buckets as the named features, without building the names', () => {
    // The vector is computed by walking the text once; the names are the definition.
    const fromNames = (title: string, summary: string) =>
      [...new Set(namedFeatures(title, summary).buckets)].sort((a, b) => a - b);
    const texts: [string, string][] = [
      ['Studio walks back AI,  after   backlash', '工會抵制；不再扩张 AI芯片 a'],
      ['', ''],
      ['x', '中'],
      ['GPT-4o 2025 re-run', 'e.g. U.S. 1.5x “quotes” — dash 東京 Ｆｕｌｌ ｗｉｄｔｈ'],
      ['emoji 🤗 between words', 'tab\tand\nnewline'],
      ...loadShippedTrainingItems().map((item): [string, string] => [item.title, item.summary ?? '']),
    ];
    for (const [title, summary] of texts)
      expect([...articleVector(title, summary).indices]).toEqual(fromNames(title, summary));
  });

  it('gives a unit-length vector with distinct sorted buckets', () => {
    const vector = articleVector('AI ai AI toy', '陪伴玩具');
    const norm = Math.sqrt(vector.values.reduce((sum, v) => sum + v * v, 0));
    expect(norm).toBeCloseTo(1, 5);
    expect([...vector.indices]).toEqual([...new Set(vector.indices)].sort((a, b) => a - b));
  });
});
