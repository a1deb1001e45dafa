/** Named: read before every cached public answer (ReadModelVersionRepository says why on the pool). */
export const READ_VERSION = {
  name: 'read-model-version',
  text: `SELECT (CASE WHEN is_called THEN last_value ELSE 0 END)::text AS version FROM read_model_version`,
};
