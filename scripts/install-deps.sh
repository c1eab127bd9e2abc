#!/usr/bin/env bash
# Installs what Todoke needs from Debian/Ubuntu packages, only what is missing, so a second run is quick.
#   scripts/install-deps.sh run    what `make run` needs (JDK, Tesseract + Japanese, fonts)
#   scripts/install-deps.sh test   plus PostgreSQL, Chromium and nginx for the test suite, and Ghostscript, libtiff-tools and
#                                  many Japanese fonts for the benchmark's second sample path (also: bench)
set -euo pipefail

purpose=${1:-run}
packages=(
  openjdk-17-jdk-headless   # Java 17: the bytecode baseline, and what Elasticsearch 8.19 runs on
  tesseract-ocr             # Tesseract 5, loaded through Tess4J
  tesseract-ocr-jpn         # Japanese model
  tesseract-ocr-script-jpan # Japanese script model: a second opinion on doubtful text, the check of dates and phones (Japanese.traineddata)
  mecab-ipadic              # Japanese words, place and person names with readings, to choose among readings
  fonts-ipaexfont           # print fonts for the sample generator and page rendering
  fonts-ipafont
  fonts-klee                # handwriting-like Japanese fonts for samples
  fonts-kiloji
  fonts-noto-cjk            # a further print font for samples (Noto Sans CJK JP)
  fontconfig
  procps                    # ps/pkill, used to find a stale local Elasticsearch node
  gcc                       # builds ocr-engine's serial OpenMP stand-ins for Tesseract (src/main/c, docs/OCR.md)
  libc6-dev
)
if [ "$purpose" = test ] || [ "$purpose" = bench ]; then
  packages+=(
    postgresql              # a throwaway cluster for the persistence tests
    chromium                # headless browser tests
    chromium-driver
    nginx-light             # nginx -t on deploy/nginx-todoke.conf (scripts/runbook-check.sh)
    libtiff-tools           # tiffinfo to inspect faxes; ppm2tiff, tiffcp, tiffset, tiff2pdf for path B's faxes
    ghostscript             # path B of the OCR benchmark: PDF to fax (tiffg3/tiffg4, or 300 dpi grey)
    # path B's fonts (tools/src/main/resources/io/todoke/tools/rendered/fonts.tsv says which are held out)
    fonts-ipafont-gothic fonts-ipafont-mincho fonts-ipaexfont-gothic fonts-ipaexfont-mincho
    fonts-takao-gothic fonts-takao-mincho fonts-vlgothic fonts-horai-umefont fonts-migmix
    fonts-sawarabi-gothic fonts-sawarabi-mincho fonts-konatu fonts-motoya-l-cedar fonts-motoya-l-maruberi
    fonts-seto fonts-yozvox-yozfont fonts-yozvox-yozfont-new-kana fonts-yozvox-yozfont-cute
    poppler-utils           # pdfimages
  )
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null; then
  sudo=(sudo)
else
  echo "Missing packages: ${missing[*]}. Install them as root (apt-get install ${missing[*]})." >&2
  exit 1
fi

echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
