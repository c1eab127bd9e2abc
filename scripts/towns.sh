#!/usr/bin/env bash
# Regenerates the town list (町名 of each city and ward) that address fields are mended against: Japan Post's postal
# code data, as the npm package japan-postal-code 0.3.0 carries it (MIT; Japan Post claims no copyright on the data).
#   TOWNS_PREFECTURES="27 28"   JIS codes of the prefectures to list (27 大阪府, 28 兵庫県: the jurisdiction and its
#                                neighbour most patients commute to)
#   TOWNS_OUT=config/forms/covid19-notification/towns.tsv
#   POSTAL_OUT=config/postal-codes.tsv   every postal code of those prefectures and its municipality (with its ward),
#                                        which a case's postal code is checked against (todoke.jurisdiction.postal-codes)
# Needs node and npm (Debian: apt-get install nodejs npm); only to regenerate the list, never to build or run.
set -euo pipefail
cd "$(dirname "$0")/.."
prefectures=${TOWNS_PREFECTURES:-27 28}
out=${TOWNS_OUT:-config/forms/covid19-notification/towns.tsv}
postal_out=${POSTAL_OUT:-config/postal-codes.tsv}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent japan-postal-code@0.3.0 >/dev/null && tar xzf japan-postal-code-0.3.0.tgz)
node - "$tmp/package/zipdata" "$prefectures" "$postal_out.tmp" > "$out.tmp" <<'JS'
const fs = require('fs');
const path = require('path');
const [dir, codes, postalOut] = process.argv.slice(2);
const names = ['', '北海道', '青森県', '岩手県', '宮城県', '秋田県', '山形県', '福島県', '茨城県', '栃木県', '群馬県',
  '埼玉県', '千葉県', '東京都', '神奈川県', '新潟県', '富山県', '石川県', '福井県', '山梨県', '長野県', '岐阜県', '静岡県',
  '愛知県', '三重県', '滋賀県', '京都府', '大阪府', '兵庫県', '奈良県', '和歌山県', '鳥取県', '島根県', '岡山県', '広島県',
  '山口県', '徳島県', '香川県', '愛媛県', '高知県', '福岡県', '佐賀県', '長崎県', '熊本県', '大分県', '宮崎県', '鹿児島県',
  '沖縄県'];
const wanted = new Set(codes.split(/\s+/).filter(Boolean).map(Number));
const rows = new Set();
const postal = [];
for (const f of fs.readdirSync(dir).filter(f => f.endsWith('.js')).sort()) {
  const s = fs.readFileSync(path.join(dir, f), 'utf8');
  const data = JSON.parse(s.slice(s.indexOf('(') + 1, s.lastIndexOf(')')));
  for (const [code, [pref, city]] of Object.entries(data)) {
    if (wanted.has(pref)) {
      postal.push([code, names[pref], city].join('\t'));
    }
  }
  for (const [pref, city, town] of Object.values(data)) {
    // a postal code for a whole city has no town: nothing to mend a town against
    if (wanted.has(pref) && town) {
      rows.add([names[pref], city, town].join('\t'));
    }
  }
}
console.log('# prefecture\tcity (with its ward)\ttown: Japan Post postal code data via npm japan-postal-code@0.3.0;');
console.log('# regenerate with scripts/towns.sh');
for (const r of [...rows].sort()) {
  console.log(r);
}
fs.writeFileSync(postalOut, '# postal code\tprefecture\tmunicipality (with its ward): Japan Post postal code data via npm '
  + 'japan-postal-code@0.3.0;\n# regenerate with scripts/towns.sh\n' + postal.sort().join('\n') + '\n');
JS
mv "$out.tmp" "$out"
mv "$postal_out.tmp" "$postal_out"
echo "$(grep -vc '^#' "$out") towns written to $out, $(grep -vc '^#' "$postal_out") postal codes to $postal_out" >&2
