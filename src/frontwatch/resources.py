"""Loading the package's data files (lexicons, patterns) by language.

Language knowledge lives in ``data/lang/<lang>/<name>.toml`` so that a new language is a new
folder of data files, not a code change.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any


@lru_cache(maxsize=64)
def load_data(path: str) -> dict[str, Any]:
    """A TOML file under the package's ``data/`` folder, parsed once per process."""
    text = resources.files("frontwatch").joinpath("data", path).read_text("utf-8")
    return tomllib.loads(text)


def has_lang_data(lang: str, name: str) -> bool:
    return resources.files("frontwatch").joinpath("data", "lang", lang, f"{name}.toml").is_file()


def load_lang_data(lang: str | None, name: str) -> dict[str, Any]:
    """``data/lang/<lang>/<name>.toml``, or an empty table when the language has none."""
    if not lang or not has_lang_data(lang, name):
        return {}
    return load_data(f"lang/{lang}/{name}.toml")
