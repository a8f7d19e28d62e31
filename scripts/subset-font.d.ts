// subset-font ships no types: what scripts/vite-font-subset.ts uses of it.
declare module "subset-font" {
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: { targetFormat?: "sfnt" | "woff" | "woff2"; keepFeatures?: string[]; noLayoutClosure?: boolean },
  ): Promise<Buffer>;
}

