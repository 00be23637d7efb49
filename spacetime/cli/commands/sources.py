"""`spacetime sources`: what is loaded, and where it comes from."""

from spacetime.cli.common import check_readable, emit
from spacetime.cli.options import DataOptions, OutputOptions, use
from spacetime.output.environment import Environment


@use(data=DataOptions, output=OutputOptions)
def sources(*, env: Environment, data: DataOptions, output: OutputOptions) -> None:
    """List the data files loaded: each one's source, path, date span, counts, last update and credit.

    Each timeline and launch file, bundled or yours, read and checked as every command reads it.
    """
    from spacetime.output.sources import source_listing
    from spacetime.sources import describe

    check_readable(data.data or [], "--data")
    files = data.files(env)
    check_readable(list(files.launches), "--data")
    emit(source_listing(describe(files, env.cache_dir())), output, env)
