// web-ext ships no types: the one call scripts/support/firefox-lint.ts makes.
declare module 'web-ext' {
  const webExt: {
    cmd: {
      lint(
        params: { sourceDir: string; output: 'none' | 'json' | 'text'; boring?: boolean; selfHosted?: boolean },
        options: { shouldExitProgram: boolean },
      ): Promise<unknown>;
    };
  };
  export default webExt;
}
