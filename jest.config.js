// Two projects: pure code runs in node, React components in jsdom. Both compile with SWC.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2020',
    },
  },
];
const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: { '\\.(css)$': 'identity-obj-proxy' },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/e2e/'],
};

module.exports = {
  // CI has two shared cores: a PF table or a userEvent sequence can take well over Jest's 5 s.
  // Tests assert behaviour, never time; a slow one gets this much before it counts as hung.
  testTimeout: 60_000,
  projects: [
    {
      ...common,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'dom',
      testEnvironment: 'jsdom',
      // `yaml` ships an ESM-only browser build; components share the geometry engine, so resolve
      // packages as Node does.
      testEnvironmentOptions: { customExportConditions: ['node', 'require', 'default'] },
      testMatch: ['<rootDir>/**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/jest.setup-dom.ts'],
    },
  ],
};
