"""`Record`: the base of the model's frozen value classes (events, entities, terms, dates).

A record class lists its fields in `__slots__` and sets them in its own `__init__`; this base
gives it what a frozen dataclass would: equality and hashing over the `_compared` fields, a
`repr`, and no assignment after creation. Python defines such a class several times faster than a
dataclass, and these classes are on every command's start-up path.
"""

from __future__ import annotations

from typing import Any, ClassVar, Self

__all__ = ["Record", "record_fields"]


class Record:
    """A frozen value with `__slots__` fields; `_compared` names those that equality uses."""

    __slots__ = ()
    _compared: ClassVar[tuple[str, ...]] = ()

    def _key(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in self._compared])

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        values = ", ".join(
            f"{name}={getattr(self, name)!r}" for name, _ in record_fields(type(self))
        )
        return f"{type(self).__name__}({values})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field '{name}' of a {type(self).__name__}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field '{name}' of a {type(self).__name__}")

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed."""
        values = {name: getattr(self, name) for name, _ in record_fields(type(self))}
        return type(self)(**(values | changes))


def record_fields(cls: type) -> list[tuple[str, str]]:
    """The fields of a record class in order (a base class's first), each with its type as
    written in the source."""
    return [
        (name, str(kind))
        for klass in reversed(cls.__mro__)
        for name, kind in vars(klass).get("__annotations__", {}).items()
        if not str(kind).startswith("ClassVar")
    ]
