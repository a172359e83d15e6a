# Sourced by .ci/run: puts a Node that package.json's `engines` accepts first on PATH. Where the
# machine's own Node is older, the official binary comes from the npm registry (the
# node-linux-<arch> package ships it), so `npm ci` and the tests run on a supported Node.
ci_node_ok() {
  node -e '
    const [major, minor] = process.versions.node.split(".").map(Number)
    process.exit(major >= 24 || (major === 22 && minor >= 13) ? 0 : 1)
  '
}

if ! ci_node_ok; then
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "No Node binary package for $(uname -m) on the npm registry" >&2; exit 1 ;;
  esac
  version=22.23.5
  prefix="${LSTM_CI_NODE_DIR:-$HOME/.cache/lstm-studio-ci/node-$version}"
  if [ ! -x "$prefix/node_modules/node-linux-$arch/bin/node" ]; then
    echo "Node $(node -v) is older than package.json's engines: fetching Node $version from the npm registry"
    npm install --no-save --no-audit --no-fund --prefix "$prefix" "node-linux-$arch@$version" >/dev/null
  fi
  export PATH="$prefix/node_modules/node-linux-$arch/bin:$PATH"
  ci_node_ok || { echo "Could not put a supported Node on PATH (got $(node -v))" >&2; exit 1; }
fi
echo "Node $(node -v), npm $(npm -v)"
