#!/usr/bin/env bash
# `npm test`, also from a fresh clone on a machine with an older Node: puts Node 24 first on PATH
# (fetched from the npm registry when missing), installs the dev dependencies and Debian's
# chromium, redis-server and postgresql when they are missing, then lints, builds, type-checks
# and runs every test project.
# Arguments go to jest, e.g. `npm test -- --selectProjects unit`.
set -euo pipefail
cd "$(dirname "$0")/.."

source .ci/node24.sh
if [ ! -x node_modules/.bin/jest ]; then
	# A dev dependency's install script calls npx, which must not stop to ask.
	npm_config_yes=true npm install --no-audit --no-fund
fi
bash test/e2e/install-chromium.sh
sh test/queue/install-services.sh

npm run lint
npm run build
npm run typecheck
# The bench at small sizes, so its harness cannot rot; only a broken harness fails it.
if [ "$#" -eq 0 ]; then npm run bench -- --quick; fi
node test/run.js "$@"
