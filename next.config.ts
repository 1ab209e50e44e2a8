import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from 'next/constants';
import { checkContent, contentDir } from './lib/content';
import { formatGrouped } from './lib/report';
import { securityHeaders } from './lib/security-headers';

export default function config(phase: string): NextConfig {
  if (phase === PHASE_PRODUCTION_BUILD) {
    // Fail before building anything, with the same report as `npm run validate`.
    const { problems } = checkContent(contentDir());
    if (problems.some((problem) => problem.severity === 'error')) {
      console.error(`\n${formatGrouped(problems, 'The content is invalid, so nothing was built')}\n`);
      process.exit(1);
    }
  }
  return {
    // A second build (e.g. of an example content folder) can live beside the first.
    distDir: process.env.NEXT_DIST_DIR || '.next',
    poweredByHeader: false,
    // Cache-Control for CDNs: fresh for the revalidation period (an hour), then served stale
    // for at most another hour while the origin renders the next version.
    expireTime: 7200,
    async redirects() {
      return [{ source: '/', destination: '/subprocessors', permanent: false }];
    },
    async headers() {
      // The development server needs eval for fast refresh; production never does.
      if (phase === PHASE_DEVELOPMENT_SERVER) return [];
      return [{ source: '/:path*', headers: securityHeaders(process.env.SUBPROCESSORS_FRAME_ANCESTORS) }];
    },
  };
}
