"""Speed and memory figures for KKR Desk, each beside a baseline measured in the same run.

Run ``python -m benchmarks`` from the checkout root; it is not part of the test suite.
"""
