#!/usr/bin/env bash
# Brings the whole code base to the linter and the formatter once (run by the lead on main, after the
# branches are merged, then commit): eslint --fix for what ESLint can fix itself, then prettier --write.
# Prettier runs twice: a few layouts (a long object return type) only settle on the second pass.
# Afterwards `npm run lint` passes and `npm test` stays green.
set -euo pipefail
cd "$(dirname "$0")/.."
npx eslint --fix .
npx prettier --write --log-level warn .
npx prettier --write --log-level warn .
echo "files changed: $(git status --short | wc -l)"
