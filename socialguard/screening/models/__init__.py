"""Shipped model files and their loaders (no pickles: arrays in .npz, data in JSON/TSV)."""
