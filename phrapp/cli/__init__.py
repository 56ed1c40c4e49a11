"""The ``phrapp`` command (CONTRACT §1–§3): headless use, scripting and tests.

Exit codes: 0 success, 1 usage, 2 refused (nothing changed), 3 vault unavailable,
4 internal error. With ``--json`` a failure prints exactly
``{"error": {"code", "message", "path"?}}`` on stdout.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from phrapp.cli.output import Output
from phrapp.cli.parser import build_parser
from phrapp.errors import PhrError

log = logging.getLogger("phrapp")


def _where(exc: BaseException) -> str:
    """Where an exception was raised (file:line:function frames), without its message."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)[-4:]
    return " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno}:{f.name}"
                       for f in reversed(frames))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (``raise SystemExit(main())`` in scripts)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    out = Output(json_mode="--json" in args_list)
    logging.basicConfig(level=logging.WARNING, format="phrapp: %(levelname)s: %(message)s")
    try:
        args = build_parser().parse_args(args_list)
        out.json_mode = bool(getattr(args, "json", False))
        handler = getattr(args, "handler", None)
        if handler is None:
            from phrapp.cli.parser import build_parser as _bp

            _bp().print_help(sys.stderr)
            return 1
        result = handler(args, out)
        return int(result or 0)
    except PhrError as exc:
        out.error(exc)
        return exc.exit_code
    except KeyboardInterrupt:
        out.error(PhrError("interrupted", code="interrupted"))
        return 4
    except Exception as exc:
        # Class name and code locations only: a message could quote a health value.
        log.error("internal error: %s at %s", type(exc).__name__, _where(exc))
        out.error(PhrError(f"internal error ({type(exc).__name__}); nothing was changed"))
        return 4
