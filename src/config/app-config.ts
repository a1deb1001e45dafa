/** Injection token for the parsed environment; inject with `@Inject(APP_ENV) env: AppEnv` (AppEnv from ./env). */
export const APP_ENV = Symbol('APP_ENV');
