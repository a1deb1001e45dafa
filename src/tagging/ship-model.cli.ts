/** `npm run model:ship`: trains the shipped evidence model from the shipped training data and writes it. */
import { SEED_RULES } from '../../prisma/seed/rules';
import { trainEvidenceModel } from './evidence-model';
import { writeShippedModel } from './shipped-model';
import { loadShippedTrainingItems } from './shipped-training-data';

const started = Date.now();
const model = trainEvidenceModel(Object.keys(SEED_RULES), loadShippedTrainingItems());
writeShippedModel(model);
console.log(
  JSON.stringify({
    shipped: 'evidence-model',
    trainingItems: model.trainingIds.length,
    trainingMs: Date.now() - started,
  }),
);
