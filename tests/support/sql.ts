import { Client } from 'pg';

/** Runs one statement on a test database (tests set up state directly where the API has no say). */
export async function sql<T = any>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}
