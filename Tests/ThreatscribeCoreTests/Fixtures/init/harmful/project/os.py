# A module named like one the extractor uses: run only if the project's directory were on sys.path.
import posix as _os
open(__file__ + ".EXECUTED", "w").write(__name__)
raise SystemExit(99)
