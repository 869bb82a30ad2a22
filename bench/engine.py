"""Engine benchmark (issue 2 targets): `python bench/engine.py [--pack core-trust]`.

Same as `socialguard bench`; prints context build, p50/p95 per post, --jsonl throughput
and peak memory with a 2,000-pupil, 200-staff, 3,000-guardian registry on one core.
"""

import sys

from socialguard.cli import main

if __name__ == "__main__":
    sys.exit(main(["bench", *sys.argv[1:]]))
