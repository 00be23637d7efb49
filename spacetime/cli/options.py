"""Option groups shared by commands, declared once as classes of annotated Typer options.

`@use(data=DataOptions, filters=FilterOptions)` adds every field of each group to a command's
parameters and hands the command one instance per group, so every listing command takes the same
flags with the same help; a command with an `env` parameter is handed the run's `Environment` there
(the `obj` that `spacetime.cli.app.main` gave Click's context). A field whose default is
`Made(function)` stands for the options that function makes when the command is declared (its value
is a dict of theirs): that is how each event filter of `spacetime.engine.filters` becomes a flag, so
a new filter is one definition there and nothing here. Options that several groups share (`--since`,
`--limit`...) are annotated types declared once (`Since`, `Limit`...).
"""

import functools
import inspect
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import (
    TYPE_CHECKING,
    Annotated,
    Any,
    ClassVar,
    NamedTuple,
    Self,
    TypeVar,
    get_origin,
    get_type_hints,
)

import typer

from spacetime.cli import complete
from spacetime.core.errors import UsageError
from spacetime.engine.query import Query, SortKey
from spacetime.load.sources import DataFiles
from spacetime.output.formats import Choice, OutputFormat
from spacetime.output.registry import choices, listing_names

if TYPE_CHECKING:
    from spacetime.engine.filters import Filter
    from spacetime.launches.query import LaunchQuery
    from spacetime.output.environment import Environment

__all__ = [
    "DataOptions",
    "FileOptions",
    "FilterOptions",
    "IdsOption",
    "Limit",
    "NoLineage",
    "OutputOptions",
    "Quiet",
    "Reverse",
    "SelectOptions",
    "Since",
    "Until",
    "bounds",
    "event_filter_options",
    "filter_options",
    "split_values",
    "use",
]

F = TypeVar("F", bound=Callable[..., Any])
CONTEXT = "spacetime_context"
"""The parameter through which Typer hands `use` the running command's context."""
DATA = "Data files"
FILTERS = "Filters"
OUTPUT = "Output"


class Made(NamedTuple):
    """A field's default saying that the field holds a dict of the options `make` returns."""

    make: Callable[[], list[tuple[str, Any]]]


class Group:
    """Base of the option groups: each annotated class attribute is a field (its default the
    attribute's value), set by keyword. A plain class rather than a dataclass: Python defines it
    several times faster, and the groups are on every command's start-up path."""

    def __init__(self, **values: Any) -> None:
        self.now: date | None = None
        """The run's today (`Environment.day`, set by `use`): what words of time such as `2 years
        ago` count from (None: the clock's)."""
        for name, default in group_fields(type(self)):
            if isinstance(default, Made):
                default = {}
            setattr(self, name, values.pop(name, default))
        if values:
            raise TypeError(f"{type(self).__name__} has no field {', '.join(values)}")

    def replace(self, **changes: Any) -> Self:
        """A copy with some fields changed."""
        values = {name: getattr(self, name) for name, _ in group_fields(type(self))}
        return type(self)(**(values | changes))


def group_fields(cls: type) -> list[tuple[str, Any]]:
    """The fields of an option group, the base class's first, with their defaults."""
    names = [
        name
        for klass in reversed(cls.__mro__)
        for name, hint in vars(klass).get("__annotations__", {}).items()
        if get_origin(hint) is not ClassVar
    ]
    return [(name, getattr(cls, name)) for name in dict.fromkeys(names)]


class FileOptions(Group):
    """Which timeline files to read (the commands that edit files take only these)."""

    data: Annotated[
        list[Path] | None,
        typer.Option(
            "--data",
            "-d",
            metavar="FILE",
            help="Load this timeline or launch file too (repeatable; also $SPACETIME_DATA, path-separated).",
            rich_help_panel=DATA,
        ),
    ] = None
    no_bundled: Annotated[
        bool,
        typer.Option(
            "--no-bundled",
            help="Leave out the bundled events and launch log, or the log `spacetime update` renewed (the standard vocabulary is always loaded).",
            rich_help_panel=DATA,
        ),
    ] = False
    no_personal: Annotated[
        bool,
        typer.Option(
            "--no-personal",
            help="Leave out your personal timeline (the one `spacetime add` writes by default).",
            rich_help_panel=DATA,
        ),
    ] = False

    def files(self, env: "Environment", extra: Sequence[Path] = ()) -> DataFiles:
        """The files these options name (bundled, personal, $SPACETIME_DATA, --data), then `extra`."""
        from spacetime.sources.files import data_files

        return data_files(
            [*(self.data or []), *extra],
            bundled=not self.no_bundled,
            personal=not self.no_personal,
            env=env.environ,
        )


Quiet = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help="No notes on stderr (such as which bundled events your files replace).",
        rich_help_panel=DATA,
    ),
]


class DataOptions(FileOptions):
    """The files to read and the day to read them as of: every command that reads the timeline."""

    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            help="The world as it stood on this date: later events and plans confirmed later left "
            "out, 'today' and 'years ago' counted from it (a year or month means its last day).",
            rich_help_panel=DATA,
        ),
    ] = None
    quiet: Quiet = False

    def day(self) -> date | None:
        """The --as-of day (the last day of the period typed), or None."""
        if not self.as_of:
            return None
        from spacetime.engine.bounds import parse_bound

        last = parse_bound(self.as_of, "--as-of", self.now).last_day
        assert last is not None
        return last

    def today(self) -> date:
        """The --as-of day, or the run's today."""
        from datetime import UTC, datetime

        return self.day() or self.now or datetime.now(UTC).date()


def split_values(values: list[str] | None) -> list[str]:
    """Repeated options and comma-separated values alike: `-c usa,ussr -c china`."""
    return [part.strip() for value in values or [] for part in value.split(",") if part.strip()]


NoLineage = Annotated[
    bool,
    typer.Option(
        "--no-lineage",
        help="Do not include predecessors (the Soviet Union for Russia).",
        rich_help_panel=FILTERS,
    ),
]
Since = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="DATE",
        help="From this date on: 1961, 1957-10, 'Oct 1957', '4 October 1957', 1960s.",
        rich_help_panel=FILTERS,
    ),
]
Until = Annotated[
    str | None,
    typer.Option(
        "--until",
        metavar="DATE",
        help="Up to the end of this date (same forms).",
        rich_help_panel=FILTERS,
    ),
]
Reverse = Annotated[
    bool, typer.Option("--reverse", "-r", help="Reverse the order.", rich_help_panel=FILTERS)
]
Limit = Annotated[
    int | None,
    typer.Option("--limit", "-n", metavar="N", help="At most this many.", rich_help_panel=FILTERS),
]


def event_filter_options() -> list[tuple[str, Any]]:
    """A Typer option for each filter of `spacetime.engine.filters.FILTERS` (its name, then its
    annotated type), made when a command is declared."""
    from spacetime.engine import filters

    return filter_options(filters.FILTERS)


def filter_options(table: "Sequence[Filter[Any, Any]]") -> list[tuple[str, Any]]:
    """A Typer option for each filter of a table of filters (events' or launches')."""
    options = []
    for f in table:
        option = typer.Option(
            "--" + f.name.replace("_", "-"),
            *([f.short] if f.short else []),
            metavar=f.metavar,
            help=f.help,
            rich_help_panel=FILTERS,
            autocompletion=getattr(complete, f.complete) if f.complete else None,
        )
        kind = list[str] | None if f.many else str | None
        options.append((f.name, Annotated[kind, option]))
    return options


class SelectOptions(Group):
    """Every filter but the country (`compare` takes its nations as arguments)."""

    no_lineage: NoLineage = False
    chosen: dict[str, Any] = Made(event_filter_options)  # type: ignore[assignment]
    """The event filters' values by name, as given (one flag each, see `event_filter_options`)."""
    since: Since = None
    until: Until = None
    sort: Annotated[
        SortKey,
        typer.Option(
            "--sort", metavar="KEY", help="Order by date, id or title.", rich_help_panel=FILTERS
        ),
    ] = SortKey.DATE
    reverse: Reverse = False
    limit: Limit = None

    def countries(self) -> list[str]:
        return []

    def selects_events(self) -> bool:
        """Whether any filter other than the country, the order and the limit is given."""
        return any(self.chosen.values()) or bool(self.since or self.until)

    def query(self) -> Query:
        since, until = bounds(self.since, self.until, self.now)
        return Query(
            countries=self.countries(),
            lineage=not self.no_lineage,
            filters=self.chosen,
            since=since,
            until=until,
            sort=self.sort,
            reverse=self.reverse,
            limit=self.limit,
        )


def bounds(since: str | None, until: str | None, today: date | None) -> tuple[Any, Any]:
    """--since and --until as first and last days, by the same whole-period rules everywhere;
    words of time count from `today` (None: the clock's)."""
    if not (since or until):
        return None, None
    from spacetime.engine.bounds import parse_bound

    return (
        parse_bound(since, "--since", today).first_day if since else None,
        parse_bound(until, "--until", today).last_day if until else None,
    )


def country_option(help: str) -> Any:
    """`--country/-c NAME` (repeated or with commas, completed from the vocabulary): the one
    declaration of the option, with `help` saying what a country is to the command."""
    return typer.Option(
        "--country",
        "-c",
        metavar="NAME",
        help=f"{help}; repeat or use commas.",
        rich_help_panel=FILTERS,
        autocompletion=complete.countries,
    )


class FilterOptions(SelectOptions):
    """The filters of the listing commands: the country and all the others."""

    LEAD: ClassVar[tuple[str, ...]] = ("country",)
    """Fields shown first in the help (a subclass's own fields would come last)."""

    country: Annotated[
        list[str] | None,
        country_option("Country or organization, by code or alias (china, ussr, esa)"),
    ] = None

    def launch_query(self, option: str) -> "LaunchQuery":
        """The launch query of a command's `--launches` mode: only the country (with its
        lineage) and the date range apply to launches; other event filters are a usage error."""
        if any(self.chosen.values()):
            raise UsageError(
                f"with {option}, only --country, --no-lineage, --since and --until apply"
            )
        from spacetime.launches.query import LaunchQuery

        since, until = bounds(self.since, self.until, self.now)
        return LaunchQuery(
            countries=split_values(self.country),
            lineage=not self.no_lineage,
            since=since,
            until=until,
            limit=self.limit,
        )

    def countries(self) -> list[str]:
        return split_values(self.country)


class OutputOptions(Group):
    format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=choices(listing_names()),
            rich_help_panel=OUTPUT,
        ),
    ] = None
    json: Annotated[
        bool, typer.Option("--json", help="Same as --format json.", rich_help_panel=OUTPUT)
    ] = False
    fields: Annotated[
        str | None,
        typer.Option(
            "--fields",
            metavar="NAMES",
            help="Only these fields, in this order, in any format (comma-separated; a name "
            "the command does not have is answered with the ones it has; docs/json.md lists "
            "them).",
            rich_help_panel=OUTPUT,
        ),
    ] = None
    count: Annotated[
        bool,
        typer.Option("--count", help="Print only the number of matches.", rich_help_panel=OUTPUT),
    ] = False
    excel_safe: Annotated[
        bool,
        typer.Option(
            "--excel-safe",
            help="With csv or tsv: a cell starting with = + - @ gets a ' first, so that a "
            "spreadsheet shows it as text, never runs it as a formula.",
            rich_help_panel=OUTPUT,
        ),
    ] = False

    def choice(self) -> Choice:
        """The --fields, --count and --excel-safe choice for the format layer."""
        names = tuple(split_values([self.fields])) if self.fields is not None else None
        if self.fields is not None and not names:
            raise UsageError("--fields needs at least one field name")
        if self.excel_safe and self.chosen not in (OutputFormat.CSV, OutputFormat.TSV):
            raise UsageError(f"--excel-safe goes with --format csv or tsv, not {self.chosen}")
        return Choice(fields=names, count_only=self.count, excel_safe=self.excel_safe)

    @property
    def chosen(self) -> OutputFormat:
        if self.json and self.format not in (None, OutputFormat.JSON):
            raise UsageError(f"--json and --format {self.format} conflict; give one of them")
        if self.json:
            return OutputFormat.JSON
        return self.format or OutputFormat.TABLE


IdsOption = Annotated[
    bool,
    typer.Option(
        "--ids", help="Show each event's id (what `spacetime show` takes).", rich_help_panel=OUTPUT
    ),
]


def use(**groups: type) -> Callable[[F], F]:
    """Add the options of each group to the decorated command (see the module docstring)."""

    def decorate(func: F) -> F:
        signature = inspect.signature(func)
        own_hints = get_type_hints(func, include_extras=True)
        params = [
            p.replace(annotation=own_hints.get(p.name, p.annotation))
            for p in signature.parameters.values()
            if p.name not in groups and p.name != "env"
        ]
        wants_env = "env" in signature.parameters
        if wants_env:  # Typer hands a parameter annotated as its Context the running context
            params.append(
                inspect.Parameter(CONTEXT, inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context)
            )
        members: dict[str, list[tuple[str, list[str] | None]]] = {}
        for group, cls in groups.items():
            hints = get_type_hints(cls, include_extras=True)
            members[group] = []
            lead = getattr(cls, "LEAD", ())
            for field, default in sorted(group_fields(cls), key=lambda f: f[0] not in lead):
                made = default.make() if isinstance(default, Made) else None
                options = made if made is not None else [(field, hints[field])]
                members[group].append((field, [n for n, _ in made] if made is not None else None))
                params += [
                    inspect.Parameter(
                        name,
                        inspect.Parameter.KEYWORD_ONLY,
                        default=None if made is not None else default,
                        annotation=annotation,
                    )
                    for name, annotation in options
                ]

        def gather(names: list[str] | None, field: str, kwargs: dict[str, Any]) -> Any:
            if names is None:
                return kwargs.pop(field)
            return {name: kwargs.pop(name) for name in names}

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if wants_env:
                kwargs["env"] = kwargs.pop(CONTEXT).obj
            for group, cls in groups.items():
                made = cls(
                    **{field: gather(names, field, kwargs) for field, names in members[group]}
                )
                if wants_env:
                    made.now = kwargs["env"].day()
                kwargs[group] = made
            return func(*args, **kwargs)

        wrapper.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
        wrapper.__annotations__ = {p.name: p.annotation for p in params}
        return wrapper  # type: ignore[return-value]

    return decorate
