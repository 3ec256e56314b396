"""Adapters of the AI platform ports: language models, embedders and vector indexes."""
