import { existsSync } from 'node:fs';
import { join } from 'node:path';
import webpack from 'webpack';
import { HOST_DIST, createHostWebpackConfig } from './webpack.config';

export { HOST_DIST };

export const hostBundleExists = (outputPath = HOST_DIST) =>
  existsSync(join(outputPath, 'index.html'));

/** Builds the host bundle; rejects with webpack's error messages when the build fails. */
export const buildHostBundle = (outputPath = HOST_DIST): Promise<void> =>
  new Promise((resolve, reject) => {
    webpack(createHostWebpackConfig(outputPath), (error, stats) => {
      if (error) {
        reject(error);
        return;
      }
      if (!stats || stats.hasErrors()) {
        const details = stats?.toString({ all: false, errors: true, colors: false }) ?? '';
        reject(new Error(`host bundle build failed:\n${details}`));
        return;
      }
      if (stats.hasWarnings()) {
        console.warn(stats.toString({ all: false, warnings: true, colors: false }));
      }
      resolve();
    });
  });
