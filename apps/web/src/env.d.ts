/// <reference types="vite/client" />

/** Rows of the example roster (examples/lang-son-2020/candidates.csv), counted at build time. */
declare const __P135_EXAMPLE_PEOPLE__: number;
/** File names of the example results reports (examples/lang-son-2020/results/*.json), listed at build time. */
declare const __P135_EXAMPLE_RESULTS__: readonly string[];
