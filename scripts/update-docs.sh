#!/usr/bin/env bash
# Copies what the test run generated for the documentation — module diagrams and the browser tests'
# screenshots, under target/docs/ — into docs/. Ordinary test runs never touch docs/; run this after
# `./mvnw verify` when the pictures should change, and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
generated=target/docs
if [ ! -d "$generated/modules" ] && [ ! -d "$generated/screenshots" ]; then
  echo "Nothing generated under $generated: run ./mvnw verify first" >&2
  exit 1
fi
for part in modules screenshots; do
  if [ -d "$generated/$part" ]; then
    mkdir -p "docs/$part"
    cp "$generated/$part"/* "docs/$part/"
    echo "Copied $(ls "$generated/$part" | wc -l) files to docs/$part"
  fi
done
