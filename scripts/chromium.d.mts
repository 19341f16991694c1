export declare const WEBGPU_ARGS: string[];
export declare const NO_WEBGPU_ARGS: string[];
export declare function findChromium(): string | undefined;
export declare function chromiumEnv(
  executablePath: string | undefined,
): Record<string, string | undefined>;
