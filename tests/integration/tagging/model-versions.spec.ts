import { APP_ENV } from '../../../src/config/app-config';
import { TrendRepository } from '../../../src/trends/trend.repository';
import { EvidenceModelRepository } from '../../../src/tagging/evidence-model.repository';
import { ModelService } from '../../../src/tagging/model.service';
import { loadShippedModel } from '../../../src/tagging/shipped-model';
import { sql } from '../../support/sql';
import { startTestApp, TestApp } from '../../support/test-app';

/**
 * Model versions in the database: the weights (a bytea of a few MB) go in and come out through
 * the `pg` pool, not Prisma (evidence-model.sql.ts), and two instances storing the first model at
 * once end with one version that both use.
 */
describe('evidence model versions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const freshService = () =>
    new ModelService(t.app.get(EvidenceModelRepository), t.app.get(TrendRepository), t.app.get(APP_ENV));

  it('stores the shipped model and reads back exactly its weights', async () => {
    await sql(t.db.url, 'DELETE FROM evidence_models');
    const loaded = await freshService().current();
    const shipped = loadShippedModel()!;
    expect(loaded!.version).toBe(1);
    expect(loaded!.model.trends).toEqual(shipped.trends);
    expect([...loaded!.model.linear.bias]).toEqual([...shipped.linear.bias]);
    expect(Buffer.from(loaded!.model.linear.weights.buffer).equals(Buffer.from(shipped.linear.weights.buffer))).toBe(
      true,
    );
    const [row] = await sql(t.db.url, 'SELECT version, length(weights) AS bytes FROM evidence_models');
    expect(row).toEqual({ version: 1, bytes: expect.any(Number) });
    expect(row.bytes).toBeGreaterThan(100_000);
  });

  it('stores the shipped model after the rest when every version was rolled back by hand', async () => {
    await sql(t.db.url, 'DELETE FROM evidence_models');
    await freshService().current();
    await sql(t.db.url, 'UPDATE evidence_models SET rolled_back_at = now()');
    expect((await freshService().current())!.version).toBe(2);
    expect(await sql(t.db.url, 'SELECT version FROM evidence_models WHERE rolled_back_at IS NULL')).toEqual([
      { version: 2 },
    ]);
  });

  it('gives instances storing the first model at once one version', async () => {
    await sql(t.db.url, 'DELETE FROM evidence_models');
    const loaded = await Promise.all([freshService().current(), freshService().current(), freshService().current()]);
    expect(loaded.map((m) => m!.version)).toEqual([1, 1, 1]);
    expect(await sql(t.db.url, 'SELECT version FROM evidence_models')).toEqual([{ version: 1 }]);
  });
});
