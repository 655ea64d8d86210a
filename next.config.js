// @ts-check

/** @type {import('next').NextConfig} */
const nextConfig = {
  // A separate build folder lets parallel test runs each serve their own build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  images: {
    // Content images are served by app/images/[...path]/route.ts from the content library.
    localPatterns: [{ pathname: '/images/**', search: '' }],
    formats: ['image/webp'],
    deviceSizes: [360, 640, 828, 1080, 1200, 1600],
    imageSizes: [48, 96, 160, 256, 384],
    minimumCacheTTL: 31536000,
  },
}

module.exports = nextConfig
