#!/usr/bin/env bash
# Regenerates the Word fixtures of crates/lattice-core/tests/fixtures/ from
# the Markdown sources beside them, with Debian's pandoc (apt-get install -y
# pandoc; 2.17 was used). The .docx files are committed, so the tests need no
# converter; run this after editing a source and commit both.
#
# pandoc reads YAML front matter only: a TOML (+++) block is handed to it as
# a YAML metadata file (`key = value` -> `key: value`; TOML strings, arrays
# and dates are valid YAML). SOURCE_DATE_EPOCH pins the package's
# timestamps, so the same source gives the same bytes.
set -euo pipefail
cd "$(dirname "$0")/../crates/lattice-core/tests/fixtures"
command -v pandoc >/dev/null || { echo "pandoc is missing: apt-get install -y pandoc" >&2; exit 1; }
export SOURCE_DATE_EPOCH=1735689600 # 2025-01-01T00:00:00Z

for md in minilateral-zh.md minilateral-en.md; do
  docx="${md%.md}.docx"
  if head -1 "$md" | grep -qx '+++'; then
    meta="$(mktemp --suffix=.yaml)"
    body="$(mktemp --suffix=.md)"
    awk 'NR==1 && /^\+\+\+$/ {inside=1; next}
         inside && /^\+\+\+$/ {inside=0; next}
         inside {sub(/^authors = /, "author = "); sub(/^tags = /, "keywords = "); sub(/ = /, ": "); print}' "$md" >"$meta"
    awk 'NR==1 && /^\+\+\+$/ {inside=1; next}
         inside && /^\+\+\+$/ {inside=0; next}
         !inside' "$md" >"$body"
    pandoc -f markdown -t docx --metadata-file="$meta" -o "$docx" "$body"
    rm -f "$meta" "$body"
  else
    pandoc -f markdown -t docx -o "$docx" "$md"
  fi
  echo "wrote $docx ($(stat -c %s "$docx") bytes, sha256 $(sha256sum "$docx" | cut -c1-12))"
done
