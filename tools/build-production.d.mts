/** See build-production.mjs. */
export function buildProduction(options?: { outDir?: string; logLevel?: 'info' | 'warn' | 'error' | 'silent' }): Promise<void>;
