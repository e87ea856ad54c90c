"""Per-user rate limiting: a token bucket each, so one runaway loop cannot crowd out a class."""

from __future__ import annotations

import time
from dataclasses import dataclass, field


@dataclass
class RateLimiter:
    rate: float = 10.0  # posts per second, refilled continuously
    burst: float = 100.0  # posts allowed at once (a replay after an outage)
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)

    def allow(self, who: str, now: float | None = None) -> float:
        """0.0 when allowed, else the seconds to wait (for ``Retry-After``)."""
        now = time.monotonic() if now is None else now
        tokens, last = self._buckets.get(who, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if tokens >= 1.0:
            self._buckets[who] = (tokens - 1.0, now)
            return 0.0
        self._buckets[who] = (tokens, now)
        return (1.0 - tokens) / self.rate
