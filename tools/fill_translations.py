"""Fill Japanese translations from a JSON file of {"Context|source": "訳"} pairs.

    .venv/bin/python tools/build_translations.py --extract
    .venv/bin/python tools/fill_translations.py ja.json   # then review i18n/phrapp_ja.ts

Only entries still marked unfinished are filled; existing translations are kept.
Prints what is still unfinished afterwards.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_translations import TS_DIR, read_ts, say, unfinished, write_ts


def main(argv: list[str]) -> int:
    pairs: dict[str, str] = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    path = TS_DIR / "phrapp_ja.ts"
    ts = read_ts(path)
    filled = 0
    for name, entries in ts.contexts.items():
        for entry in entries:
            text = pairs.get(f"{name}|{entry.source}")
            if text and entry.kind == "unfinished":
                entry.translation, entry.kind = text, None
                filled += 1
    write_ts(path, ts)
    left = unfinished(ts)
    say(f"filled {filled}; unfinished {len(left)}")
    for context, source in left:
        say(f"  {context} | {source}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
