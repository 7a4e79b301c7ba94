const path = require('path');
const { ConsoleExtensionsLexer } = require('./lexers.cjs');

const root = path.join(__dirname, '..');

module.exports = {
  createOldCatalogs: false,
  defaultNamespace: 'plugin__gpu-partitioning-plugin',
  keySeparator: false,
  namespaceSeparator: '~',
  locales: ['en'],
  sort: true,
  defaultValue: (_locale, _namespace, key) => key,
  keepRemoved: false,
  lexers: {
    ts: ['JsxLexer'],
    tsx: ['JsxLexer'],
    json: [ConsoleExtensionsLexer],
    default: ['JsxLexer'],
  },
  output: `${process.env.I18N_OUTPUT_DIR || path.join(root, 'locales')}/$LOCALE/$NAMESPACE.json`,
  input: [
    path.join(root, 'src/**/*.{ts,tsx}'),
    path.join(root, 'console-extensions.json'),
    '!' + path.join(root, 'src/**/*.test.{ts,tsx}'),
  ],
  failOnWarnings: false,
  verbose: false,
};
