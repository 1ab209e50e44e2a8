#!/bin/sh
# Regenerates the static images in public/ from app/icon.svg (needs ImageMagick: apt-get install imagemagick).
# favicon.ico is for browsers that ignore SVG icons; og.png is the card a link to the list shows in chat and e-mail.
set -e
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
convert -background none -density 384 app/icon.svg -resize 16x16 "$tmp/16.png"
convert -background none -density 384 app/icon.svg -resize 32x32 "$tmp/32.png"
convert "$tmp/16.png" "$tmp/32.png" public/favicon.ico
convert -background '#f8fafc' -density 1536 app/icon.svg -resize 180x180 -flatten -strip -dither None -colors 16 PNG8:public/apple-touch-icon.png
convert -background '#f8fafc' -density 2400 app/icon.svg -resize 200x200 -flatten "$tmp/og-icon.png"
convert -size 1200x630 xc:'#f8fafc' -fill '#1e40af' -draw 'rectangle 0,0 1200,24' "$tmp/og-icon.png" -geometry +100+150 -composite \
  -fill '#0f172a' -font DejaVu-Sans-Bold -pointsize 88 -annotate +340+260 'Subprocessors' \
  -fill '#334155' -font DejaVu-Sans -pointsize 40 -annotate +340+330 'Who processes personal data for us,' -annotate +340+385 'where, and what is about to change.' \
  -strip -dither None -colors 32 PNG8:public/og.png
rm -r "$tmp"
