import { AppEnv } from './env';

/** Injection token for the parsed environment; inject with `@Inject(APP_ENV) env: AppEnv`. */
export const APP_ENV = Symbol('APP_ENV');
export type { AppEnv };
