#!/usr/bin/env bash
# Releases the current seqpool.api as VERSION into cnf/release-repo, the file repository the build baselines against.
# Usage: cnf/release-api.sh 1.0.0   (then set bundles/seqpool.api's version to the next -SNAPSHOT, above VERSION)
set -euo pipefail
version="${1:?usage: cnf/release-api.sh VERSION}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Build the API module alone, at the release version, from a copy of the tree (the source tree is not touched).
git -C "$root" archive HEAD | tar -x -C "$work"
python3 - "$work/bundles/seqpool.api/pom.xml" "$version" <<'PY'
import re, sys
p, v = sys.argv[1], sys.argv[2]
s = open(p).read()
s, n = re.subn(r'(<artifactId>seqpool\.api</artifactId>\s*(?:<!--.*?-->\s*)?<version>)[^<]*(</version>)', r'\g<1>' + v + r'\g<2>', s)
if n != 1:
    sys.exit("could not set the version in bundles/seqpool.api/pom.xml")
open(p, 'w').write(s)
PY
(cd "$work" && mvn -B -q -ntp package -pl bundles/seqpool.api -DskipTests -Dbnd.baseline.skip=true)
mvn -B -q -ntp deploy:deploy-file -Dfile="$work/bundles/seqpool.api/target/seqpool.api-$version.jar" \
  -DgroupId=io.seqpool -DartifactId=seqpool.api -Dversion="$version" -Dpackaging=jar -DgeneratePom=true \
  -Durl="file://$root/cnf/release-repo"
echo "released seqpool.api $version into cnf/release-repo"
