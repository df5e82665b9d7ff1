"""Hostile text a link or the search box may carry: each would be a link, a picture, styled or
misplaced text if the atlas rendered it as Markdown or HTML. Every string holds the marker, so a
test can find where it ended up in the page."""

from __future__ import annotations

MARKER = "zqx"

HOSTILE_STRINGS: tuple[str, ...] = tuple(s.replace("MK", MARKER) for s in (
    # the issue's own
    "[Click to re-login MK](http://evil.example/login)",
    "![i MK](http://evil.example/pixel.png)",
    ":red[MK red] :blue-background[MK]",
    "**MK bold**",
    "$x^2$ MK",
    # links and addresses
    "[MK](javascript:alert(1))",
    "<http://evil.example/MK>",
    "http://evil.example/MK",
    "www.evil.example/MK",
    "MK@evil.example",
    "[MK][r]\n\n[r]: http://evil.example",
    "[MK](</x> \"t\")",
    # images
    "![MK](//evil.example/p.gif)",
    "<img src=http://evil.example/MK.png>",
    "![MK][p]\n[p]: http://evil.example/p.png",
    # Streamlit directives
    ":green[MK] :small[MK]",
    ":material/warning: MK",
    ":smile: MK :badge[MK]",
    ":rainbow[MK]",
    # maths
    "$$\\int MK$$",
    "\\(MK\\) $\\color{red}{MK}$",
    # emphasis and code
    "*MK* _MK_",
    "~~MK~~",
    "`MK` ```MK```",
    "__MK__ ***MK***",
    # headings, lists, tables, quotes
    "# MK heading",
    "MK\n===",
    "1. MK list",
    "- MK item",
    "| MK | b |\n|---|---|\n| c | d |",
    "> MK quote",
    "MK\n\n---\n\n# MK",
    # HTML
    "<script>alert('MK')</script>",
    "<b>MK</b><i>x</i>",
    "<a href='http://evil.example'>MK</a>",
    "<iframe src=http://evil.example></iframe>MK",
    "&lt;b&gt;MK&#x202E;&amp;",
    "<style>body{display:none}</style>MK",
    # right-to-left and invisible controls
    "MK\u202egpj.exe",
    "\u2066MK\u2069\u200f\u202b",
    "MK\u2028# line\u0085two",
    "MK\x00\x07\x1b[31m",
    # long and mixed
    "=HYPERLINK(\"http://evil.example\",\"MK\")",
    "@SUM(1+1) MK",
    "+MK -MK",
))
