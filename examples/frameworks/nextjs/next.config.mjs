/** @type {import('next').NextConfig} */
export default {
  // The example lives inside the Vitrine repository: trace files from this workspace, not the repository's root.
  outputFileTracingRoot: new URL('..', import.meta.url).pathname,
};
