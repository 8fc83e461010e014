import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      ".neo4j/**",
      "neo4j/target/**",
      "coverage/**",
      "src/web/vendor/**",
      // Gitignored scratch (profiling harnesses, benchmark output): not part of the project.
      ".tmp*/**",
      "bench/out/**",
      "data/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["src/web/**"],
    languageOptions: { globals: { ...globals.browser } },
  },
);
