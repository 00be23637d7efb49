"""The launch model: one orbital launch attempt, as GCAT records it, in spacetime's terms.

A launch keeps GCAT's `Launch_Tag` as its key, its date as a spacetime `EventDate` in UTC (at the
precision GCAT gives: a second, a minute or a day, uncertain where GCAT writes `?`), the launch
vehicle and its family, the vehicle's state as a spacetime entity code, the agency, the site, the
outcome and the payloads.
"""

import re
from enum import StrEnum
from typing import NamedTuple

from spacetime.core.dates import EventDate
from spacetime.launches import CREDIT  # defined there, named here too (launch modules import it)

__all__ = [
    "CREDIT",
    "FROM_EARTH",
    "GCAT_STATES",
    "Kind",
    "Launch",
    "Outcome",
    "Site",
    "family_of",
    "parse_code",
    "tag_key",
]

# GCAT's state codes (its own, not ISO) -> spacetime entity codes. Every code of the snapshot is
# here, and a few more that a newer GCAT file may use for states already in the vocabulary.
GCAT_STATES: dict[str, str] = {
    "SU": "SU",
    "RU": "RU",
    "US": "US",
    "CN": "CN",
    "F": "FR",
    "J": "JP",
    "IN": "IN",
    "UK": "GB",
    "I": "IT",
    "D": "DE",
    "IL": "IL",
    "IR": "IR",
    "KP": "KP",
    "KR": "KR",
    "NZ": "NZ",
    "BR": "BR",
    "AU": "AU",
    "CA": "CA",
    "UA": "UA",
    "UAE": "AE",
    "CYM": "KY",
    "I-ESA": "ESA",
    "I-ELDO": "ELDO",
}


class Kind(StrEnum):
    """GCAT's first letter of `Launch_Code`: to Earth orbit, to deep space, or from another world."""

    ORBITAL = "orbital"
    DEEP_SPACE = "deep-space"
    OFF_EARTH = "off-earth"


FROM_EARTH = frozenset({Kind.ORBITAL, Kind.DEEP_SPACE})
"""The orbital launch attempts: GCAT's O and D launches. The X launches (ascents from the Moon)
are left out of every list, count, cadence and chart unless asked for by `--kind`."""


class Outcome(StrEnum):
    """Success or failure as GCAT judges it; `partial` when GCAT gives a success percentage."""

    SUCCESS = "success"
    FAILURE = "failure"
    PARTIAL = "partial"


class Site(NamedTuple):
    """A launch site from GCAT's `sites.tsv`: its code, name, and state (GCAT code and name)."""

    code: str
    name: str
    state: str = ""
    state_name: str = ""

    @property
    def short(self) -> str:
        """The name up to its first comma ("Jiuquan Space Center")."""
        return self.name.split(",", 1)[0] if self.name else self.code


class Launch(NamedTuple):
    """One orbital launch attempt (one GCAT `Launch_Tag`)."""

    tag: str
    date: EventDate
    kind: Kind
    success: bool
    """GCAT's pass/fail: S or F (a partial success scored 75% or more counts as a success)."""
    percent: int | None
    """GCAT's success percentage where it gives one (`OF40` -> 40)."""
    vehicle: str
    family: str
    state: str
    """The vehicle's state, as a spacetime entity code (GCAT's `F` -> `FR`)."""
    gcat_state: str
    agency: str
    agency_name: str
    site: Site
    pad: str
    flight: str
    payloads: tuple[str, ...]

    @property
    def outcome(self) -> Outcome:
        if self.percent is not None:
            return Outcome.PARTIAL
        return Outcome.SUCCESS if self.success else Outcome.FAILURE

    @property
    def code(self) -> str:
        """GCAT's `Launch_Code` for this launch (`OS`, `OF40`, `DS`)."""
        letter = {Kind.ORBITAL: "O", Kind.DEEP_SPACE: "D", Kind.OFF_EARTH: "X"}[self.kind]
        percent = "" if self.percent is None else str(self.percent)
        return f"{letter}{'S' if self.success else 'F'}{percent}"

    @property
    def year(self) -> int:
        assert self.date.start is not None
        return self.date.start.year


_CODE = re.compile(r"(?P<kind>[ODX])(?P<result>[SF])(?P<percent>\d{1,3})?")
_KINDS = {"O": Kind.ORBITAL, "D": Kind.DEEP_SPACE, "X": Kind.OFF_EARTH}


def parse_code(code: str) -> tuple[Kind, bool, int | None]:
    """GCAT's `Launch_Code` (`OS`, `OF40`, `DS`...): the kind, pass/fail, and the percentage."""
    m = _CODE.fullmatch(code.strip())
    if m is None or (m["percent"] and int(m["percent"]) > 100):
        raise ValueError(f"unknown launch code '{code.strip()}' (GCAT writes OS, OF, DS, OF40...)")
    percent = int(m["percent"]) if m["percent"] else None
    return _KINDS[m["kind"]], m["result"] == "S", percent


_FAMILY_PREFIXES = {
    "chang zheng": "Chang Zheng",
    "space shuttle": "Space Shuttle",
    "uprated saturn": "Saturn",
    "commercial titan": "Titan",
    "blue scout": "Scout",
    "astra rocket": "Astra",
    "feng bao": "Feng Bao",
    "shuang quxian": "Shuang Quxian",
    "ur-500": "UR-500",
    "ss-520": "SS-520",
    "mu-": "Mu",
}


def family_of(vehicle: str) -> str:
    """The vehicle's family, by GCAT's naming: the name before its variant marks
    ("Soyuz-2-1A" -> "Soyuz", "Atlas V 401" -> "Atlas", "Chang Zheng 2D" -> "Chang Zheng");
    a prefix of one or two letters stays with its mark ("H-IIA", "N-1", "KT-1", "CE-5")."""
    folded = vehicle.casefold()
    for prefix, family in _FAMILY_PREFIXES.items():
        if folded.startswith(prefix):
            return family
    word = re.split(r"[ /]", vehicle, maxsplit=1)[0]
    head = word.split("-", 1)[0]
    return head if len(head) > 2 or (len(head) == 2 and not head.isalpha()) else word


def tag_key(text: str) -> str:
    """A tag reduced to what tells tags apart, so that a user may type it with hyphens or
    spaces in any case: `1957-ALP`, `1957 alp` and GCAT's `1957 ALP` all give `1957ALP`."""
    return re.sub(r"[\s_-]+", "", text).upper()
