#!/bin/sh
# Retakes the screenshots in docs/REVIEW-UI.md (docs/images/*.png) with headless Chromium at 1366x768 from seeded
# test cases (review-ui's DocScreenshotsTest). Each is about 70-150 KB as Chromium writes it.
set -eu
cd "$(dirname "$0")/.."
out="$(pwd)/docs/images"
mkdir -p "$out"
./mvnw -B -ntp -q ${MVN_OFFLINE:-} -pl review-ui -am verify -Dtest=DocScreenshotsTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtodoke.screenshots="$out"
ls -l "$out"
