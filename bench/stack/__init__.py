"""Benchmark of the whole production stack (issue 11): see __main__.py and docs/benchmarks.md."""
