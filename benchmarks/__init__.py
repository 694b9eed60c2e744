"""Benchmarks for MMU Desktop: sync over a throttled link, search, saving, start-up."""
