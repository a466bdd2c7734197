/* eslint-disable @typescript-eslint/consistent-type-definitions -- vitest's ProvidedContext is extended by merging */
declare module "vitest" {
  export interface ProvidedContext {
    pgServerUrl: string;
    templateDb: string;
    redisUrl: string;
  }
}
export {};
