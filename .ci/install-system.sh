#!/usr/bin/env bash
# System-level installs that `npm ci && npm test` relies on, for a clean Debian
# machine (CI) as for a developer's. Idempotent, and quick when everything is there.
#   - Java 17 + Maven (only if missing; CI machines already have them)
#   - the managed Neo4j server's jars from Maven Central (neo4j/pom.xml → .neo4j/lib,
#     .neo4j/browser), exactly what `policygraph neo4j install` does, with the same marker
#   - Debian's Chromium for the browser tests (playwright-core drives /usr/bin/chromium)
# Maven's local repository is its default (~/.m2/repository) unless MAVEN_REPO_LOCAL is set.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_packages=()
command -v java >/dev/null 2>&1 || apt_packages+=(openjdk-17-jre-headless)
command -v mvn >/dev/null 2>&1 || apt_packages+=(maven)
[ -x /usr/bin/chromium ] || apt_packages+=(chromium)
# A CJK font, or Chromium draws Chinese names as empty boxes in the browser tests' screenshots.
{ command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]; } || apt_packages+=(fonts-noto-cjk)
if [ "${#apt_packages[@]}" -gt 0 ]; then
  echo "install-system: apt-get install ${apt_packages[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${apt_packages[@]}" >/dev/null
fi

# Same marker as src/neo4j/install.ts: the SHA-256 of neo4j/pom.xml, which pins the version.
marker=.neo4j/lib/.installed
digest="$(sha256sum neo4j/pom.xml | cut -d' ' -f1)"
if [ "$(cat "$marker" 2>/dev/null || true)" != "$digest" ]; then
  echo "install-system: resolving Neo4j from Maven Central (neo4j/pom.xml)"
  started=$SECONDS
  rm -rf .neo4j/lib .neo4j/browser
  mkdir -p .neo4j/lib
  repo_args=()
  [ -n "${MAVEN_REPO_LOCAL:-}" ] && repo_args+=("-Dmaven.repo.local=$MAVEN_REPO_LOCAL")
  mvn -B -q -Dstyle.color=never "${repo_args[@]}" -f neo4j/pom.xml package
  echo "$digest" >"$marker"
  echo "install-system: Neo4j installed in $((SECONDS - started)) s"
fi
