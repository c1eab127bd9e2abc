#!/bin/sh
# Retakes the screenshots in docs/REVIEW-UI.md (docs/images/*.png) with headless Chromium at 1366x768 from seeded
# test cases (review-ui's DocScreenshotsTest), then shrinks them to 256 colours when ImageMagick is installed.
set -eu
cd "$(dirname "$0")/.."
out="$(pwd)/docs/images"
mkdir -p "$out"
./mvnw -B -ntp -q ${MVN_OFFLINE:-} -pl review-ui -am verify -Dtest=DocScreenshotsTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtodoke.screenshots="$out"
if command -v convert >/dev/null 2>&1; then
  for f in "$out"/queue.png "$out"/backlog.png "$out"/review.png; do
    convert "$f" -strip -colors 256 "PNG8:$f"
  done
fi
ls -l "$out"
