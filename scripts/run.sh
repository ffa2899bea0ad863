#!/usr/bin/env bash
# `make run`: set up, build (Release), migrate, load demo data if empty, serve.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

HOST=${HOST:-127.0.0.1}
PORT=${PORT:-8080}
export CLERKSHIP_DB=${CLERKSHIP_DB:-sqlite:var/clerkship.db}

# Say so clearly before building when the port is taken.
if (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null; then
  echo "make run: port $PORT on $HOST is already in use. Stop the other program or run: PORT=8081 make run" >&2
  exit 1
fi

cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DCLERKSHIP_TESTS=OFF >/dev/null
cmake --build build/release --target clerkship
(cd web && npm run build --silent)

mkdir -p var
./build/release/src/cli/clerkship migrate
./build/release/src/cli/clerkship demo
cat <<MSG

  Clerkship is starting at http://$HOST:$PORT
  Database: $CLERKSHIP_DB    (stop with Ctrl-C)
  E-mail the app sends is written to var/mail/ (one .eml file per message).

  Demo logins (password for all: clerkship-demo-2027):
    admin@clerkship.example          platform admin
    coordinator@lakeshore.example    coordinator, Lakeshore University Medical Center
    reviewer@lakeshore.example       reviewer, Lakeshore University Medical Center
    preceptor@lakeshore.example      preceptor, Lakeshore University Medical Center
    coordinator@bayview.example      coordinator, Bayview Community Hospital
    amina.khan@example.org           applicant

MSG
exec ./build/release/src/cli/clerkship serve --host "$HOST" --port "$PORT" --web-root web/dist
