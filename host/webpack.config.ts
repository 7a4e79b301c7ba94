/**
 * Webpack config for the standalone host: the host shell (`host/app`) plus the plugin's real page
 * modules from `src/`, with `@openshift-console/dynamic-plugin-sdk` replaced by the development
 * shim in `host/sdk`. Output goes to `host/dist/`, never to the plugin's `dist/`.
 */
import * as path from 'path';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import type { Configuration, Compiler } from 'webpack';

const ROOT = path.resolve(__dirname, '..');
export const HOST_DIST = path.resolve(__dirname, 'dist');
const SDK_PACKAGE = '@openshift-console/dynamic-plugin-sdk';

/**
 * The console SDK is only reachable through its index (the shim); a deep import such as
 * `@openshift-console/dynamic-plugin-sdk/lib/...` or another `@openshift-console/*` package
 * would be a silent gap in the shim, so it fails the build.
 */
class ConsoleImportGuard {
  apply(compiler: Compiler) {
    compiler.hooks.normalModuleFactory.tap('ConsoleImportGuard', (factory) => {
      factory.hooks.beforeResolve.tap('ConsoleImportGuard', (data) => {
        const request = data.request;
        if (request.startsWith('@openshift-console/') && request !== SDK_PACKAGE) {
          throw new Error(
            `${request} (imported by ${data.contextInfo.issuer}) is not available in the ` +
              `standalone host: import from '${SDK_PACKAGE}' and add what is missing to host/sdk.`,
          );
        }
      });
    });
  }
}

export const createHostWebpackConfig = (outputPath = HOST_DIST): Configuration => ({
  mode: 'development',
  context: ROOT,
  entry: { host: path.resolve(__dirname, 'app/index.tsx') },
  output: {
    path: outputPath,
    filename: '[name].[contenthash].js',
    chunkFilename: '[name].[contenthash].js',
    assetModuleFilename: 'assets/[name].[contenthash][ext]',
    publicPath: '/',
    clean: true,
  },
  resolve: {
    extensions: ['.ts', '.tsx', '.js', '.jsx'],
    alias: { [`${SDK_PACKAGE}$`]: path.resolve(__dirname, 'sdk/index.ts') },
  },
  module: {
    parser: {
      // A name the plugin imports but the shim does not export must fail the build.
      javascript: { exportsPresence: 'error' },
    },
    rules: [
      {
        test: /\.(jsx?|tsx?)$/,
        exclude: /node_modules/,
        use: [
          {
            loader: 'ts-loader',
            options: {
              configFile: path.resolve(ROOT, 'tsconfig.json'),
              transpileOnly: true,
              // The root tsconfig's outDir/`noEmit` settings must not stop ts-loader emitting.
              compilerOptions: { noEmit: false, sourceMap: true },
            },
          },
        ],
      },
      { test: /\.css$/, use: ['style-loader', 'css-loader'] },
      { test: /\.(woff2?|ttf|eot|svg|png|jpe?g|gif)$/, type: 'asset/resource' },
    ],
  },
  plugins: [
    new ConsoleImportGuard(),
    new HtmlWebpackPlugin({ template: path.resolve(__dirname, 'app/index.html') }),
  ],
  devtool: 'cheap-module-source-map',
  performance: { hints: false },
  stats: 'errors-warnings',
});

export default createHostWebpackConfig();
