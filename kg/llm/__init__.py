"""LLM support: an OpenAI-compatible client (:mod:`.client`), prompts generated from the ontology
(:mod:`.prompt`) and repair of broken JSON (:mod:`.repair`). Used by the ``llm`` extractor."""
