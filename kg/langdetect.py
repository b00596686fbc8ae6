"""Language of an article, with the model that ships inside py3langid (no download).

Examples
--------
>>> detect("Meta kündigt eine enge Zusammenarbeit mit dem KI-Unternehmen Midjourney an.")
'de'
"""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> str:
    """ISO 639-1 code of the text's language ("de", "en", ...); "" for text with no letters."""
    sample = text[:2000]
    if not any(ch.isalpha() for ch in sample):
        return ""
    code, _ = _identifier().classify(sample)
    if code not in ("de", "en"):
        # short or name-heavy texts: prefer de/en when they are close enough
        ranked = dict(_identifier().rank(sample)[:5])
        for candidate in ("de", "en"):
            if ranked.get(candidate, 0) > 0.25:
                return candidate
    return code
