"""Peak resident memory of the current process, in bytes, on every desktop OS."""

from __future__ import annotations

import sys


def peak_rss_bytes() -> int | None:
    """The high-water mark of resident memory, or None where it cannot be read."""
    try:
        import resource
    except ImportError:  # Windows
        try:
            import psutil  # optional: the "bench" extra
        except ImportError:
            return None
        return int(psutil.Process().memory_info().peak_wset)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # macOS: bytes, Linux: KiB
