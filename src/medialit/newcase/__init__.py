"""A teacher's own article as a new case: ``medialit new DIR --article FILE``.

The analyzer pre-fills the case's data; every pre-filled field carries a ``draft`` entry
naming the rule that produced it, so ``medialit check`` can list what is left to review.
"""
