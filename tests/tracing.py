"""Test-only views that note what a stage reads: the parameters of a Data, the fields of
the core, the coefficients of other policies. The model declares its reads
(``CORE_READS``, ``Policy.reads``, ``Policy.core_fields``, ``Policy.requires``, the core
parts' fields); the tests compare the declarations with what these views saw."""

from __future__ import annotations

import inspect
from functools import cached_property
from typing import Any


class TracingData:
    """A Data whose parameter reads (``table``, ``[]``) are noted in ``seen``."""

    def __init__(self, data: Any):
        self._data = data
        self.seen: set[str] = set()

    def __getattr__(self, name: str) -> Any:
        if name == "values":
            raise AttributeError("read parameters through data.table(name) or data[name]")
        return getattr(self._data, name)

    def table(self, name: str):
        self.seen.add(name)
        return self._data.table(name)

    def __getitem__(self, name: str):
        self.seen.add(name)
        return self._data[name]


class TracingObject:
    """A frozen dataclass (the core) whose attribute reads are noted in ``seen``; methods
    and properties run on the view, so that what they read is noted too."""

    def __init__(self, target: Any):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "seen", set())

    def __getattr__(self, name: str) -> Any:
        target = object.__getattribute__(self, "_target")
        seen = object.__getattribute__(self, "seen")
        own = getattr(target, "__dict__", {})
        if name in own:
            seen.add(name)
            return own[name]
        attribute = inspect.getattr_static(type(target), name)
        if isinstance(attribute, property):
            return attribute.fget(self)
        if isinstance(attribute, cached_property):
            return attribute.func(self)
        if inspect.isfunction(attribute):
            return attribute.__get__(self)
        seen.add(name)
        return getattr(target, name)


class TracingMapping(dict):
    """The coefficients of other policies, noting which are asked for."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.seen: set[str] = set()

    def __getitem__(self, key):
        self.seen.add(key)
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.seen.add(key)
        return super().get(key, default)

    def __contains__(self, key):
        self.seen.add(key)
        return super().__contains__(key)
