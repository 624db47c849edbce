// Types of bench/lib.mjs, for the TypeScript test of its helpers (test/bench-lib.test.ts).

export declare const ROOT: string;
export declare const TODAY: string;

export declare function quantile(values: ArrayLike<number>, q: number): number;

export declare function ratio(taskMedianMs: number, referenceMedianMs: number): number;

export declare function formatFigure(x: number): string;
export declare function markdownTable(header: readonly string[], rows: readonly (readonly unknown[])[], align?: readonly ('l' | 'r')[]): string;

export interface Environment {
  date: string;
  node: string;
  platform: string;
  cpu: string;
  cores: number;
  loadAverage: number;
  package: string;
  commit: string | undefined;
}
export declare function environment(): Environment;
export declare function headerLines(env: Environment, loadAfter?: number): string[];

export interface Profile {
  time: number;
  iterations: number;
  warmupTime: number;
  warmupIterations: number;
}
export declare const PROFILES: { quick: Profile; heavy: Profile; long: Profile };

export interface Figures {
  iterations: number;
  median: number;
  p95: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
  rme: number;
  /** Every timed iteration in ms, sorted. */
  samples: number[];
}
export declare function measure(name: string, fn: () => unknown, profile: Profile & { warmup?: boolean }): Promise<Figures>;
export declare function referenceOf(scenario: unknown): () => string;

export declare function loadExamples(): Promise<{ name: string; scenario: Record<string, unknown> }[]>;
export declare function largeScenario(): Record<string, unknown>;
export declare const PAIRS: Record<string, [string, string]>;
export declare function comparedPair(name: string, scenario: Record<string, unknown>): [string, string];
export interface Range {
  low: number;
  likely: number;
  high: number;
}
export declare const RANGES: Record<string, Record<string, Range>>;
export declare function withRanges(
  name: string,
  scenario: Record<string, unknown>,
): { scenario: Record<string, unknown>; source: 'example' | 'bench' } | undefined;
