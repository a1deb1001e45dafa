import { fitQuasiPoisson, TestPoint } from '../../../src/momentum/quasi-poisson';

const points = (ys: number[], articles: number[] = ys.map(() => 100)): TestPoint[] =>
  ys.map((weighted, i) => ({ weighted, articles: articles[i]!, counted: weighted }));

describe('quasi-Poisson fit with a volume offset (known answers)', () => {
  it('recovers an exact doubling: slope ln 2, intercept ln(share), SE by hand', () => {
    // y = 10, 20, 40 on 100 articles fits exactly; X'WX = [[70, 100], [100, 180]], det 2600.
    const fit = fitQuasiPoisson(points([10, 20, 40]))!;
    expect(fit.slope).toBeCloseTo(Math.log(2), 10);
    expect(fit.intercept).toBeCloseTo(Math.log(0.1), 10);
    expect(fit.dispersion).toBe(1); // Pearson χ² is 0: the floor holds
    expect(fit.slopeSe).toBeCloseTo(Math.sqrt(70 / 2600), 10);
  });

  it('matches a second method: scipy Nelder-Mead on the Poisson likelihood, varying volume', () => {
    // numpy/scipy: minimize the negative log-likelihood, then sqrt(φ · (X'WX)^-1[1,1]).
    const fit = fitQuasiPoisson(points([3, 5, 4, 9, 8, 12, 7, 15], [100, 120, 90, 110, 100, 130, 80, 120]))!;
    expect(fit.intercept).toBeCloseTo(-3.3032350731813285, 6);
    expect(fit.slope).toBeCloseTo(0.1758815511480359, 6);
    expect(fit.dispersion).toBe(1);
    expect(fit.slopeSe).toBeCloseTo(0.057584283152266276, 6);
  });

  it('widens the interval when counts are overdispersed', () => {
    const calm = fitQuasiPoisson(points([10, 11, 9, 10, 12, 10, 11, 9]))!;
    const wild = fitQuasiPoisson(points([2, 20, 3, 18, 1, 22, 4, 19]))!;
    expect(wild.dispersion).toBeGreaterThan(5);
    expect(wild.slopeSe).toBeGreaterThan(calm.slopeSe * 2);
  });

  it('ignores article volume at a constant share', () => {
    const fit = fitQuasiPoisson(points([5, 10, 20, 40], [100, 200, 400, 800]))!;
    expect(fit.slope).toBeCloseTo(0, 10);
  });
});

describe('the same fit with a two-level covariate (the level test)', () => {
  it('gives the log ratio of the two shares and its SE, by hand', () => {
    // Baseline 2, 8, 3, 7 on 100 articles each (share 0.05), recent 9, 11 on 100, 120 (share 20/220).
    // Fitted means are share × articles; Pearson χ² = Σ (y − μ)²/μ = 5.2017, φ = χ² / (6 − 2);
    // se = sqrt(φ (1/Σμ_recent + 1/Σμ_baseline)) = sqrt(1.3004 × (1/20 + 1/20)).
    const fit = fitQuasiPoisson(points([2, 8, 3, 7, 9, 11], [100, 100, 100, 100, 100, 120]), {
      covariate: (t) => (t >= 4 ? 1 : 0),
    })!;
    expect(fit.slope).toBeCloseTo(Math.log(20 / 220 / 0.05), 10);
    expect(fit.intercept).toBeCloseTo(Math.log(0.05), 10);
    expect(fit.dispersion).toBeCloseTo(5.201666666666667 / 4, 10);
    expect(fit.slopeSe).toBeCloseTo(0.36061290418767145, 10);
  });
});

describe('the same fit with a negative-binomial variance fitted per series (the ablation in bench/)', () => {
  // Variance μ(1 − μ/n) + κμ² with κ = 1/θ by the method of moments (Pearson χ² = rows − 2).
  const ys = [3, 9, 4, 8, 2, 10, 5, 7, 15, 28, 12, 25];
  const articles = [100, 110, 90, 100, 120, 80, 100, 100, 100, 120, 90, 110];
  const level = { variance: 'negative-binomial' as const, meanWeight: 1, covariate: (t: number) => (t >= 8 ? 1 : 0) };

  it('matches a second method: scipy fsolve on the two score equations and the moment equation together', () => {
    // numpy/scipy: fsolve([Σ(y − μ)μ/V, Σ(y − μ)μx/V, Σ(y − μ)²/V − 10]), then sqrt((X'WX)^-1[1,1]), W = μ²/V.
    const fit = fitQuasiPoisson(points(ys, articles), level)!;
    expect(fit.intercept).toBeCloseTo(-2.799246326838624, 9);
    expect(fit.slope).toBeCloseTo(1.124202388085796, 9);
    expect(fit.extra!).toBeCloseTo(0.10189121074607603, 9);
    expect(fit.pearson).toBeCloseTo(10, 9);
    expect(fit.dispersion).toBe(1);
    expect(fit.slopeSe).toBeCloseTo(0.26079029088451594, 9);
    // The quasi-Poisson fit of the same counts gives every week one φ: a narrower interval here,
    // where the busy recent weeks carry the larger variance.
    expect(fitQuasiPoisson(points(ys, articles), { ...level, variance: 'binomial' })!.slopeSe).toBeLessThan(0.25);
  });

  it('is Poisson (θ = ∞, φ = 1) when the counts are not overdispersed', () => {
    const calm = [10, 11, 9, 10, 12, 10, 11, 9, 10, 11, 9, 10];
    const fit = fitQuasiPoisson(
      points(
        calm,
        calm.map(() => 1000),
      ),
      level,
    )!;
    expect(fit.extra).toBe(0);
    expect(fit.dispersion).toBe(1);
  });
});
