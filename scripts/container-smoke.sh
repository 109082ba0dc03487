#!/usr/bin/env bash
# Docker can't run on these machines, so this runs what the Dockerfile does, outside Docker: its build stage's
# RUN steps, in a fresh copy of the build context, then its CMD with the image's environment, until /readyz
# answers; then a SIGTERM must stop it cleanly. A Dockerfile whose steps break fails `npm test`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill -9 "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# The build context: the repository's files, less what .gitignore and .dockerignore leave out (node_modules,
# dist, data...), as `docker build .` would see it.
(cd "$root" && git ls-files -coz --exclude-standard | tar --null -T - --ignore-failed-read -cf - 2>/dev/null) |
  tar -xf - -C "$work"

awk '/^FROM .* AS build/ { b = 1; next } /^FROM/ { b = 0 } b && /^RUN / { sub(/^RUN /, ""); print }' \
  "$root/Dockerfile" >"$work/.steps"
[ -s "$work/.steps" ] || { echo "container-smoke: no RUN steps found in the Dockerfile" >&2; exit 1; }
while IFS= read -r step; do
  echo "container-smoke: RUN $step"
  (cd "$work" && bash -c "$step") >"$work/.step.log" 2>&1 || { cat "$work/.step.log" >&2; exit 1; }
done <"$work/.steps"

# The final stage's CMD, as a JSON array, and its ENV (here on a free local port, on the embedded database:
# the image itself expects MONGODB_URI).
cmd=$(node -e '
  const lines = require("fs").readFileSync(process.argv[1], "utf8").split("\n");
  const last = lines.filter((l) => l.startsWith("CMD ")).pop();
  process.stdout.write(JSON.parse(last.slice(4)).join("\u0000"));
' "$root/Dockerfile" | tr '\0' '\n')
port=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
mapfile -t argv <<<"$cmd"
echo "container-smoke: CMD ${argv[*]} (port $port)"
# exec: the signal below must reach node itself, as Docker's does (PID 1 is the CMD).
(cd "$work" && exec env NODE_ENV=production HOST=127.0.0.1 PORT="$port" PARLEY_DATA_DIR="$work/data" LOG_LEVEL=warn \
  "${argv[@]}" >"$work/.server.log" 2>&1) &
server_pid=$!

ready=""
for _ in $(seq 240); do
  if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then ready=1; break; fi
  kill -0 "$server_pid" 2>/dev/null || break
  sleep 0.5
done
if [ -z "$ready" ]; then
  echo "container-smoke: the server never became ready" >&2
  cat "$work/.server.log" >&2
  exit 1
fi
for path in /healthz /console/ /widget.js; do
  curl -fsS -o /dev/null "http://127.0.0.1:$port$path" || { echo "container-smoke: GET $path failed" >&2; exit 1; }
done
# No demo accounts in production mode: the sign-in of a published demo account must fail.
status=$(curl -s -o /dev/null -w '%{http_code}' -H 'content-type: application/json' \
  -d '{"email":"admin@example.com","password":"admin-demo-pw"}' "http://127.0.0.1:$port/api/auth/login")
[ "$status" = "401" ] || { echo "container-smoke: demo sign-in answered $status, expected 401" >&2; exit 1; }

kill -TERM "$server_pid"
code=0
wait "$server_pid" || code=$?
server_pid=""
[ "$code" = "0" ] || { echo "container-smoke: the server exited with $code on SIGTERM" >&2; cat "$work/.server.log" >&2; exit 1; }
echo "container-smoke: ok (built, ready, served, stopped cleanly)"
