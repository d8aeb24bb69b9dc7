// Types for js-budget.mjs, which the build check runs as plain JavaScript.
export declare const JS_BUDGET_GZIP_BYTES: number;
