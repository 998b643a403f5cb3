/** Set by vite.config.ts at build time: the git commit of the build ('' when unknown). */
declare const __GLASSBOX_COMMIT__: string;
