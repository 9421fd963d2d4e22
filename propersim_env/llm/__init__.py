"""LLM clients for the study's LLM mode (chat, embeddings, cache). Not built yet."""
