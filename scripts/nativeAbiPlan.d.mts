export type Runtime = 'node' | 'electron';

export interface NativeTarget {
  runtime: Runtime;
  version: string;
  /** NODE_MODULE_VERSION of the runtime. */
  abi: string;
  platform: string;
  arch: string;
}

/** Addon path relative to the project root -> `size:mtimeMs` of the file. */
export type BinaryFingerprint = Record<string, string>;

export interface NativeStamp {
  target: NativeTarget;
  binaries: BinaryFingerprint;
}

/**
 * `up-to-date`: nothing to do. `verify`: the binaries changed or were never stamped; load them to find out.
 * `rebuild`: they were built for another runtime.
 */
export type NativeBuildPlan = 'up-to-date' | 'verify' | 'rebuild';

export const NATIVE_BINARIES: Record<string, string>;
export function planNativeBuild(input: {
  stamp: NativeStamp | null;
  wanted: NativeTarget;
  binaries: BinaryFingerprint;
}): NativeBuildPlan;
export function loadTestScript(files: string[]): string;
