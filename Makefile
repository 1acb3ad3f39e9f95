# The two commands the README starts with. Each installs what is missing, then runs.
.PHONY: demo test test-full install chromium redis bench typecheck

NPM_STAMP := node_modules/.package-lock.json

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $(NPM_STAMP)

install: $(NPM_STAMP)

chromium:
	@bash scripts/ensure-chromium.sh

redis:
	@bash scripts/ensure-redis.sh

demo: install chromium
	node bin/webfoundry.mjs demo

typecheck: install
	npx tsc -p tsconfig.json --noEmit

test: install chromium redis typecheck
	npx vitest run

# Every test, the slow end-to-end tier (*.slow.test.ts) included.
test-full: install chromium redis typecheck
	WEBFOUNDRY_FULL_TESTS=1 npx vitest run

bench: install chromium redis
	npm run bench
