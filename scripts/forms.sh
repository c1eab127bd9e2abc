#!/usr/bin/env bash
# Composes the form library's layouts from their sources and shared blocks (config/forms/<form>/form.json,
# config/forms/blocks/*.json) and renders every form's blank to config/forms/<form>/blank.pdf with
# ../shared/forms/render_form.py (or $RENDER_FORM) and headless Chromium.
#   scripts/forms.sh            compose, then render every blank
#   scripts/forms.sh FORM...    render only these forms' blanks (directory names)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
render=${RENDER_FORM:-$root/../shared/forms/render_form.py}
[[ -f "$render" ]] || { echo "render_form.py not found at $render (set RENDER_FORM)" >&2; exit 1; }
if [[ $# -eq 0 ]]; then
  "$root/scripts/todoke-java.sh" io.todoke.tools.forms.FormLibrary "$root/config/forms"
  set -- $(cd "$root/config/forms" && ls -d */ | tr -d / | grep -v '^blocks$')
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for form in "$@"; do
  dir="$root/config/forms/$form"
  python3 "$render" "$dir/layout.json" > "$tmp/$form.html"
  chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --user-data-dir="$tmp/profile" \
    --no-pdf-header-footer --print-to-pdf="$dir/blank.pdf" "$tmp/$form.html" 2>/dev/null
  echo "rendered $dir/blank.pdf"
done
