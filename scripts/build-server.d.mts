/** The project's root folder (where package.json is). */
export declare const root: string;
/** What each build writes (relative to the project root), and what it is built from. */
export declare const BUILDS: Record<"spa" | "server", { label: string; output: string; inputs: string[] }>;
/** The packages the compiled server still imports from node_modules at run time. */
export declare const RUNTIME_IMPORTS: string[];
/** The builds missing in `dir`, or older than one of their sources. */
export declare function staleBuilds(dir?: string): Array<"spa" | "server">;
/** Bundles server/index.ts into `outdir`/index.js (default dist-server/); resolves to esbuild's metafile. */
export declare function buildServer(options?: { outdir?: string }): Promise<import("esbuild").Metafile>;
